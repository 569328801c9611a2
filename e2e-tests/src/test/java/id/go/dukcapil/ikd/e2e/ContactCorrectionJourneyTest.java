package id.go.dukcapil.ikd.e2e;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import id.go.dukcapil.ikd.local.suite.SuiteService;
import id.go.dukcapil.ikd.testing.HeadlessBrowser;
import id.go.dukcapil.ikd.testing.Mailbox;
import io.restassured.http.ContentType;

/**
 * Remedies at the counter (issue 17, item 7): the citizen's email was wrong, so they come to the
 * office. The operator, with the citizen present and the KTP-el checked, corrects the email; the
 * new inbox gets a fresh activation PIN that activates, the old inbox is warned, and the case page
 * shows what was delivered.
 */
class ContactCorrectionJourneyTest {

    private static Suite suite;
    private static Journey journey;

    @RegisterExtension
    static final HeadlessBrowser CHROMIUM = HeadlessBrowser.chromium();

    @BeforeAll
    static void startSuite() {
        suite = Suite.shared();
        journey = new Journey(suite);
    }

    @Test
    void anEmailCorrectedAtTheCounterGetsTheNewPinAndTheOldAddressIsWarned() {
        String oldEmail = Journey.uniqueEmail("bagus.lama");
        String newEmail = Journey.uniqueEmail("bagus.baru");
        Journey.Registration registration = journey.register(Journey.BAGUS_NIK, oldEmail, Journey.uniquePhone(), "id",
                Device.create());
        String operator = journey.operatorLogin("demo.operator");
        String caseId = journey.scan(operator, Map.of("shortCode", registration.shortCode())).getString("caseId");
        journey.decide(operator, caseId, Map.of("decision", "APPROVED", "channel", "COUNTER", "ktpElChecked", true));
        Journey.ActivationMail firstPin = journey.awaitActivationMail(oldEmail);

        // at the counter: the citizen is present, the KTP-el checked; found by NIK, as without the app's code
        assertThat(given().auth().oauth2(operator).contentType(ContentType.JSON).body(Map.of("nik", Journey.BAGUS_NIK))
                .post(suite.url(SuiteService.VERIFICATION) + "/api/v1/operator/case-searches").then().statusCode(200)
                .extract().jsonPath().<String>getList("cases.caseId")).contains(caseId);
        given().auth().oauth2(operator).contentType(ContentType.JSON)
                .body(Map.of("email", newEmail, "citizenPresent", true, "ktpElChecked", true))
                .post(suite.url(SuiteService.VERIFICATION) + "/api/v1/operator/cases/" + caseId + "/contact-corrections")
                .then().statusCode(201);

        Journey.ActivationMail freshPin = journey.awaitActivationMail(newEmail);
        assertThat(freshPin.activationUrl()).isNotEqualTo(firstPin.activationUrl());
        Mailbox.Mail warning = Mailbox.await(suite.imapPort(), oldEmail,
                m -> m.subject().contains("kontak IKD Anda diubah"), Duration.ofSeconds(90));
        assertThat(warning.text()).contains("1500537").doesNotContain(newEmail);

        journey.activateOnTheWebPage(CHROMIUM.browser(), freshPin);
        await().atMost(Duration.ofSeconds(60))
                .until(() -> "ACTIVATED".equals(journey.status(registration).getString("status")));

        // the case page's delivery table, from notification-service's events
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofSeconds(1)).untilAsserted(() -> {
            List<Map<String, Object>> deliveries = given().auth().oauth2(operator)
                    .get(suite.url(SuiteService.VERIFICATION) + "/api/v1/operator/cases/" + caseId + "/deliveries").then()
                    .statusCode(200).extract().jsonPath().getList("deliveries");
            assertThat(deliveries).anySatisfy(d -> {
                assertThat(d.get("kind")).isEqualTo("CONTACT_CHANGED");
                assertThat(d.get("status")).isEqualTo("SENT");
            });
            assertThat(deliveries).filteredOn(d -> "ACTIVATION_CODE".equals(d.get("kind"))
                    && "SENT".equals(d.get("status"))).hasSizeGreaterThanOrEqualTo(2);
        });
    }
}

package id.go.dukcapil.ikd.verification;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import id.go.dukcapil.ikd.testing.IkdTestResource;
import id.go.dukcapil.ikd.verification.TestSupport.Registration;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * The race behind "an old code still opened the case right after a new one was issued": the app
 * got a new code from registration-service, whose CounterCodeIssued had not reached this service
 * yet, and the old code was scanned in between. Here the event is held back on purpose, so the
 * race happens every time instead of twice in four runs.
 */
@QuarkusTest
@QuarkusTestResource(value = IkdTestResource.class, initArgs = @ResourceArg(name = "database", value = "verification"))
@QuarkusTestResource(RegistrationServiceStub.class)
class CounterCodeRaceTest {

    @Inject
    Pool pool;

    @Test
    void anOldCodeStopsAtOnceAndANewCodeWorksBeforeItsEvent() {
        String operator = TestSupport.login("demo.operator");
        Registration first = TestSupport.submit("3171017004980001");
        String caseId = VerificationFlowTest.awaitQueued(operator, first.registrationId());
        await().atMost(Duration.ofSeconds(30)).until(() -> knownCodes(first.registrationId()) == 1);

        // registration-service issues the second code; its event is still on the way
        Registration second = TestSupport.issueWithoutEvent(first.registrationId(), 2,
                Instant.now().plus(Duration.ofMinutes(10)));
        assertThat(knownCodes(first.registrationId())).isEqualTo(1);

        // the old code, as QR and typed, no longer opens the case
        VerificationFlowTest.scan(operator, Map.of("qrPayload", TestSupport.counterJws(first, first.expiresAt())))
                .statusCode(410).contentType("application/problem+json").body("code", equalTo("COUNTER_CODE_SUPERSEDED"));
        VerificationFlowTest.scan(operator, Map.of("shortCode", first.shortCode()))
                .statusCode(410).body("code", equalTo("COUNTER_CODE_SUPERSEDED"));
        given().auth().oauth2(operator).get("/api/v1/operator/cases/" + caseId).then().body("status", equalTo("QUEUED"));

        // the new code works although this service has not heard of it: its signature and sequence place it
        VerificationFlowTest.scan(operator, Map.of("qrPayload", TestSupport.counterJws(second, second.expiresAt())))
                .statusCode(200).body("caseId", equalTo(caseId)).body("status", equalTo("IN_REVIEW"));
        assertThat(knownCodes(first.registrationId())).isEqualTo(2);

        // the late event changes nothing; the old code stays refused
        TestSupport.publishIssued(second);
        VerificationFlowTest.scan(operator, Map.of("qrPayload", TestSupport.counterJws(first, first.expiresAt())))
                .statusCode(410).body("code", equalTo("COUNTER_CODE_SUPERSEDED"));
    }

    @Test
    void aScanThatCannotBeConfirmedIsRefusedNotTrusted() {
        String operator = TestSupport.login("demo.operator");
        Registration registration = TestSupport.submit("3171011212000001");
        String caseId = VerificationFlowTest.awaitQueued(operator, registration.registrationId());
        RegistrationServiceStub.unavailableFor(registration.registrationId());
        var refused = VerificationFlowTest.scan(operator, Map.of("shortCode", registration.shortCode()))
                .statusCode(503).contentType("application/problem+json")
                .body("code", equalTo("REGISTRATION_SERVICE_UNAVAILABLE"));
        assertThat(refused.extract().header("Retry-After")).isNotBlank();
        given().auth().oauth2(operator).get("/api/v1/operator/cases/" + caseId).then().body("status", equalTo("QUEUED"));
    }

    @Test
    void aConfirmationWhoseConnectionIsResetOnceIsSentAgainAndTheScanWorks() {
        String operator = TestSupport.login("demo.operator");
        Registration registration = TestSupport.submit("3171011212000002");
        String caseId = VerificationFlowTest.awaitQueued(operator, registration.registrationId());
        RegistrationServiceStub.resetOnceFor(registration.registrationId());
        VerificationFlowTest.scan(operator, Map.of("shortCode", registration.shortCode()))
                .statusCode(200).body("caseId", equalTo(caseId)).body("status", equalTo("IN_REVIEW"));
        // the reset one and the one that answered: the retry went through the real REST client
        assertThat(RegistrationServiceStub.codeRequests(registration.registrationId())).isEqualTo(2);
    }

    private long knownCodes(UUID registrationId) {
        return pool.preparedQuery("select count(*) from counter_code where registration_id = $1")
                .execute(Tuple.of(registrationId)).await().indefinitely().iterator().next().getLong(0);
    }
}

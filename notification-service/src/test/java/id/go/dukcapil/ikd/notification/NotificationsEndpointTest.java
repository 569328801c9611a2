package id.go.dukcapil.ikd.notification;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;

import id.go.dukcapil.ikd.events.DeliveryStatus;
import id.go.dukcapil.ikd.events.EventJson;
import id.go.dukcapil.ikd.events.NotificationChannel;
import id.go.dukcapil.ikd.events.NotificationStatus;
import id.go.dukcapil.ikd.events.RejectionReason;
import id.go.dukcapil.ikd.events.Topics;
import id.go.dukcapil.ikd.notification.TestEvents.Citizen;
import id.go.dukcapil.ikd.notification.domain.Notification;
import id.go.dukcapil.ikd.notification.domain.NotificationKind;
import id.go.dukcapil.ikd.notification.domain.SourceEvent;
import id.go.dukcapil.ikd.notification.domain.NotificationState;
import id.go.dukcapil.ikd.notification.mapping.TemplateModels;
import id.go.dukcapil.ikd.notification.repository.NotificationRepository;
import id.go.dukcapil.ikd.testing.IkdTestResource;
import id.go.dukcapil.ikd.web.CaseGrants;
import id.go.dukcapil.ikd.testing.Mailbox;
import id.go.dukcapil.ikd.testing.TopicProbe;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.vertx.VertxContextSupport;
import io.restassured.http.ContentType;

/** The ops view of deliveries, and what happens to an attempt that a crash interrupted. */
@QuarkusTest
@QuarkusTestResource(value = IkdTestResource.class, initArgs = @ResourceArg(name = "database", value = "notification"))
@QuarkusTestResource(NotificationTestResource.class)
class NotificationsEndpointTest {

    private static final Duration PATIENCE = Duration.ofSeconds(30);

    @Inject
    NotificationRepository repository;

    @Inject
    TemplateModels models;

    @Inject
    ObjectMapper json;

    @Test
    void opsSeeEveryMessageOfARegistrationWithMaskedRecipientsAndNoContent() {
        Citizen citizen = Citizen.speaking("id");
        String eventId = TestEvents.publish(TestEvents.rejected(citizen, RejectionReason.FACE_MISMATCH, null));
        Mailbox.await(TestEvents.imapPort(), citizen.email(), m -> true, PATIENCE);

        List<Map<String, Object>> views = await().atMost(PATIENCE).until(() -> list(citizen, "operator"),
                found -> found.size() == 2 && found.stream().allMatch(v -> "SENT".equals(v.get("state"))));
        assertThat(views).extracting(v -> v.get("channel")).containsExactlyInAnyOrder("EMAIL", "SMS");
        assertThat(views).allSatisfy(view -> {
            assertThat(view.get("kind")).isEqualTo("VERIFICATION_REJECTED");
            assertThat(view.get("sourceEventId")).isEqualTo(eventId);
            assertThat(view.get("attempts")).isEqualTo(1);
            assertThat(view).doesNotContainKeys("content", "recipient");
            assertThat((String) view.get("recipientMasked")).doesNotContain(citizen.email(), citizen.phone()).contains("*");
        });
        assertThat(list(citizen, "supervisor")).hasSize(2);
        assertThat(list(citizen, "admin")).hasSize(2);
    }

    /** The delivery log is scoped as cases are: an operator sees it only with a grant of their office's case. */
    @Test
    void anOperatorOfAnotherOfficeIsRefusedAndAnAdminIsNot() {
        Citizen citizen = Citizen.speaking("id");
        TestEvents.publish(TestEvents.rejected(citizen, RejectionReason.FACE_MISMATCH, null));
        String registrationId = citizen.registrationId().toString();
        await().atMost(PATIENCE).until(() -> list(citizen, "admin").size() == 2);

        // an operator's token alone no longer opens any registration's log
        given().header("Authorization", TestEvents.operatorBearer("operator", "3171-DEMO"))
                .queryParam("registrationId", registrationId).get("/api/v1/notifications").then().statusCode(403)
                .contentType("application/problem+json").body("code", equalTo("CASE_GRANT_REQUIRED"));
        // another office's operator, holding a grant made out to the office handling the case
        given().header("Authorization", TestEvents.operatorBearer("operator", "6306-TAPIN"))
                .header(CaseGrants.HEADER, TestEvents.caseGrant("ops-test", citizen.registrationId(), "3171-DEMO"))
                .queryParam("registrationId", registrationId).get("/api/v1/notifications").then().statusCode(403)
                .contentType("application/problem+json").body("code", equalTo("CASE_GRANT_REQUIRED"));
        // a grant of another registration
        given().header("Authorization", TestEvents.operatorBearer("operator", "3171-DEMO"))
                .header(CaseGrants.HEADER, TestEvents.caseGrant("ops-test", UUID.randomUUID(), "3171-DEMO"))
                .queryParam("registrationId", registrationId).get("/api/v1/notifications").then().statusCode(403)
                .body("code", equalTo("CASE_GRANT_REQUIRED"));
        // the office handling the case, with its grant
        given().header("Authorization", TestEvents.operatorBearer("operator", "3171-DEMO"))
                .header(CaseGrants.HEADER, TestEvents.caseGrant("ops-test", citizen.registrationId(), "3171-DEMO"))
                .queryParam("registrationId", registrationId).get("/api/v1/notifications").then().statusCode(200)
                .body("size()", equalTo(2));
    }

    @Test
    void anUnknownRegistrationHasNoMessages() {
        assertThat(list(Citizen.speaking("id"), "admin")).isEmpty();
    }

    @Test
    void withoutATokenTheAnswerIsProblemJson401() {
        given().queryParam("registrationId", UUID.randomUUID().toString())
                .get("/api/v1/notifications").then().statusCode(401)
                .contentType("application/problem+json").body("code", equalTo("UNAUTHORIZED"));
    }

    @Test
    void aCitizenOrRelyingPartyIsRefused() {
        for (String group : List.of("citizen", "verifier")) {
            given().header("Authorization", TestEvents.bearer(group))
                    .queryParam("registrationId", UUID.randomUUID().toString())
                    .get("/api/v1/notifications").then().statusCode(403)
                    .contentType("application/problem+json").body("code", equalTo("FORBIDDEN"));
        }
    }

    @Test
    void aMissingOrMalformedRegistrationIdIsAValidationProblem() {
        given().header("Authorization", TestEvents.bearer("admin"))
                .get("/api/v1/notifications").then().statusCode(400)
                .contentType("application/problem+json").body("code", equalTo("VALIDATION_FAILED"));
        given().header("Authorization", TestEvents.bearer("admin")).header("Accept-Language", "en")
                .queryParam("registrationId", "'; drop table notification;--")
                .get("/api/v1/notifications").then().statusCode(400)
                .contentType("application/problem+json").body("code", equalTo("VALIDATION_FAILED"))
                .body("title", equalTo("The request data is invalid"));
    }

    /**
     * A row left SENDING by a replica that died after claiming it is a lease that runs out: it is
     * taken over and sent once, under the Message-ID that the first attempt used too, so that a
     * repeat is recognisable; nothing is lost.
     */
    @Test
    void anAbandonedAttemptIsTakenOverAfterItsLeaseAndSentOnceUnderItsMessageId() throws Throwable {
        Citizen citizen = Citizen.speaking("id");
        Notification abandoned = Notification.pending(citizen.registrationId(),
                new SourceEvent("crash-" + citizen.registrationId(), "id.go.dukcapil.ikd.identity.activated.v2"),
                NotificationKind.IDENTITY_ACTIVATED, NotificationChannel.EMAIL, citizen.email(), "id",
                json.writeValueAsString(models.identityActivated(TestEvents.activatedV2(citizen), "id")),
                Instant.now().minus(Duration.ofHours(1)));
        abandoned.startAttempt(Instant.now().minus(Duration.ofHours(1)));
        try (TopicProbe statuses = TopicProbe.fromNow(TestEvents.bootstrap(), Topics.NOTIFICATION)) {
            VertxContextSupport.subscribeAndAwait(() -> Panache.withTransaction(() -> repository.persist(abandoned)));

            var record = statuses.await(r -> citizen.registrationId().toString().equals(r.key()), PATIENCE);
            NotificationStatus status = EventJson.read(record.value(), NotificationStatus.class);
            assertThat(status.status()).isEqualTo(DeliveryStatus.SENT);
            assertThat(status.notificationId()).isEqualTo(abandoned.id);
            assertThat(status.attempt()).isEqualTo(2);

            Mailbox.Mail mail = Mailbox.await(TestEvents.imapPort(), citizen.email(), m -> true, PATIENCE);
            assertThat(mail.messageId()).isEqualTo("<" + abandoned.id + "@ikd.dukcapil.go.id>");
            assertThat(list(citizen, "admin")).singleElement()
                    .satisfies(view -> assertThat(view.get("state")).isEqualTo(NotificationState.SENT.name()));
            // several dispatcher and reconciliation rounds later, it was sent once
            assertThat(statuses.collect(r -> citizen.registrationId().toString().equals(r.key()), Duration.ofSeconds(3)))
                    .hasSize(1);
            assertThat(Mailbox.read(TestEvents.imapPort(), citizen.email())).hasSize(1);
        }
    }

    /** As {@code group}; operators and supervisors of office 3171-DEMO with that office's grant for the case. */
    private static List<Map<String, Object>> list(Citizen citizen, String group) {
        var request = "admin".equals(group) ? given().header("Authorization", TestEvents.bearer(group))
                : given().header("Authorization", TestEvents.operatorBearer(group, "3171-DEMO"))
                        .header(CaseGrants.HEADER, TestEvents.caseGrant("ops-test", citizen.registrationId(), "3171-DEMO"));
        return request.accept(ContentType.JSON)
                .queryParam("registrationId", citizen.registrationId().toString())
                .get("/api/v1/notifications").then().statusCode(200).contentType(ContentType.JSON)
                .extract().jsonPath().getList("$");
    }
}

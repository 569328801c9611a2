package id.go.dukcapil.ikd.registration;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

import java.net.URI;
import java.net.URL;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import id.go.dukcapil.ikd.events.ActivationCodeIssued;
import id.go.dukcapil.ikd.events.Channel;
import id.go.dukcapil.ikd.events.CounterCodeIssued;
import id.go.dukcapil.ikd.events.Decision;
import id.go.dukcapil.ikd.events.DeliveryStatus;
import id.go.dukcapil.ikd.events.EventJson;
import id.go.dukcapil.ikd.events.EventType;
import id.go.dukcapil.ikd.events.IdentityActivated;
import id.go.dukcapil.ikd.events.IdentityRevoked;
import id.go.dukcapil.ikd.events.NotificationChannel;
import id.go.dukcapil.ikd.events.NotificationStatus;
import id.go.dukcapil.ikd.events.OfficeContact;
import id.go.dukcapil.ikd.events.RegistrationWithdrawn;
import id.go.dukcapil.ikd.events.RejectionReason;
import id.go.dukcapil.ikd.events.RevocationReason;
import id.go.dukcapil.ikd.events.Topics;
import id.go.dukcapil.ikd.events.VerificationDecided;
import id.go.dukcapil.ikd.events.VerifiedAttributes;
import id.go.dukcapil.ikd.events.WithdrawalReason;
import id.go.dukcapil.ikd.registration.config.RegistrationConfig;
import id.go.dukcapil.ikd.registration.service.RegistrationService;
import id.go.dukcapil.ikd.testing.IkdTestResource;
import id.go.dukcapil.ikd.testing.TopicProbe;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.vertx.VertxContextSupport;
import io.restassured.response.Response;
import io.restassured.response.ValidatableResponse;

/** SOP steps 3 to 5 from the citizen's side: counter codes, live status, withdrawal and expiry. */
@QuarkusTest
@QuarkusTestResource(value = IkdTestResource.class, initArgs = @ResourceArg(name = "database", value = "registration"))
class RegistrationJourneyTest {

    private static final String BASE = "/api/v1/registrations/";

    @Inject
    RegistrationService registrations;
    @Inject
    RegistrationConfig config;
    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;
    @TestHTTPResource("/api/v1/registrations/")
    URL api;

    @Test
    void approvalOnKafkaReachesAnOpenStreamAndTheTimeline() throws Exception {
        String[] registration = Citizens.registered();
        String id = registration[0];
        try (SseClient stream = new SseClient(URI.create(api + id + "/events"),
                Map.of(Citizens.SECRET_HEADER, registration[1]))) {
            assertThat(stream.status()).isEqualTo(200);
            assertThat(stream.contentType()).startsWith("text/event-stream");
            SseClient.Event submitted = stream.await(e -> "registration".equals(e.name()) && e.data().contains("SUBMITTED"),
                    Duration.ofSeconds(10));

            Citizens.publish(bootstrap, approved(UUID.fromString(id)));

            SseClient.Event approved = stream.await(e -> e.data().contains("\"kind\":\"APPROVED\""), Duration.ofSeconds(30));
            assertThat(approved.data()).contains("\"status\":\"APPROVED\"", "\"channel\":\"COUNTER\"");
            assertThat(Long.parseLong(approved.id())).isGreaterThan(Long.parseLong(submitted.id()));
        }
        given().header(Citizens.SECRET_HEADER, registration[1]).get(BASE + id).then().statusCode(200)
                .body("status", equalTo("APPROVED"))
                .body("timeline.kind", equalTo(List.of("SUBMITTED", "APPROVED")));
    }

    /**
     * A stranger registered the citizen's NIK too; at the counter the operator approved the one on
     * the citizen's phone: the stranger's is withdrawn then (SUPERSEDED, naming the approved one),
     * and its own app is told on its timeline.
     */
    @Test
    void approvalWithdrawsTheOtherPendingRegistrationsOfTheNik() {
        String nik = Citizens.nik();
        Response citizen = Citizens.register(Citizens.form(nik));
        Response stranger = Citizens.register(Citizens.form(nik));
        String citizenId = citizen.path("registrationId");
        String strangerId = stranger.path("registrationId");
        try (TopicProbe probe = TopicProbe.fromNow(bootstrap, Topics.REGISTRATION)) {
            // a rejection (here: the stranger's, face mismatch) withdraws nothing else
            Citizens.publish(bootstrap, rejected(UUID.fromString(strangerId)));
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given()
                    .header(Citizens.SECRET_HEADER, stranger.<String>path("registrationSecret")).get(BASE + strangerId)
                    .then().body("status", equalTo("REJECTED")));
            given().header(Citizens.SECRET_HEADER, citizen.<String>path("registrationSecret")).get(BASE + citizenId)
                    .then().body("status", equalTo("PENDING_VERIFICATION"));

            Response third = Citizens.register(Citizens.form(nik));
            String thirdId = third.path("registrationId");
            Citizens.publish(bootstrap, approved(UUID.fromString(citizenId)));
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given()
                    .header(Citizens.SECRET_HEADER, third.<String>path("registrationSecret")).get(BASE + thirdId)
                    .then().statusCode(200).body("status", equalTo("WITHDRAWN")).body("selfieErased", equalTo(true))
                    .body("timeline[-1].kind", equalTo("SUPERSEDED"))
                    .body("timeline[-1].reasonCode", equalTo("SUPERSEDED_AT_COUNTER")));
            RegistrationWithdrawn withdrawn = EventJson.read(probe.await(r -> thirdId.equals(r.key())
                    && EventType.REGISTRATION_WITHDRAWN.type().equals(TopicProbe.header(r, "ce_type")),
                    Duration.ofSeconds(30)).value(), RegistrationWithdrawn.class);
            assertThat(withdrawn.reason()).isEqualTo(WithdrawalReason.SUPERSEDED);
            assertThat(withdrawn.supersededBy()).isEqualTo(UUID.fromString(citizenId));
            Citizens.asOperatorOfTheCase("operator", thirdId).get(BASE + thirdId + "/selfie").then().statusCode(404)
                    .body("code", equalTo("SELFIE_NOT_AVAILABLE"));
            given().header(Citizens.SECRET_HEADER, citizen.<String>path("registrationSecret")).get(BASE + citizenId)
                    .then().body("status", equalTo("APPROVED"));
            // the rejected one is not touched again
            assertThat(probe.collect(r -> strangerId.equals(r.key()), Duration.ofSeconds(1))).isEmpty();
        }
    }

    @Test
    void metricsShowTheReplicaListensForUpdates() {
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(given().get("/q/metrics").asString())
                .containsPattern("(?m)^ikd_registration_updates_listening(\\{[^}]*\\})? 1\\.0$")
                .contains("ikd_registration_streams_open"));
    }

    @Test
    void streamResumesAfterLastEventId() throws Exception {
        String[] registration = Citizens.registered();
        String id = registration[0];
        Citizens.publish(bootstrap, rejected(UUID.fromString(id)));
        awaitStatus(registration, "REJECTED");
        long submittedId = given().header(Citizens.SECRET_HEADER, registration[1]).get(BASE + id)
                .then().extract().jsonPath().getLong("timeline[0].id");
        try (SseClient stream = new SseClient(URI.create(api + id + "/events"),
                Map.of(Citizens.SECRET_HEADER, registration[1], "Last-Event-ID", Long.toString(submittedId)))) {
            SseClient.Event first = stream.await(e -> "registration".equals(e.name()), Duration.ofSeconds(10));
            assertThat(first.data()).contains("\"kind\":\"REJECTED\"", "\"reasonCode\":\"FACE_MISMATCH\"");
        }
    }

    @Test
    void rejectionErasesTheSelfieAndShowsTheReason() {
        String[] registration = Citizens.registered();
        String id = registration[0];
        Citizens.publish(bootstrap, rejected(UUID.fromString(id)));
        awaitStatus(registration, "REJECTED");
        given().header(Citizens.SECRET_HEADER, registration[1]).get(BASE + id).then()
                .body("selfieErased", equalTo(true))
                .body("timeline[1].reasonCode", equalTo("FACE_MISMATCH"))
                .body("timeline[1].note", equalTo("Wajah tidak sesuai dengan foto KTP-el."))
                .body("timeline[1].channel", equalTo("VIDEO_CALL"));
        Citizens.asOperatorOfTheCase("operator", id).get(BASE + id + "/selfie").then().statusCode(404)
                .body("code", equalTo("SELFIE_NOT_AVAILABLE"));
    }

    @Test
    void restOfTheJourneyMovesTheTimelineOnceEach() {
        String[] registration = Citizens.registered();
        UUID id = UUID.fromString(registration[0]);
        VerificationDecided decision = approved(id);
        String decisionId = Citizens.publish(bootstrap, decision);
        Citizens.publish(bootstrap, decision, decisionId); // redelivered: no second effect
        Citizens.publish(bootstrap, new ActivationCodeIssued(id, UUID.randomUUID(), "eyJhbGciOiJFQ0RILUVTK0EyNTZLVyJ9.a.b.c.d",
                Instant.now().plus(Duration.ofHours(24)), 1, "budi@example.id", "+6281234567890", "id", office()));
        Citizens.publish(bootstrap, new NotificationStatus(UUID.randomUUID(), id, decisionId, "ACTIVATION_CODE",
                NotificationChannel.EMAIL, DeliveryStatus.FAILED, "mailbox unavailable", 3, "b***@example.id", Instant.now()));
        Citizens.publish(bootstrap, new IdentityActivated(UUID.randomUUID(), id, "sub-" + id, attributes(), "thumbprint",
                Instant.now(), "budi@example.id", "+6281234567890", "id", office()));

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().header(Citizens.SECRET_HEADER, registration[1])
                .get(BASE + id).then().body("status", equalTo("ACTIVATED"))
                .body("timeline.kind", hasItem("NOTIFICATION_FAILED")).body("timeline.kind", hasItem("ACTIVATION_CODE_ISSUED")));
        Response status = given().header(Citizens.SECRET_HEADER, registration[1]).get(BASE + id);
        List<String> kinds = status.jsonPath().getList("timeline.kind");
        assertThat(kinds).containsOnlyOnce("APPROVED").containsOnlyOnce("ACTIVATED");
        assertThat(status.jsonPath().getBoolean("selfieErased")).isTrue();
        Citizens.asOperatorOfTheCase("operator", id.toString()).get(BASE + id + "/selfie").then().statusCode(404)
                .body("code", equalTo("SELFIE_NOT_AVAILABLE"));
        Map<String, Object> failure = status.jsonPath().getMap("timeline.find { it.kind == 'NOTIFICATION_FAILED' }");
        assertThat(failure).containsEntry("channel", "EMAIL").containsEntry("recipient", "b***@example.id")
                .containsEntry("messageKind", "ACTIVATION_CODE").containsEntry("note", "mailbox unavailable");
    }

    @Test
    void revocationEndsTheJourneyAndALateDecisionDoesNotUndoIt() {
        String[] registration = Citizens.registered();
        UUID id = UUID.fromString(registration[0]);
        UUID identity = UUID.randomUUID();
        Citizens.publish(bootstrap, approved(id));
        Citizens.publish(bootstrap, new IdentityActivated(identity, id, "sub-" + id, attributes(), "thumbprint",
                Instant.now(), "budi@example.id", "+6281234567890", "id", office()));
        Citizens.publish(bootstrap, new IdentityRevoked(identity, id, "sub-" + id, RevocationReason.OPERATOR, null,
                Instant.now(), "budi@example.id", "+6281234567890", "id", office()));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().header(Citizens.SECRET_HEADER, registration[1])
                .get(BASE + id).then().body("status", equalTo("REVOKED"))
                // found by kind, not as the last step: the decision comes on another topic and may be read after
                .body("timeline.find { it.kind == 'REVOKED' }.reasonCode", equalTo("OPERATOR")));

        // a decision arriving late (another topic, a lagging partition) is recorded but moves nothing back
        Citizens.publish(bootstrap, rejected(id));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().header(Citizens.SECRET_HEADER, registration[1])
                .get(BASE + id).then().body("timeline.kind", hasItem("REJECTED")).body("status", equalTo("REVOKED")));
    }

    @Test
    void poisonEventGoesToTheDeadLetterTopicAndTheNextOneIsApplied() {
        String[] registration = Citizens.registered();
        String id = registration[0];
        try (TopicProbe deadLetters = TopicProbe.fromNow(bootstrap, Topics.deadLetter("registration-service"))) {
            String poisonId = UUID.randomUUID().toString();
            TopicProbe.publish(bootstrap, Topics.VERIFICATION, id, "{\"registrationId\":\"" + id + "\",\"decision\":\"MAYBE\"}",
                    Map.of("ce_id", poisonId, "ce_type", EventType.VERIFICATION_DECIDED.type(), "ce_specversion", "1.0",
                            "ce_source", "/ikd/test", "content-type", "application/json"));
            Citizens.publish(bootstrap, approved(UUID.fromString(id)));

            deadLetters.await(r -> poisonId.equals(TopicProbe.header(r, "ce_id")), Duration.ofSeconds(30));
            awaitStatus(registration, "APPROVED");
        }
    }

    @Test
    void wrongSecretOrUnknownIdGetTheSame401() {
        String[] registration = Citizens.registered();
        String id = registration[0];
        String unknown = UUID.randomUUID().toString();
        for (String path : List.of(BASE + id, BASE + unknown, BASE + "not-a-uuid")) {
            Response wrong = given().header(Citizens.SECRET_HEADER, "wrong-" + registration[1]).get(path);
            wrong.then().statusCode(401).contentType("application/problem+json").body("code", equalTo("UNAUTHORIZED"));
            assertThat(wrong.jsonPath().getMap("$").keySet()).contains("titleEn").isSubsetOf("type", "title", "status",
                    "detail", "instance", "code", "titleEn", "detailEn");
        }
        given().header(Citizens.SECRET_HEADER, registration[1]).get(BASE + unknown).then().statusCode(401);
        given().get(BASE + id).then().statusCode(401).body("code", equalTo("UNAUTHORIZED"));
        given().header(Citizens.SECRET_HEADER, "wrong").get(BASE + id + "/events").then().statusCode(401)
                .contentType("application/problem+json");
        given().header(Citizens.SECRET_HEADER, "wrong").post(BASE + id + "/counter-code").then().statusCode(401);
        given().header(Citizens.SECRET_HEADER, "wrong").delete(BASE + id).then().statusCode(401);
        // another registration's secret opens only that registration
        String[] other = Citizens.registered();
        given().header(Citizens.SECRET_HEADER, other[1]).get(BASE + id).then().statusCode(401);
        given().header(Citizens.SECRET_HEADER, registration[1]).get(BASE + id).then().statusCode(200)
                .body("status", equalTo("PENDING_VERIFICATION"));
    }

    @Test
    void freshCounterCodeReplacesTheOldOneAndIsPublished() {
        String[] registration = Citizens.registered();
        String id = registration[0];
        try (TopicProbe probe = TopicProbe.fromNow(bootstrap, Topics.REGISTRATION)) {
            Response code = given().header(Citizens.SECRET_HEADER, registration[1]).post(BASE + id + "/counter-code");
            code.then().statusCode(200).body("sequence", equalTo(2));
            ConsumerRecord<String, String> record = probe.await(r -> id.equals(r.key())
                    && EventType.COUNTER_CODE_ISSUED.type().equals(TopicProbe.header(r, "ce_type")), Duration.ofSeconds(30));
            CounterCodeIssued issued = EventJson.read(record.value(), CounterCodeIssued.class);
            assertThat(issued.sequence()).isEqualTo(2);
            assertThat(issued.shortCode()).isEqualTo(code.<String>path("shortCode"));
        }
    }

    /**
     * The sequence travels inside the signed code, and the verifier can ask which code is current:
     * right after a new code, the old one is not, whether or not CounterCodeIssued has arrived.
     */
    @Test
    void theSignedCodeCarriesItsSequenceAndTheOldCodeIsNotCurrentAtOnce() throws Exception {
        Response first = Citizens.register(Citizens.form(Citizens.nik()));
        String id = first.path("registrationId");
        String secret = first.path("registrationSecret");
        JsonNode firstClaims = claims(first.path("counterCode.payload"));
        assertThat(firstClaims.get("seq").asInt()).isEqualTo(1);
        String firstCodeId = firstClaims.get("jti").asText();

        Response second = given().header(Citizens.SECRET_HEADER, secret).post(BASE + id + "/counter-code");
        JsonNode secondClaims = claims(second.path("payload"));
        assertThat(secondClaims.get("seq").asInt()).isEqualTo(2);
        String secondCodeId = secondClaims.get("jti").asText();

        String operator = Citizens.operatorToken("operator");
        given().auth().oauth2(operator).get(BASE + id + "/counter-codes/" + firstCodeId).then().statusCode(200)
                .body("current", equalTo(false)).body("currentSequence", equalTo(2)).body("pending", equalTo(true));
        given().auth().oauth2(operator).get(BASE + id + "/counter-codes/" + secondCodeId).then().statusCode(200)
                .body("current", equalTo(true));
        given().auth().oauth2(Citizens.operatorToken("citizen")).get(BASE + id + "/counter-codes/" + secondCodeId)
                .then().statusCode(403).body("code", equalTo("FORBIDDEN"));
        given().auth().oauth2(operator).get(BASE + UUID.randomUUID() + "/counter-codes/" + secondCodeId).then()
                .statusCode(404).contentType("application/problem+json").body("code", equalTo("REGISTRATION_NOT_FOUND"));
    }

    private static JsonNode claims(String jws) throws Exception {
        return new ObjectMapper().readTree(Base64.getUrlDecoder().decode(jws.split("\\.")[1]));
    }

    @Test
    void counterCodesPerDeviceAreLimited() {
        String[] registration = Citizens.registered();
        for (int i = 0; i < 5; i++) {
            given().header(Citizens.SECRET_HEADER, registration[1]).post(BASE + registration[0] + "/counter-code")
                    .then().statusCode(200);
        }
        Response refused = given().header(Citizens.SECRET_HEADER, registration[1]).post(BASE + registration[0] + "/counter-code");
        refused.then().statusCode(429).contentType("application/problem+json").body("code", equalTo("RATE_LIMITED"));
        assertThat(refused.header("Retry-After")).isNotBlank();
    }

    @Test
    void decidedRegistrationCannotBeWithdrawn() {
        String[] registration = Citizens.registered();
        Citizens.publish(bootstrap, approved(UUID.fromString(registration[0])));
        awaitStatus(registration, "APPROVED");
        given().header(Citizens.SECRET_HEADER, registration[1]).delete(BASE + registration[0]).then().statusCode(409)
                .body("code", equalTo("REGISTRATION_NOT_PENDING"));
    }

    @Test
    void unverifiedRegistrationExpiresWithItsSelfie() throws Throwable {
        String[] registration = Citizens.registered();
        String id = registration[0];
        Instant later = Instant.now().plus(config.expireAfter()).plusSeconds(1);
        try (TopicProbe probe = TopicProbe.fromNow(bootstrap, Topics.REGISTRATION)) {
            await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
                VertxContextSupport.subscribeAndAwait(() -> registrations.expireOverdue(later));
                given().header(Citizens.SECRET_HEADER, registration[1]).get(BASE + id).then()
                        .body("status", equalTo("EXPIRED"));
            });
            ConsumerRecord<String, String> record = probe.await(r -> id.equals(r.key())
                    && EventType.REGISTRATION_WITHDRAWN.type().equals(TopicProbe.header(r, "ce_type")), Duration.ofSeconds(30));
            assertThat(EventJson.read(record.value(), RegistrationWithdrawn.class).reason()).isEqualTo(WithdrawalReason.EXPIRED);
        }
        given().header(Citizens.SECRET_HEADER, registration[1]).get(BASE + id).then()
                .body("selfieErased", equalTo(true)).body("timeline.kind", not(hasItem("WITHDRAWN")));
        Citizens.asOperatorOfTheCase("operator", id).get(BASE + id + "/selfie").then().statusCode(404);
    }

    /** An approval never activated keeps the selfie no longer than an unverified registration keeps it. */
    @Test
    void approvedButNeverActivatedRegistrationLosesItsSelfieAfterTheSameTime() {
        String[] registration = Citizens.registered();
        String id = registration[0];
        Citizens.publish(bootstrap, approved(UUID.fromString(id)));
        awaitStatus(registration, "APPROVED").body("selfieErased", equalTo(false));
        Citizens.asOperatorOfTheCase("operator", id).get(BASE + id + "/selfie").then().statusCode(200);

        Instant later = Instant.now().plus(config.expireAfter()).plusSeconds(1);
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            VertxContextSupport.subscribeAndAwait(() -> registrations.expireOverdue(later));
            Citizens.asOperatorOfTheCase("operator", id).get(BASE + id + "/selfie").then().statusCode(404)
                    .body("code", equalTo("SELFIE_NOT_AVAILABLE"));
        });
        // still an approval the citizen can activate, only without the selfie
        given().header(Citizens.SECRET_HEADER, registration[1]).get(BASE + id).then()
                .body("status", equalTo("APPROVED")).body("selfieErased", equalTo(true));
    }

    /**
     * Waits until the citizen's view of {@code registration} (id, secret) shows {@code status}, and returns
     * that view for further checks.
     */
    private static ValidatableResponse awaitStatus(String[] registration, String status) {
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().header(Citizens.SECRET_HEADER, registration[1])
                .get(BASE + registration[0]).then().body("status", equalTo(status)));
        return given().header(Citizens.SECRET_HEADER, registration[1]).get(BASE + registration[0]).then();
    }

    private static VerificationDecided approved(UUID registrationId) {
        return new VerificationDecided(registrationId, UUID.randomUUID(), Decision.APPROVED, null, null, Channel.COUNTER,
                null, office(), "op-7d41c2e9", Instant.now(), "budi@example.id", "+6281234567890", "id",
                Citizens.deviceKey(), attributes());
    }

    private static VerificationDecided rejected(UUID registrationId) {
        return new VerificationDecided(registrationId, UUID.randomUUID(), Decision.REJECTED, RejectionReason.FACE_MISMATCH,
                "Wajah tidak sesuai dengan foto KTP-el.", Channel.VIDEO_CALL, "vc-1", office(), "op-7d41c2e9",
                Instant.now(), "budi@example.id", "+6281234567890", "id", null, null);
    }

    private static OfficeContact office() {
        return new OfficeContact("3204-DISDUKCAPIL", "Disdukcapil Kabupaten Bandung", "Jl. Raya Soreang KM 17",
                "+62225891234", "disdukcapil@bandungkab.go.id", null, "https://disdukcapil.bandungkab.go.id");
    }

    private static VerifiedAttributes attributes() {
        return new VerifiedAttributes("3204121705900001", "BUDI SANTOSO", "BANDUNG", LocalDate.of(1990, 5, 17),
                "LAKI-LAKI", "JL. RAYA DAYEUHKOLOT NO. 45", "003/007", "DAYEUHKOLOT", "32.04.12", "DAYEUHKOLOT",
                "KABUPATEN BANDUNG", "JAWA BARAT", "ISLAM", "BELUM KAWIN", "KARYAWAN SWASTA", "WNI", "PRINTED", null);
    }
}

package id.go.dukcapil.ikd.registration;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import id.go.dukcapil.ikd.events.ActivationCodeIssuedV2;
import id.go.dukcapil.ikd.events.Channel;
import id.go.dukcapil.ikd.events.Decision;
import id.go.dukcapil.ikd.events.IdentityActivatedV2;
import id.go.dukcapil.ikd.events.IdentityRevokedV2;
import id.go.dukcapil.ikd.events.OfficeContact;
import id.go.dukcapil.ikd.events.RevocationReason;
import id.go.dukcapil.ikd.events.RejectionReason;
import id.go.dukcapil.ikd.events.VerificationDecided;
import id.go.dukcapil.ikd.events.VerificationDecidedV2;
import id.go.dukcapil.ikd.events.VerificationDecidedV3;
import id.go.dukcapil.ikd.events.VerifiedAttributes;
import id.go.dukcapil.ikd.testing.IkdTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

/**
 * The timeline reads activation-service's events in their {@code .v2} too (no contact, the identity's
 * projection only), as it reads the {@code .v1} (RegistrationJourneyTest): code issued, activated,
 * revoked, each once; and the decision in its {@code .v2} and {@code .v3} (no registry attributes).
 */
@QuarkusTest
@QuarkusTestResource(value = IkdTestResource.class, initArgs = @ResourceArg(name = "database", value = "registration"))
class JourneyEventVersionsTest {

    private static final String BASE = "/api/v1/registrations/";
    private static final OfficeContact OFFICE = new OfficeContact("3204-DISDUKCAPIL", "Disdukcapil Kabupaten Bandung",
            "Jl. Raya Soreang KM 17", "+62225891234", "disdukcapil@bandungkab.go.id", null,
            "https://disdukcapil.bandungkab.go.id");

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;

    @Test
    void theV2EventsMoveTheTimelineOnceEach() {
        String[] registration = Citizens.registered();
        UUID id = UUID.fromString(registration[0]);
        UUID identity = UUID.randomUUID();
        Citizens.publish(bootstrap, approved(id));
        Citizens.publish(bootstrap, new ActivationCodeIssuedV2(id, UUID.randomUUID(),
                "eyJhbGciOiJFQ0RILUVTK0EyNTZLVyJ9.a.b.c.d", Instant.now().plus(Duration.ofHours(24)), 1, OFFICE));
        IdentityActivatedV2 activated = new IdentityActivatedV2(identity, id, "sub-" + id, "BUDI SANTOSO",
                "320412********01", LocalDate.of(1990, 5, 17), null, Instant.now(), OFFICE);
        String activatedId = Citizens.publish(bootstrap, activated);
        Citizens.publish(bootstrap, activated, activatedId); // redelivered: no second effect

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().header(Citizens.SECRET_HEADER, registration[1])
                .get(BASE + id).then().body("status", equalTo("ACTIVATED"))
                .body("timeline.kind", hasItem("ACTIVATION_CODE_ISSUED")));

        Citizens.publish(bootstrap, new IdentityRevokedV2(identity, id, "sub-" + id, RevocationReason.OPERATOR, null,
                Instant.now(), OFFICE));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().header(Citizens.SECRET_HEADER, registration[1])
                .get(BASE + id).then().body("status", equalTo("REVOKED"))
                // found by kind, not as the last step: the decision comes on another topic and may be read after
                .body("timeline.find { it.kind == 'REVOKED' }.reasonCode", equalTo("OPERATOR")));
        Response status = given().header(Citizens.SECRET_HEADER, registration[1]).get(BASE + id);
        List<String> kinds = status.jsonPath().getList("timeline.kind");
        assertThat(kinds).containsOnlyOnce("ACTIVATION_CODE_ISSUED").containsOnlyOnce("ACTIVATED")
                .containsOnlyOnce("REVOKED");
        assertThat(status.jsonPath().getBoolean("selfieErased")).isTrue();
    }

    @Test
    void theV2DecisionMovesTheTimelineOnce() {
        String[] registration = Citizens.registered();
        UUID id = UUID.fromString(registration[0]);
        VerificationDecidedV2 rejected = new VerificationDecidedV2(id, UUID.randomUUID(), Decision.REJECTED,
                RejectionReason.FACE_MISMATCH, "Silakan datang ke kantor.", Channel.VIDEO_CALL, "vc-1", OFFICE,
                "op-7d41c2e9", Instant.now(), null, null);
        String eventId = Citizens.publish(bootstrap, rejected);
        Citizens.publish(bootstrap, rejected, eventId); // redelivered: no second effect

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().header(Citizens.SECRET_HEADER, registration[1])
                .get(BASE + id).then().body("status", equalTo("REJECTED"))
                .body("timeline[-1].reasonCode", equalTo("FACE_MISMATCH"))
                .body("timeline[-1].note", equalTo("Silakan datang ke kantor."))
                .body("timeline[-1].channel", equalTo("VIDEO_CALL")));
        List<String> kinds = given().header(Citizens.SECRET_HEADER, registration[1]).get(BASE + id).jsonPath()
                .getList("timeline.kind");
        assertThat(kinds).containsOnlyOnce("REJECTED");
    }

    @Test
    void aV2ApprovalMovesTheTimelineAsAV1Does() {
        String[] registration = Citizens.registered();
        UUID id = UUID.fromString(registration[0]);
        Citizens.publish(bootstrap, approved(id).withoutContact());

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().header(Citizens.SECRET_HEADER, registration[1])
                .get(BASE + id).then().body("status", equalTo("APPROVED"))
                .body("timeline.kind", hasItem("APPROVED")));
    }

    @Test
    void theV3DecisionsMoveTheTimelineAsTheOlderOnesDo() {
        String[] rejectedOne = Citizens.registered();
        UUID rejectedId = UUID.fromString(rejectedOne[0]);
        VerificationDecidedV3 rejected = new VerificationDecidedV3(rejectedId, UUID.randomUUID(), Decision.REJECTED,
                RejectionReason.DATA_MISMATCH, "Data tidak sesuai.", Channel.COUNTER, null, OFFICE, "op-7d41c2e9",
                Instant.now());
        String eventId = Citizens.publish(bootstrap, rejected);
        Citizens.publish(bootstrap, rejected, eventId); // redelivered: no second effect
        String[] approvedOne = Citizens.registered();
        UUID approvedId = UUID.fromString(approvedOne[0]);
        Citizens.publish(bootstrap, approved(approvedId).withoutContact().withoutCard());

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().header(Citizens.SECRET_HEADER, rejectedOne[1])
                .get(BASE + rejectedId).then().body("status", equalTo("REJECTED"))
                .body("timeline[-1].reasonCode", equalTo("DATA_MISMATCH"))
                .body("timeline[-1].note", equalTo("Data tidak sesuai."))
                .body("timeline[-1].channel", equalTo("COUNTER")));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().header(Citizens.SECRET_HEADER, approvedOne[1])
                .get(BASE + approvedId).then().body("status", equalTo("APPROVED"))
                .body("timeline.kind", hasItem("APPROVED")));
        assertThat(given().header(Citizens.SECRET_HEADER, rejectedOne[1]).get(BASE + rejectedId).jsonPath()
                .<String>getList("timeline.kind")).containsOnlyOnce("REJECTED");
    }

    private static VerificationDecided approved(UUID registrationId) {
        VerifiedAttributes attributes = new VerifiedAttributes("3204121705900001", "BUDI SANTOSO", "BANDUNG",
                LocalDate.of(1990, 5, 17), "LAKI-LAKI", "JL. RAYA DAYEUHKOLOT NO. 45", "003/007", "DAYEUHKOLOT",
                "32.04.12", "DAYEUHKOLOT", "KABUPATEN BANDUNG", "JAWA BARAT", "ISLAM", "BELUM KAWIN", "KARYAWAN SWASTA",
                "WNI", "PRINTED", null);
        return new VerificationDecided(registrationId, UUID.randomUUID(), Decision.APPROVED, null, null, Channel.COUNTER,
                null, OFFICE, "op-7d41c2e9", Instant.now(), "budi@example.id", "+6281234567890", "id",
                Citizens.deviceKey(), attributes);
    }
}

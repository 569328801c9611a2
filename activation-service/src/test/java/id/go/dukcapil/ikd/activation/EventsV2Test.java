package id.go.dukcapil.ikd.activation;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import id.go.dukcapil.ikd.activation.support.Device;
import id.go.dukcapil.ikd.activation.support.EventsV2Profile;
import id.go.dukcapil.ikd.activation.support.Journey;
import id.go.dukcapil.ikd.activation.support.JourneyTopics;
import id.go.dukcapil.ikd.activation.support.NotifierKeysResource;
import id.go.dukcapil.ikd.events.ActivationCodeIssuedV2;
import id.go.dukcapil.ikd.events.DeactivationLinkIssuedV2;
import id.go.dukcapil.ikd.events.EventJson;
import id.go.dukcapil.ikd.events.EventType;
import id.go.dukcapil.ikd.events.IdentityActivatedV2;
import id.go.dukcapil.ikd.events.IdentityRevokedV2;
import id.go.dukcapil.ikd.events.RevocationReason;
import id.go.dukcapil.ikd.testing.IkdTestResource;
import id.go.dukcapil.ikd.testing.TopicProbe;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;

/**
 * With {@code ikd.activation.events.version=v2} activation-service publishes its four events
 * without the citizen's email, phone and language, IdentityActivated with token-service's
 * projection only (the NIK masked), and no {@code .v1} beside them.
 */
@QuarkusTest
@TestProfile(EventsV2Profile.class)
@QuarkusTestResource(value = IkdTestResource.class, initArgs = @ResourceArg(name = "database", value = "activation"))
@QuarkusTestResource(NotifierKeysResource.class)
class EventsV2Test {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration PATIENCE = Duration.ofSeconds(30);

    @RegisterExtension
    final JourneyTopics topics = JourneyTopics.activationAndIdentity();

    @Test
    void everyEventOfTheJourneyIsPublishedWithoutContact() throws Exception {
        UUID registrationId = UUID.randomUUID();
        String nik = Journey.newNik();
        String email = "budi." + registrationId + "@example.id";
        Journey.publish(Journey.approval(registrationId, nik, Device.generate()));

        // the PIN: no contact, still sealed for the notifier
        ConsumerRecord<String, String> code = topics.activation().await(of(ActivationCodeIssuedV2.class, registrationId), PATIENCE);
        assertNoContact(code, email, nik);
        ActivationCodeIssuedV2 issued = EventJson.read(code.value(), ActivationCodeIssuedV2.class);
        assertThat(issued.sequence()).isEqualTo(1);
        assertThat(issued.office().officeCode()).isEqualTo("3204-DISDUKCAPIL");
        Journey.Secrets secrets = Journey.unseal(issued.sealedSecrets(), NotifierKeysResource.notifierPrivateKey());

        // the identity: token-service's projection, the NIK masked as it masks it
        Journey.activate(secrets.linkToken(), secrets.pin()).statusCode(200);
        ConsumerRecord<String, String> activated = topics.identity().await(of(IdentityActivatedV2.class, registrationId), PATIENCE);
        assertNoContact(activated, email, nik);
        JsonNode fields = JSON.readTree(activated.value());
        assertThat(fields.has("attributes")).isFalse();
        assertThat(fields.has("deviceKeyThumbprint")).isFalse();
        IdentityActivatedV2 identity = EventJson.read(activated.value(), IdentityActivatedV2.class);
        assertThat(identity.nikMasked()).isEqualTo(nik.substring(0, 6) + "********" + nik.substring(14));
        assertThat(identity.fullName()).isEqualTo("BUDI SANTOSO");
        assertThat(identity.birthDate()).isEqualTo(Journey.BIRTH_DATE);

        // a lost phone: the link and the revocation, no contact either
        given().contentType(ContentType.JSON).body(Map.of("nik", nik, "email", email, "phone", "0812-3456-7890"))
                .post("/api/v1/citizen/deactivation-requests").then().statusCode(202);
        ConsumerRecord<String, String> link = topics.activation().await(of(DeactivationLinkIssuedV2.class, registrationId),
                PATIENCE);
        assertNoContact(link, email, nik);
        String url = Journey.unsealDeactivationLink(EventJson.read(link.value(), DeactivationLinkIssuedV2.class).sealedLink());
        given().contentType(ContentType.JSON).body(Map.of("token", url.substring(url.indexOf("?t=") + 3)))
                .post("/api/v1/citizen/deactivation-requests/confirmation").then().statusCode(200);
        ConsumerRecord<String, String> revoked = topics.identity().await(of(IdentityRevokedV2.class, registrationId), PATIENCE);
        assertNoContact(revoked, email, nik);
        assertThat(EventJson.read(revoked.value(), IdentityRevokedV2.class).reason())
                .isEqualTo(RevocationReason.CITIZEN_REQUEST);

        // and no .v1 beside them
        assertThat(topics.activation().collect(r -> registrationId.toString().equals(r.key()), Duration.ofSeconds(1)))
                .extracting(ConsumerRecord::value).hasSize(2);
        assertThat(topics.identity().collect(r -> registrationId.toString().equals(r.key()), Duration.ofSeconds(1)))
                .hasSize(2)
                .allSatisfy(r -> assertThat(new String(r.headers().lastHeader("ce_type").value())).endsWith(".v2"));
    }

    private static void assertNoContact(ConsumerRecord<String, String> record, String email, String nik) throws Exception {
        assertThat(record.value()).doesNotContain(email).doesNotContain("+6281234567890").doesNotContain(nik);
        JsonNode fields = JSON.readTree(record.value());
        assertThat(fields.has("email")).isFalse();
        assertThat(fields.has("phone")).isFalse();
        assertThat(fields.has("language")).isFalse();
    }

    private static Predicate<ConsumerRecord<String, String>> of(Class<? extends id.go.dukcapil.ikd.events.IkdEvent> type,
            UUID registrationId) {
        return TopicProbe.ofType(EventType.of(type).type()).and(r -> registrationId.toString().equals(r.key()));
    }
}

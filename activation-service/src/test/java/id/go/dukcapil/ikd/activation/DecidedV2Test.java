package id.go.dukcapil.ikd.activation;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;

import jakarta.inject.Inject;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import id.go.dukcapil.ikd.activation.support.Device;
import id.go.dukcapil.ikd.activation.support.Journey;
import id.go.dukcapil.ikd.activation.support.JourneyTopics;
import id.go.dukcapil.ikd.activation.support.NotifierKeysResource;
import id.go.dukcapil.ikd.events.ActivationCodeIssued;
import id.go.dukcapil.ikd.events.ActivationCodeIssuedV2;
import id.go.dukcapil.ikd.events.DeactivationLinkIssuedV2;
import id.go.dukcapil.ikd.events.EventJson;
import id.go.dukcapil.ikd.events.EventType;
import id.go.dukcapil.ikd.events.IdentityActivatedV2;
import id.go.dukcapil.ikd.events.IkdEvent;
import id.go.dukcapil.ikd.events.RegistrationSubmitted;
import id.go.dukcapil.ikd.events.VerificationDecided;
import id.go.dukcapil.ikd.events.VerificationDecidedV2;
import id.go.dukcapil.ikd.testing.IkdTestResource;
import id.go.dukcapil.ikd.testing.TopicProbe;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * An approval from verification.decided.v2 (no contact; no religion, marital status, occupation or
 * nationality), with activation-service still at its default {@code v1}: the approval stores no
 * contact and none of the four attributes, its own events are {@code .v2} (there is no contact to
 * forward), and a self-deactivation is matched against the keyed hashes of the registration's
 * contact (from RegistrationSubmitted, replaced by a newer ContactCorrected). A {@code .v1}
 * approval keeps its contact, still without the four attributes.
 */
@QuarkusTest
@QuarkusTestResource(value = IkdTestResource.class, initArgs = @ResourceArg(name = "database", value = "activation"))
@QuarkusTestResource(NotifierKeysResource.class)
class DecidedV2Test {

    private static final Duration PATIENCE = Duration.ofSeconds(30);
    private static final String PHONE = "+6281234567890";

    @Inject
    Pool pool;

    @RegisterExtension
    final JourneyTopics topics = JourneyTopics.activationAndIdentity();

    @Test
    void aV2ApprovalStoresNoContactAndTheDeactivationMatchesTheRegistrationsHashes() {
        UUID registrationId = UUID.randomUUID();
        String nik = Journey.newNik();
        String email = "budi." + registrationId + "@example.id";
        Journey.publishEvent(submitted(registrationId, nik, email), UUID.randomUUID().toString());
        await(() -> row("select 1 from contact_digest where registration_id = $1", registrationId) != null);

        VerificationDecidedV2 approval = Journey.approval(registrationId, nik, Device.generate()).withoutContact();
        String eventId = Journey.publishEvent(approval, UUID.randomUUID().toString());
        Journey.publishEvent(approval, eventId); // redelivered: one approval, one code

        ConsumerRecord<String, String> code = topics.activation().await(of(ActivationCodeIssuedV2.class, registrationId), PATIENCE);
        assertThat(code.value()).doesNotContain(email).doesNotContain(PHONE);
        Row stored = row("select email, phone, language, full_name from approval where registration_id = $1", registrationId);
        for (String column : new String[] {"email", "phone", "language"}) {
            assertThat(stored.getValue(column)).as(column).isNull();
        }
        assertThat(stored.getString("full_name")).isEqualTo("BUDI SANTOSO");
        Row digest = row("select email_hash, phone_hash from contact_digest where registration_id = $1", registrationId);
        assertThat(new String(digest.getBuffer("email_hash").getBytes())).doesNotContain(email);

        Journey.Secrets secrets = Journey.unseal(EventJson.read(code.value(), ActivationCodeIssuedV2.class).sealedSecrets(),
                NotifierKeysResource.notifierPrivateKey());
        Journey.activate(secrets.linkToken(), secrets.pin()).statusCode(200);
        topics.identity().await(of(IdentityActivatedV2.class, registrationId), PATIENCE);

        // a wrong phone: nothing sent (answered alike); the right email (other case) and phone (other form): the link
        requestDeactivation(nik, email, "0812-0000-0000");
        requestDeactivation(nik, email.toUpperCase(), "0812-3456-7890");
        assertThat(topics.activation().collect(of(DeactivationLinkIssuedV2.class, registrationId), Duration.ofSeconds(3)))
                .hasSize(1);
        assertThat(topics.activation().collect(r -> registrationId.toString().equals(r.key()), Duration.ofSeconds(1)))
                .as("one code despite the redelivered approval, one link; both .v2").hasSize(2)
                .extracting(r -> TopicProbe.header(r, "ce_type")).allMatch(type -> type.endsWith(".v2"));
    }

    @Test
    void aCorrectionReplacesTheHashesAndAnOlderSubmissionReadLateDoesNot() {
        UUID registrationId = UUID.randomUUID();
        String nik = Journey.newNik();
        String oldEmail = "lama." + registrationId + "@example.id";
        String newEmail = "baru." + registrationId + "@example.id";
        Journey.publishEvent(submitted(registrationId, nik, oldEmail), UUID.randomUUID().toString());
        Journey.publishEvent(Journey.approval(registrationId, nik, Device.generate()).withoutContact(),
                UUID.randomUUID().toString());
        topics.activation().await(of(ActivationCodeIssuedV2.class, registrationId), PATIENCE);

        Journey.publish(Journey.emailCorrected(registrationId, oldEmail, newEmail));
        ConsumerRecord<String, String> second = topics.activation().await(
                of(ActivationCodeIssuedV2.class, registrationId).and(r -> r.value().contains("\"sequence\":2")), PATIENCE);
        // the submission again (redelivered late, another topic): older than the correction, it changes nothing
        Journey.publishEvent(submitted(registrationId, nik, oldEmail), UUID.randomUUID().toString());

        Journey.Secrets secrets = Journey.unseal(
                EventJson.read(second.value(), ActivationCodeIssuedV2.class).sealedSecrets(),
                NotifierKeysResource.notifierPrivateKey());
        Journey.activate(secrets.linkToken(), secrets.pin()).statusCode(200);
        topics.identity().await(of(IdentityActivatedV2.class, registrationId), PATIENCE);

        requestDeactivation(nik, oldEmail, PHONE);
        requestDeactivation(nik, newEmail, PHONE);
        assertThat(topics.activation().collect(of(DeactivationLinkIssuedV2.class, registrationId), Duration.ofSeconds(3)))
                .hasSize(1);
        assertThat(row("select email from approval where registration_id = $1", registrationId).getValue("email"))
                .as("a .v2 approval stores no contact, not even the corrected one").isNull();
    }

    @Test
    void aV1ApprovalStillKeepsItsContactButNotTheFourUnusedAttributes() {
        UUID registrationId = UUID.randomUUID();
        VerificationDecided approval = Journey.approval(registrationId, Journey.newNik(), Device.generate());
        Journey.publish(approval);

        topics.activation().await(of(ActivationCodeIssued.class, registrationId), PATIENCE);
        Row stored = row("select email, phone, language from approval where registration_id = $1", registrationId);
        assertThat(stored.getString("email")).isEqualTo(approval.email());
        assertThat(stored.getString("phone")).isEqualTo(PHONE);
        assertThat(stored.getString("language")).isEqualTo("id");
        RowSet<Row> columns = pool.preparedQuery("select column_name from information_schema.columns where table_name = "
                + "'approval' and column_name in ('religion', 'marital_status', 'occupation', 'nationality')")
                .execute().await().indefinitely();
        assertThat(columns.size()).as("no column holds the four unused attributes (V8)").isZero();
    }

    private static RegistrationSubmitted submitted(UUID registrationId, String nik, String email) {
        return new RegistrationSubmitted(registrationId, nik, email, PHONE, "id", "{\"kty\":\"EC\"}", "thumbprint",
                "K7M2-Q9XD", "ab".repeat(32), Instant.now().minusSeconds(60), null);
    }

    private static void requestDeactivation(String nik, String email, String phone) {
        given().contentType(ContentType.JSON).body(Map.of("nik", nik, "email", email, "phone", phone))
                .post("/api/v1/citizen/deactivation-requests").then().statusCode(202);
    }

    private Row row(String sql, UUID id) {
        RowSet<Row> rows = pool.preparedQuery(sql).execute(Tuple.of(id)).await().indefinitely();
        return rows.size() == 0 ? null : rows.iterator().next();
    }

    private static void await(java.util.concurrent.Callable<Boolean> condition) {
        org.awaitility.Awaitility.await().atMost(PATIENCE).until(condition);
    }

    private static Predicate<ConsumerRecord<String, String>> of(Class<? extends IkdEvent> type, UUID registrationId) {
        return TopicProbe.ofType(EventType.of(type).type()).and(r -> registrationId.toString().equals(r.key()));
    }
}

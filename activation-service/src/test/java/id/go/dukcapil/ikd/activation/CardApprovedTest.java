package id.go.dukcapil.ikd.activation;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
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
import id.go.dukcapil.ikd.events.ActivationCodeIssuedV2;
import id.go.dukcapil.ikd.events.CardApproved;
import id.go.dukcapil.ikd.events.ContactCorrected;
import id.go.dukcapil.ikd.events.EventJson;
import id.go.dukcapil.ikd.events.EventType;
import id.go.dukcapil.ikd.events.IdentityActivatedV2;
import id.go.dukcapil.ikd.events.IkdEvent;
import id.go.dukcapil.ikd.events.Topics;
import id.go.dukcapil.ikd.events.VerificationDecidedV2;
import id.go.dukcapil.ikd.testing.IkdTestResource;
import id.go.dukcapil.ikd.testing.TopicProbe;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * Under {@code ikd.verification.events.version=v3} an approval reaches activation-service as
 * {@code verification.card-approved.v1} on ikd.verification.card, beside the
 * {@code verification.decided.v3} (no attributes, no device key) every reader of ikd.verification
 * gets: the card starts activation once, however often it and the older versions of the same
 * approval arrive; the {@code .v3} decision alone starts nothing.
 */
@QuarkusTest
@QuarkusTestResource(value = IkdTestResource.class, initArgs = @ResourceArg(name = "database", value = "activation"))
@QuarkusTestResource(NotifierKeysResource.class)
class CardApprovedTest {

    private static final Duration PATIENCE = Duration.ofSeconds(30);

    @Inject
    Pool pool;

    @RegisterExtension
    final JourneyTopics topics = JourneyTopics.activationAndIdentity();

    @Test
    void theCardStartsActivationOnceAndTheIdentityIsMadeFromIt() {
        UUID registrationId = UUID.randomUUID();
        String nik = Journey.newNik();
        VerificationDecidedV2 approval = Journey.approval(registrationId, nik, Device.generate()).withoutContact();
        CardApproved card = approval.card().orElseThrow();
        assertThat(card.eventType().topic()).isEqualTo(Topics.VERIFICATION_CARD);

        Journey.publishEvent(approval.withoutCard(), UUID.randomUUID().toString());
        String cardId = Journey.publishEvent(card, UUID.randomUUID().toString());
        Journey.publishEvent(card, cardId); // redelivered
        Journey.publishEvent(approval, UUID.randomUUID().toString()); // the same approval as .v2 (a replay): no second code

        ConsumerRecord<String, String> code = topics.activation().await(of(ActivationCodeIssuedV2.class, registrationId),
                PATIENCE);
        Row stored = row("select nik, full_name, device_key_jwk, case_id from approval where registration_id = $1",
                registrationId);
        assertThat(stored.getString("nik")).isEqualTo(nik);
        assertThat(stored.getString("full_name")).isEqualTo("BUDI SANTOSO");
        assertThat(stored.getString("device_key_jwk")).isEqualTo(card.deviceKeyJwk());
        assertThat(stored.getUUID("case_id")).isEqualTo(card.caseId());

        Journey.Secrets secrets = Journey.unseal(EventJson.read(code.value(), ActivationCodeIssuedV2.class).sealedSecrets(),
                NotifierKeysResource.notifierPrivateKey());
        Journey.activate(secrets.linkToken(), secrets.pin()).statusCode(200);
        topics.identity().await(of(IdentityActivatedV2.class, registrationId), PATIENCE);
        assertThat(topics.activation().collect(r -> registrationId.toString().equals(r.key()), Duration.ofSeconds(2)))
                .as("one code for the card, its redelivery and the .v2 of the same approval").hasSize(1);
    }

    /**
     * The card and a correction made before the approval travel on different topics, so the card
     * may be read first: the correction, older than the approval, changes nothing (the approval's
     * code went to the corrected contact); one made after it still gets a fresh code.
     */
    @Test
    void aCorrectionOlderThanTheApprovalReadAfterItIssuesNoSecondCode() {
        UUID registrationId = UUID.randomUUID();
        CardApproved card = Journey.approval(registrationId, Journey.newNik(), Device.generate()).withoutContact()
                .card().orElseThrow();
        Journey.publishEvent(card, UUID.randomUUID().toString());
        topics.activation().await(of(ActivationCodeIssuedV2.class, registrationId), PATIENCE);

        ContactCorrected before = Journey.emailCorrected(registrationId, "lama@example.id", "baru@example.id");
        Journey.publish(new ContactCorrected(before.correctionId(), registrationId, before.email(), before.phone(),
                before.previousEmail(), before.previousPhone(), before.language(), before.office(),
                card.approvedAt().minusSeconds(60)));
        assertThat(topics.activation().collect(of(ActivationCodeIssuedV2.class, registrationId), Duration.ofSeconds(4)))
                .as("the approval's code only").hasSize(1);

        Journey.publish(Journey.emailCorrected(registrationId, "baru@example.id", "lagi@example.id"));
        topics.activation().await(of(ActivationCodeIssuedV2.class, registrationId).and(r -> r.value()
                .contains("\"sequence\":2")), PATIENCE);
    }

    @Test
    void aV3DecisionWithoutItsCardStartsNothing() {
        UUID registrationId = UUID.randomUUID();
        VerificationDecidedV2 approval = Journey.approval(registrationId, Journey.newNik(), Device.generate())
                .withoutContact();

        Journey.publishEvent(approval.withoutCard(), UUID.randomUUID().toString());

        assertThat(topics.activation().collect(r -> registrationId.toString().equals(r.key()), Duration.ofSeconds(4)))
                .isEmpty();
        assertThat(row("select 1 from approval where registration_id = $1", registrationId)).isNull();
    }

    private Row row(String sql, UUID id) {
        RowSet<Row> rows = pool.preparedQuery(sql).execute(Tuple.of(id)).await().indefinitely();
        return rows.size() == 0 ? null : rows.iterator().next();
    }

    private static Predicate<ConsumerRecord<String, String>> of(Class<? extends IkdEvent> type, UUID registrationId) {
        return TopicProbe.ofType(EventType.of(type).type()).and(r -> registrationId.toString().equals(r.key()));
    }
}

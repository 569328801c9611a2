package id.go.dukcapil.ikd.activation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import id.go.dukcapil.ikd.activation.support.Device;
import id.go.dukcapil.ikd.activation.support.Journey;
import id.go.dukcapil.ikd.activation.support.JourneyTopics;
import id.go.dukcapil.ikd.activation.support.NotifierKeysResource;
import id.go.dukcapil.ikd.events.ActivationCodeIssued;
import id.go.dukcapil.ikd.events.ContactCorrected;
import id.go.dukcapil.ikd.events.EventJson;
import id.go.dukcapil.ikd.testing.IkdTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;

/**
 * A contact corrected at the counter (ContactCorrected, issue 17 item 7): an approved identity not
 * yet active gets one fresh code at the new contact, once however often the event comes, and the
 * PIN that went to the old contact stops working.
 */
@QuarkusTest
@QuarkusTestResource(value = IkdTestResource.class, initArgs = @ResourceArg(name = "database", value = "activation"))
@QuarkusTestResource(NotifierKeysResource.class)
class ContactCorrectionTest {

    @RegisterExtension
    final JourneyTopics topics = JourneyTopics.activationOnly();

    @Test
    void aCorrectedEmailGetsAFreshCodeAndTheOldPinIsRefused() {
        Journey.Approved approved = Journey.approve(topics.activation(), Device.generate(), Journey.newNik());
        ContactCorrected corrected = Journey.emailCorrected(approved.registrationId(), "lama@example.id",
                "baru@example.id");
        String eventId = UUID.randomUUID().toString();
        Journey.publish(corrected, eventId);
        Journey.publish(corrected, eventId); // redelivered: no second code

        java.util.function.Predicate<ConsumerRecord<String, String>> second = Journey
                .codeIssuedFor(approved.registrationId())
                .and(r -> EventJson.read(r.value(), ActivationCodeIssued.class).sequence() == 2);
        topics.activation().await(second, Duration.ofSeconds(30));
        List<ConsumerRecord<String, String>> codes = topics.activation().collect(second, Duration.ofSeconds(3));
        assertThat(codes).hasSize(1);
        ActivationCodeIssued fresh = EventJson.read(codes.get(0).value(), ActivationCodeIssued.class);
        assertThat(fresh.email()).isEqualTo("baru@example.id");
        Journey.Secrets secrets = Journey.unseal(codes.get(0));
        assertThat(secrets.linkToken()).isNotEqualTo(approved.secrets().linkToken());

        Journey.activate(approved.secrets().linkToken(), approved.secrets().pin()).statusCode(410)
                .body("code", equalTo("CODE_REPLACED"));
        Journey.activate(secrets.linkToken(), secrets.pin()).statusCode(200).body("status", equalTo("ACTIVATED"));

        // after the activation a correction issues nothing
        Journey.publish(Journey.emailCorrected(approved.registrationId(), "baru@example.id", "lagi@example.id"));
        assertThat(topics.activation().collect(Journey.codeIssuedFor(approved.registrationId()).and(r -> EventJson
                .read(r.value(), ActivationCodeIssued.class).sequence() == 3), Duration.ofSeconds(5))).isEmpty();
    }

    @Test
    void aCorrectionBeforeTheApprovalIssuesNothing() {
        UUID registrationId = UUID.randomUUID();
        Journey.publish(Journey.emailCorrected(registrationId, "lama@example.id", "baru@example.id"));
        assertThat(topics.activation().collect(Journey.codeIssuedFor(registrationId), Duration.ofSeconds(5))).isEmpty();
    }
}

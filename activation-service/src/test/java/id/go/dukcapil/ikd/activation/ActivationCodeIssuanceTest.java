package id.go.dukcapil.ikd.activation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.security.KeyPairGenerator;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
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
import id.go.dukcapil.ikd.events.EventJson;
import id.go.dukcapil.ikd.events.VerificationDecided;
import id.go.dukcapil.ikd.testing.IkdTestResource;
import id.go.dukcapil.ikd.testing.TopicProbe;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;

/** An approval on ikd.verification leads to exactly one sealed activation code. */
@QuarkusTest
@QuarkusTestResource(value = IkdTestResource.class, initArgs = @ResourceArg(name = "database", value = "activation"))
@QuarkusTestResource(NotifierKeysResource.class)
class ActivationCodeIssuanceTest {

    @RegisterExtension
    final JourneyTopics topics = JourneyTopics.activationOnly();

    @Test
    void approvalDeliveredTwiceOrDecidedTwiceIssuesExactlyOneSealedCode() {
        UUID registrationId = UUID.randomUUID();
        VerificationDecided approval = Journey.approval(registrationId, Journey.newNik(), Device.generate());
        String eventId = UUID.randomUUID().toString();
        Journey.publish(approval, eventId);
        Journey.publish(approval, eventId); // redelivery of the same event
        Journey.publish(approval); // and a second decision event for the same registration

        topics.activation().await(Journey.codeIssuedFor(registrationId), Duration.ofSeconds(30));
        List<ConsumerRecord<String, String>> issued = topics.activation().collect(Journey.codeIssuedFor(registrationId),
                Duration.ofSeconds(3));
        assertThat(issued).hasSize(1);

        ConsumerRecord<String, String> record = issued.get(0);
        assertThat(TopicProbe.header(record, "ce_source")).isEqualTo("/ikd/activation-service");
        ActivationCodeIssued event = EventJson.read(record.value(), ActivationCodeIssued.class);
        assertThat(event.sequence()).isEqualTo(1);
        assertThat(event.email()).isEqualTo(approval.email());
        assertThat(event.office().officeCode()).isEqualTo("3204-DISDUKCAPIL");
        assertThat(Duration.between(Instant.now(), event.expiresAt()))
                .isBetween(Duration.ofHours(23), Duration.ofHours(24));
        assertThat(record.value()).doesNotContain("pin").doesNotContain("activate?t=");

        String header = new String(Base64.getUrlDecoder().decode(event.sealedSecrets().split("\\.")[0]),
                StandardCharsets.UTF_8);
        assertThat(header).contains("\"alg\":\"ECDH-ES+A256KW\"").contains("\"enc\":\"A256GCM\"");

        Journey.Secrets secrets = Journey.unseal(event.sealedSecrets(), NotifierKeysResource.notifierPrivateKey());
        assertThat(secrets.pin()).matches("\\d{6}");
        assertThat(secrets.activationUrl()).startsWith("http://localhost:8083/activate?t=");
        // at least 128 bits of randomness, base64url
        assertThat(secrets.linkToken()).matches("[A-Za-z0-9_-]{43}");
    }

    @Test
    void sealedSecretsCannotBeReadWithoutTheNotifiersKey() throws Exception {
        Journey.Approved approved = Journey.approve(topics.activation(), Device.generate(), Journey.newNik());
        ConsumerRecord<String, String> record = topics.activation().await(Journey.codeIssuedFor(approved.registrationId()),
                Duration.ofSeconds(5));
        String sealed = EventJson.read(record.value(), ActivationCodeIssued.class).sealedSecrets();

        KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
        generator.initialize(new ECGenParameterSpec("secp256r1"));
        assertThatThrownBy(() -> Journey.unseal(sealed, generator.generateKeyPair().getPrivate()))
                .isInstanceOf(IllegalStateException.class);
        assertThat(Journey.unseal(sealed, NotifierKeysResource.notifierPrivateKey()).pin())
                .isEqualTo(approved.secrets().pin());
    }

    @Test
    void rejectionIssuesNoCode() {
        UUID rejected = UUID.randomUUID();
        Journey.publish(Journey.rejection(rejected));
        // an approval behind it on the same partition: once its code is out, the rejection was consumed
        UUID approvedAfter = UUID.randomUUID();
        Journey.publish(Journey.approval(approvedAfter, Journey.newNik(), Device.generate()), UUID.randomUUID().toString(),
                rejected.toString());
        topics.activation().await(Journey.codeIssuedFor(approvedAfter), Duration.ofSeconds(30));

        assertThat(topics.activation().collect(Journey.codeIssuedFor(rejected), Duration.ofSeconds(2))).isEmpty();
    }
}

package id.go.dukcapil.ikd.activation;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

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
import id.go.dukcapil.ikd.events.EventJson;
import id.go.dukcapil.ikd.events.EventType;
import id.go.dukcapil.ikd.events.IdentityRevoked;
import id.go.dukcapil.ikd.events.RegistrationWithdrawn;
import id.go.dukcapil.ikd.events.RevocationReason;
import id.go.dukcapil.ikd.events.WithdrawalReason;
import id.go.dukcapil.ikd.testing.IkdTestResource;
import id.go.dukcapil.ikd.testing.TopicProbe;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * The withdrawal race over real Kafka: registration-service answers a withdrawal 204 while the
 * approval is already on its way (it learns of the approval from Kafka too), so activation-service
 * must honour RegistrationWithdrawn whichever event comes first.
 */
@QuarkusTest
@QuarkusTestResource(value = IkdTestResource.class, initArgs = @ResourceArg(name = "database", value = "activation"))
@QuarkusTestResource(NotifierKeysResource.class)
class WithdrawalRaceTest {

    @Inject
    Pool pool;

    @RegisterExtension
    final JourneyTopics topics = JourneyTopics.activationAndIdentity();

    @Test
    void aWithdrawalJustAfterTheApprovalStopsTheActivationAndTheOlderIdentityStays() {
        String nik = Journey.newNik();
        Journey.Approved older = Journey.approve(topics.activation(), Device.generate(), nik);
        Journey.activate(older.secrets().linkToken(), older.secrets().pin()).statusCode(200);

        Journey.Approved newer = Journey.approve(topics.activation(), Device.generate(), nik);
        Journey.publish(new RegistrationWithdrawn(newer.registrationId(), WithdrawalReason.CITIZEN_REQUEST, Instant.now()));
        awaitWithdrawalRecorded(newer.registrationId());

        // 3 s later in the finding; here as soon as activation-service has the withdrawal
        Journey.activate(newer.secrets().linkToken(), newer.secrets().pin()).statusCode(410)
                .contentType("application/problem+json").body("code", equalTo("REGISTRATION_WITHDRAWN"));
        assertThat(given().get("/activate?t=" + newer.secrets().linkToken()).then().statusCode(200).extract().asString())
                .as("the page tells the citizen").contains("result-withdrawn");
        // a resend issues no new code for it
        given().contentType(ContentType.JSON).body(Map.of("linkToken", newer.secrets().linkToken()))
                .post("/api/v1/activations/" + newer.registrationId() + "/resend").then().statusCode(202);
        assertThat(topics.activation().collect(Journey.codeIssuedFor(newer.registrationId())
                .and(record -> EventJson.read(record.value(), ActivationCodeIssued.class).sequence() > 1),
                Duration.ofSeconds(2))).as("no second code").isEmpty();

        assertThat(identityStatus(older.registrationId())).isEqualTo("ACTIVE");
        assertThat(identityStatus(newer.registrationId())).isNull();
        assertThat(topics.identity().collect(revocationOf(older.registrationId()), Duration.ofSeconds(1))).isEmpty();
    }

    @Test
    void anActivationThatOvertookTheWithdrawalIsRevoked() {
        Journey.Approved approved = Journey.approve(topics.activation(), Device.generate(), Journey.newNik());
        Instant withdrawnAt = Instant.now(); // answered 204 by registration-service now…
        Journey.activate(approved.secrets().linkToken(), approved.secrets().pin()).statusCode(200);
        // …but its event reaches activation-service only after the activation
        Journey.publish(new RegistrationWithdrawn(approved.registrationId(), WithdrawalReason.CITIZEN_REQUEST, withdrawnAt));

        ConsumerRecord<String, String> revoked = topics.identity().await(revocationOf(approved.registrationId()),
                Duration.ofSeconds(30));
        assertThat(EventJson.read(revoked.value(), IdentityRevoked.class).reason()).isEqualTo(RevocationReason.CITIZEN_REQUEST);
        assertThat(identityStatus(approved.registrationId())).isEqualTo("REVOKED");
    }

    @Test
    void aWithdrawalBeforeTheApprovalMeansNoCodeIsIssued() {
        UUID registrationId = UUID.randomUUID();
        Journey.publish(new RegistrationWithdrawn(registrationId, WithdrawalReason.CITIZEN_REQUEST, Instant.now()));
        awaitWithdrawalRecorded(registrationId);

        String eventId = Journey.publish(Journey.approval(registrationId, Journey.newNik(), Device.generate()));
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (!consumed(eventId)) {
            assertThat(System.nanoTime()).as("the approval is consumed").isLessThan(deadline);
            sleep(100);
        }
        assertThat(topics.activation().collect(Journey.codeIssuedFor(registrationId), Duration.ofSeconds(1))).isEmpty();
    }

    private void awaitWithdrawalRecorded(UUID registrationId) {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (pool.preparedQuery("select 1 from registration_withdrawal where registration_id = $1")
                .execute(Tuple.of(registrationId)).await().atMost(Duration.ofSeconds(10)).size() == 0) {
            assertThat(System.nanoTime()).as("the withdrawal reaches activation-service").isLessThan(deadline);
            sleep(50);
        }
    }

    private boolean consumed(String eventId) {
        return pool.preparedQuery("select 1 from ikd_inbox where event_id = $1").execute(Tuple.of(eventId))
                .await().atMost(Duration.ofSeconds(10)).size() > 0;
    }

    private String identityStatus(UUID registrationId) {
        var rows = pool.preparedQuery("select status from identity where registration_id = $1")
                .execute(Tuple.of(registrationId)).await().atMost(Duration.ofSeconds(10));
        return rows.size() == 0 ? null : rows.iterator().next().getString("status");
    }

    private static Predicate<ConsumerRecord<String, String>> revocationOf(UUID registrationId) {
        return TopicProbe.ofType(EventType.of(IdentityRevoked.class).type())
                .and(record -> registrationId.toString().equals(record.key()));
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}

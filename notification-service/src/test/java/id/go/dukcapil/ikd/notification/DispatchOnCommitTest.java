package id.go.dukcapil.ikd.notification;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import id.go.dukcapil.ikd.events.RejectionReason;
import id.go.dukcapil.ikd.notification.TestEvents.Citizen;
import id.go.dukcapil.ikd.testing.IkdTestResource;
import id.go.dukcapil.ikd.testing.Mailbox;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;

/**
 * Messages leave when the transaction that queued them commits, not at the next periodic round:
 * with the periodic round an hour apart, every message of a burst still arrives, each under its
 * own Message-ID.
 */
@QuarkusTest
@TestProfile(DispatchOnCommitTest.HourlyRoundsOnly.class)
@QuarkusTestResource(value = IkdTestResource.class, initArgs = @ResourceArg(name = "database", value = "notification"))
@QuarkusTestResource(NotificationTestResource.class)
class DispatchOnCommitTest {

    private static final Duration PATIENCE = Duration.ofSeconds(30);

    public static class HourlyRoundsOnly implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("ikd.notification.dispatch.interval", "1h", "ikd.notification.dispatch.concurrency", "3");
        }
    }

    @Test
    void aBurstOfMessagesIsSentOnCommitWithoutWaitingForThePeriodicRound() {
        // more messages than one round claims (3), so rounds must follow each other
        List<Citizen> citizens = List.of(Citizen.speaking("id"), Citizen.speaking("en"), Citizen.speaking("id"),
                Citizen.speaking("id"), Citizen.speaking("en"));
        citizens.forEach(citizen -> TestEvents.publish(TestEvents.rejected(citizen, RejectionReason.FACE_MISMATCH, null)));

        for (Citizen citizen : citizens) {
            Mailbox.Mail mail = Mailbox.await(TestEvents.imapPort(), citizen.email(), m -> true, PATIENCE);
            assertThat(mail.messageId()).matches("<[0-9a-f-]{36}@ikd\\.dukcapil\\.go\\.id>");
        }
        assertThat(citizens.stream().map(c -> Mailbox.read(TestEvents.imapPort(), c.email()).get(0).messageId())
                .distinct()).hasSize(citizens.size());
    }
}

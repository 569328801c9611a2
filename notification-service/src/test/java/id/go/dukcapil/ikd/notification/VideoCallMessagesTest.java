package id.go.dukcapil.ikd.notification;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import com.github.tomakehurst.wiremock.client.WireMock;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;

import id.go.dukcapil.ikd.events.IndonesianTimeZone;
import id.go.dukcapil.ikd.events.VideoCallBooked;
import id.go.dukcapil.ikd.notification.TestEvents.Citizen;
import id.go.dukcapil.ikd.testing.IkdTestResource;
import id.go.dukcapil.ikd.testing.Mailbox;
import id.go.dukcapil.ikd.testing.Mailbox.Mail;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * A booked video call (issue 18): the confirmation by email and SMS with the slot in the office's
 * zone, a reminder before it that a move or a cancellation drops, and the reminder actually sent
 * when it falls due; all to the recipient notification-service recorded, since the event carries no contact.
 */
@QuarkusTest
@QuarkusTestResource(value = IkdTestResource.class, initArgs = @ResourceArg(name = "database", value = "notification"))
@QuarkusTestResource(NotificationTestResource.class)
class VideoCallMessagesTest {

    private static final Duration PATIENCE = Duration.ofSeconds(30);
    private static final String CONFIRMATION = "Jadwal panggilan video IKD Anda";
    private static final String REMINDER = "Pengingat: panggilan video IKD Anda";

    @Inject
    Pool pool;
    @ConfigProperty(name = "ikd.test.wiremock-port")
    int wireMockPort;
    @ConfigProperty(name = "ikd.notification.video-call.reminder-before")
    Duration reminderBefore;

    @Test
    void aBookingIsConfirmedInTheOfficesZoneAndAMoveOrCancellationDropsTheReminderOfTheOldSlot() {
        Citizen citizen = recorded("id");
        UUID booking = UUID.randomUUID();
        Instant slot = Instant.now().plus(3, ChronoUnit.HOURS).truncatedTo(ChronoUnit.MINUTES);
        TestEvents.publish(booked(citizen, booking, slot, VideoCallBooked.Status.BOOKED, null));

        Mail confirmation = Mailbox.await(TestEvents.imapPort(), citizen.email(), m -> m.subject().equals(CONFIRMATION),
                PATIENCE);
        String slotAt = IndonesianTimeZone.WITA.indonesian(slot);
        assertThat(confirmation.text()).contains(slotAt, "Kabupaten Tapin").doesNotContain("UTC");
        assertThat(await().atMost(PATIENCE).until(() -> smsTo(citizen.phone()), sms -> !sms.isEmpty()).getFirst()
                .getBodyAsString()).contains(slotAt);
        await().atMost(PATIENCE).until(() -> reminders(citizen, "PENDING").size() == 2);
        assertThat(reminders(citizen, "PENDING")).as("email and SMS, due before the slot")
                .allMatch(due -> due.equals(slot.minus(reminderBefore)));

        Instant later = slot.plus(2, ChronoUnit.HOURS);
        TestEvents.publish(booked(citizen, booking, later, VideoCallBooked.Status.MOVED, slot));
        Mail moved = Mailbox.await(TestEvents.imapPort(), citizen.email(),
                m -> m.subject().equals(CONFIRMATION) && m.text().contains(IndonesianTimeZone.WITA.indonesian(later)),
                PATIENCE);
        assertThat(moved.text()).contains("menggantikan jadwal sebelumnya, " + slotAt);
        await().atMost(PATIENCE).until(() -> reminders(citizen, "FAILED").size() == 2);
        assertThat(reminders(citizen, "PENDING")).as("only the new slot's reminder waits")
                .containsOnly(later.minus(reminderBefore)).hasSize(2);

        TestEvents.publish(booked(citizen, booking, later, VideoCallBooked.Status.CANCELLED, null));
        Mailbox.await(TestEvents.imapPort(), citizen.email(),
                m -> m.subject().equals("Jadwal panggilan video IKD Anda dibatalkan"), PATIENCE);
        await().atMost(PATIENCE).until(() -> reminders(citizen, "PENDING").isEmpty());
        assertThat(reminders(citizen, "FAILED")).hasSize(4);
    }

    @Test
    void theReminderIsSentWhenItFallsDueAndASlotTooCloseGetsNone() {
        Citizen citizen = recorded("en");
        Instant slot = Instant.now().plus(reminderBefore).plusSeconds(3);
        TestEvents.publish(booked(citizen, UUID.randomUUID(), slot, VideoCallBooked.Status.BOOKED, null));
        Mail reminder = Mailbox.await(TestEvents.imapPort(), citizen.email(),
                m -> m.subject().equals("Reminder: your IKD video call"), PATIENCE);
        assertThat(reminder.text()).contains(IndonesianTimeZone.WITA.english(slot));

        Citizen late = recorded("id");
        Instant soon = Instant.now().plus(reminderBefore).minusSeconds(60);
        TestEvents.publish(booked(late, UUID.randomUUID(), soon, VideoCallBooked.Status.BOOKED, null));
        Mailbox.await(TestEvents.imapPort(), late.email(), m -> m.subject().equals(CONFIRMATION), PATIENCE);
        assertThat(reminders(late, "PENDING")).as("the slot starts before a reminder could go").isEmpty();
    }

    @Test
    void aMissedSlotIsToldAndABookingWithNoRecipientIsSkipped() {
        Citizen citizen = recorded("id");
        Instant slot = Instant.now().minus(20, ChronoUnit.MINUTES);
        TestEvents.publish(booked(citizen, UUID.randomUUID(), slot, VideoCallBooked.Status.NO_SHOW, null));
        Mail missed = Mailbox.await(TestEvents.imapPort(), citizen.email(),
                m -> m.subject().equals("Anda melewatkan jadwal panggilan video IKD"), PATIENCE);
        assertThat(missed.text()).contains(IndonesianTimeZone.WITA.indonesian(slot), "Pesan jadwal baru");

        Citizen unknown = Citizen.speaking("id");
        TestEvents.publish(booked(unknown, UUID.randomUUID(), Instant.now().plus(3, ChronoUnit.HOURS),
                VideoCallBooked.Status.BOOKED, null));
        Citizen after = recorded("id"); // the same partition's next event: the unknown one was handled before it
        TestEvents.publish(booked(after, UUID.randomUUID(), Instant.now().plus(3, ChronoUnit.HOURS),
                VideoCallBooked.Status.BOOKED, null));
        Mailbox.await(TestEvents.imapPort(), after.email(), m -> m.subject().equals(CONFIRMATION), PATIENCE);
        assertThat(count("select count(*) from notification where registration_id = $1", unknown.registrationId()))
                .isZero();
    }

    private Citizen recorded(String language) {
        Citizen citizen = Citizen.speaking(language);
        TestEvents.publish(TestEvents.registrationSubmitted(citizen, "K7M2-Q9XD"));
        await().atMost(PATIENCE).until(() -> count("select count(*) from recipient where registration_id = $1",
                citizen.registrationId()) == 1);
        return citizen;
    }

    private static VideoCallBooked booked(Citizen citizen, UUID booking, Instant slot, VideoCallBooked.Status status,
            Instant previous) {
        return new VideoCallBooked(citizen.registrationId(), booking, TestEvents.TAPIN, slot,
                slot.plus(15, ChronoUnit.MINUTES), IndonesianTimeZone.WITA, status, previous, Instant.now());
    }

    private List<Instant> reminders(Citizen citizen, String state) {
        List<Instant> due = new ArrayList<>();
        pool.preparedQuery("select next_attempt_at from notification where registration_id = $1 and kind = $2 and state = $3")
                .execute(Tuple.of(citizen.registrationId(), "VIDEO_CALL_REMINDER", state)).await().indefinitely()
                .forEach(row -> due.add(row.getOffsetDateTime(0).toInstant()));
        return due;
    }

    private long count(String sql, UUID registrationId) {
        return pool.preparedQuery(sql).execute(Tuple.of(registrationId)).await().indefinitely().iterator().next()
                .getLong(0);
    }

    private List<LoggedRequest> smsTo(String phone) {
        return new WireMock("127.0.0.1", wireMockPort)
                .find(postRequestedFor(urlEqualTo("/sms")).withRequestBody(matchingJsonPath("$.to", equalTo(phone))));
    }
}

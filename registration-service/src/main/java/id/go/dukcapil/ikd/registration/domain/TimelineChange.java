package id.go.dukcapil.ikd.registration.domain;

import java.time.Instant;
import java.util.UUID;

/**
 * One committed step of a registration's timeline with the status it left: what the live stream
 * of every replica announces (as a NOTIFY payload) and what the app is shown.
 *
 * @param id          increasing per registration; also the SSE event id
 * @param kind        the {@link TimelineKind}
 * @param status      the registration's {@link RegistrationStatus} after the step
 * @param reasonCode  rejection, withdrawal or revocation reason
 * @param note        the operator's note for the citizen, or why a message failed
 * @param channel     {@code COUNTER}/{@code VIDEO_CALL} for decisions, {@code EMAIL}/{@code SMS} for messages
 * @param messageKind kind of message, e.g. {@code ACTIVATION_CODE}
 * @param recipient   masked address of the message
 * @param office      the office that decided or revoked, or null
 * @param expectedBy  a pending central review: when it is expected to be done; a video-call booking: its slot;
 *                    null otherwise
 */
public record TimelineChange(UUID registrationId, long id, String kind, String status, Instant at, String reasonCode,
        String note, String channel, String messageKind, String recipient, Office office, Instant expectedBy) {

    /** The office the citizen is sent to in a next step. */
    public record Office(String name, String phone, String address) {
    }

    public static TimelineChange of(TimelineEntry entry) {
        return new TimelineChange(entry.registrationId, entry.id, entry.kind.name(), entry.status.name(), entry.at,
                entry.reasonCode, entry.note, entry.channel, entry.messageKind, entry.recipient,
                entry.officeName == null ? null : new Office(entry.officeName, entry.officePhone, entry.officeAddress),
                entry.expectedAt);
    }
}

package id.go.dukcapil.ikd.events;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * A citizen's video-call slot with their office was booked, moved, cancelled, or missed: what the
 * confirmation and the reminder say. Carries ids, the office, the slot and its zone only: no name,
 * NIK, email or phone (notification-service keeps its own recipient per registration).
 *
 * @param bookingId         stable over moves: a rebooked slot is the same booking with status MOVED
 * @param slotStart         the slot's start, an instant; the citizen reads it in {@code timeZone}
 * @param timeZone          the office's zone, in which every time of the slot is given to the citizen
 * @param previousSlotStart with {@code MOVED}: the slot the booking had before
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record VideoCallBooked(
        UUID registrationId,
        UUID bookingId,
        OfficeContact office,
        Instant slotStart,
        Instant slotEnd,
        IndonesianTimeZone timeZone,
        Status status,
        Instant previousSlotStart,
        Instant changedAt) implements IkdEvent {

    /** What happened to the booking. */
    public enum Status {
        /** Booked: send the confirmation, and the reminder before the slot. */
        BOOKED,
        /** Moved to another slot: a new confirmation, the reminder for the new slot only. */
        MOVED,
        /** Cancelled by the citizen: no reminder. */
        CANCELLED,
        /** The citizen did not come within the no-show window; they may book again. */
        NO_SHOW
    }

    public VideoCallBooked {
        Objects.requireNonNull(registrationId, "registrationId is required");
        Objects.requireNonNull(bookingId, "bookingId is required");
        Objects.requireNonNull(office, "office is required");
        Objects.requireNonNull(slotStart, "slotStart is required");
        Objects.requireNonNull(slotEnd, "slotEnd is required");
        Objects.requireNonNull(timeZone, "timeZone is required");
        Objects.requireNonNull(status, "status is required");
        Objects.requireNonNull(changedAt, "changedAt is required");
        if (!slotEnd.isAfter(slotStart)) {
            throw new IllegalArgumentException("a slot ends after it starts");
        }
        if (status == Status.MOVED && previousSlotStart == null) {
            throw new IllegalArgumentException("a moved booking names the slot it had before");
        }
    }

    @Override
    public String partitionKey() {
        return registrationId.toString();
    }
}

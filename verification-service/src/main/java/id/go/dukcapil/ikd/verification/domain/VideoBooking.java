package id.go.dukcapil.ikd.verification.domain;

import java.time.Instant;
import java.util.UUID;

/** A citizen's booking of a video-call slot with their office. */
public record VideoBooking(UUID id, UUID registrationId, UUID caseId, String officeCode, Instant slotStart,
        Instant slotEnd, Status status, Instant bookedAt, Instant changedAt) {

    public enum Status {
        BOOKED, CANCELLED, ATTENDED, NO_SHOW
    }
}

package id.go.dukcapil.ikd.verification.domain;

import java.time.Instant;
import java.util.UUID;

/** A citizen's complaint (pengaduan) as the office works it; {@code officeName}/{@code zone} come from its office. */
public record Complaint(UUID id, String ticket, String officeCode, String officeName, OfficeTimeZone zone,
        ComplaintCategory category, String body, String registrationReference, String email, String phone,
        String language, ComplaintStatus status, String assignee, String answer, Instant filedAt, Instant dueAt,
        Instant updatedAt, Instant closedAt) {

    /** Open past its response standard at {@code now}. */
    public boolean overdue(Instant now) {
        return status.open() && now.isAfter(dueAt);
    }

    /** One line of the complaint's history: a status change, an assignment or a note. */
    public record Note(String author, ComplaintStatus status, String assignee, String note, Instant at) {
    }
}

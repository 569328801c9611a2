package id.go.dukcapil.ikd.events;

import java.time.Instant;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * A citizen's complaint (pengaduan) was filed or moved on: notification-service tells the citizen
 * the ticket number on filing, each status change, and the answer at closure. Carries only what
 * that message needs: no complaint text, no registration reference, no operator.
 *
 * @param status   RECEIVED (just filed), VERIFYING, MEDIATING, COORDINATING or CLOSED
 * @param email    where the citizen asked to be told; at least one of email and phone
 * @param answer   the office's answer, only when CLOSED
 * @param dueAt    when the office's response standard runs out
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ComplaintUpdated(
        UUID complaintId,
        String ticket,
        String status,
        OfficeContact office,
        String language,
        String email,
        String phone,
        String answer,
        Instant dueAt,
        Instant updatedAt) implements IkdEvent {

    public static final Set<String> STATUSES = Set.of("RECEIVED", "VERIFYING", "MEDIATING", "COORDINATING", "CLOSED");

    public ComplaintUpdated {
        requireRules(complaintId, ticket, status, office, language, email, phone, answer, updatedAt);
    }

    /** The rules of both versions. */
    static void requireRules(UUID complaintId, String ticket, String status, OfficeContact office, String language,
            String email, String phone, String answer, Instant updatedAt) {
        Objects.requireNonNull(complaintId, "complaintId is required");
        Objects.requireNonNull(ticket, "ticket is required");
        Objects.requireNonNull(status, "status is required");
        Objects.requireNonNull(office, "office is required");
        Objects.requireNonNull(language, "language is required");
        Objects.requireNonNull(updatedAt, "updatedAt is required");
        if (!STATUSES.contains(status)) {
            throw new IllegalArgumentException("unknown complaint status " + status);
        }
        if (email == null && phone == null) {
            throw new IllegalArgumentException("a complaint needs an email or a phone to answer to");
        }
        if ("CLOSED".equals(status) && answer == null) {
            throw new IllegalArgumentException("a closed complaint carries its answer");
        }
    }

    /** The {@code .v2} this event would have been: the same message, on the complaints' own topic. */
    public ComplaintUpdatedV2 onItsOwnTopic() {
        return new ComplaintUpdatedV2(complaintId, ticket, status, office, language, email, phone, answer, dueAt,
                updatedAt);
    }

    /** True when the complaint was just filed (the message gives the ticket number). */
    public boolean filed() {
        return "RECEIVED".equals(status);
    }

    @Override
    public String partitionKey() {
        return complaintId.toString();
    }
}

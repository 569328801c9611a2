package id.go.dukcapil.ikd.events;

import java.time.Instant;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * {@link ComplaintUpdated} on {@code ikd.verification.complaint}, the topic only
 * notification-service reads: the complainant's email or phone and the office's answer no longer
 * reach registration- and activation-service, which read {@code ikd.verification} for the decision
 * and skipped this type. The fields and rules are the {@code .v1}'s.
 *
 * @param status RECEIVED (just filed), VERIFYING, MEDIATING, COORDINATING or CLOSED
 * @param email  where the citizen asked to be told; at least one of email and phone
 * @param answer the office's answer, only when CLOSED
 * @param dueAt  when the office's response standard runs out
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ComplaintUpdatedV2(
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

    public ComplaintUpdatedV2 {
        ComplaintUpdated.requireRules(complaintId, ticket, status, office, language, email, phone, answer, updatedAt);
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

package id.go.dukcapil.ikd.events;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * An operator corrected the citizen's email or phone at the counter, with the citizen present and
 * the KTP-el checked (issue 17, item 7). registration-service stores the new contact;
 * activation-service issues a fresh activation PIN to it when the identity is approved and not yet
 * active (the old PIN stops working); notification-service warns the previous contact and
 * confirms the new one. No NIK, no name: the consumers know the registration.
 *
 * @param correctionId  identifies this correction (the audit entry's subject)
 * @param email         the email after the correction
 * @param phone         the phone after the correction (E.164)
 * @param previousEmail the email before, present only when it changed
 * @param previousPhone the phone before, present only when it changed
 * @param office        the office where the citizen was present
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ContactCorrected(
        UUID correctionId,
        UUID registrationId,
        String email,
        String phone,
        String previousEmail,
        String previousPhone,
        String language,
        OfficeContact office,
        Instant correctedAt) implements IkdEvent {

    public ContactCorrected {
        Objects.requireNonNull(correctionId, "correctionId is required");
        Objects.requireNonNull(registrationId, "registrationId is required");
        Objects.requireNonNull(email, "email is required");
        Objects.requireNonNull(phone, "phone is required");
        Objects.requireNonNull(language, "language is required");
        Objects.requireNonNull(office, "office is required");
        Objects.requireNonNull(correctedAt, "correctedAt is required");
        if (previousEmail == null && previousPhone == null) {
            throw new IllegalArgumentException("a correction changes the email, the phone or both");
        }
    }

    /** Whether the email changed. */
    public boolean emailChanged() {
        return previousEmail != null;
    }

    /** Whether the phone changed. */
    public boolean phoneChanged() {
        return previousPhone != null;
    }

    @Override
    public String partitionKey() {
        return registrationId.toString();
    }
}

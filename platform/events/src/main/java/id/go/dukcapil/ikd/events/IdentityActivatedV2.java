package id.go.dukcapil.ikd.events;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Objects;
import java.util.UUID;

/**
 * The citizen entered the right activation PIN: their digital identity exists. Unlike
 * {@link IdentityActivated} it carries only what its consumers use: token-service's projection
 * (name, masked NIK, birth date, photo digest, office, subject); registration- and
 * verification-service read the ids and the time; notification-service the office. No contact,
 * no full NIK, no other registry attribute, no device key thumbprint.
 *
 * @param identityId  activation-service's identity
 * @param subject     pseudonymous subject of the citizen's tokens; never the NIK
 * @param nikMasked   the NIK as a QR token shows it: first six and last two digits
 * @param photoSha256 lowercase hex SHA-256 of the registry photo, when the registry has one
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record IdentityActivatedV2(
        UUID identityId,
        UUID registrationId,
        String subject,
        String fullName,
        String nikMasked,
        LocalDate birthDate,
        String photoSha256,
        Instant activatedAt,
        OfficeContact office) implements IkdEvent {

    public IdentityActivatedV2 {
        Objects.requireNonNull(identityId, "identityId is required");
        Objects.requireNonNull(registrationId, "registrationId is required");
        Objects.requireNonNull(subject, "subject is required");
        Objects.requireNonNull(fullName, "fullName is required");
        Objects.requireNonNull(nikMasked, "nikMasked is required");
        Objects.requireNonNull(birthDate, "birthDate is required");
        Objects.requireNonNull(activatedAt, "activatedAt is required");
        Objects.requireNonNull(office, "office is required");
        if (nikMasked.chars().allMatch(Character::isDigit)) {
            throw new IllegalArgumentException("nikMasked must be masked, not a NIK");
        }
    }

    @Override
    public String partitionKey() {
        return registrationId.toString();
    }
}

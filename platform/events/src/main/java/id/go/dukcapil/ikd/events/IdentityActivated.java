package id.go.dukcapil.ikd.events;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * The citizen entered the right activation PIN: their digital identity exists and is bound to
 * the device key. token-service projects it to issue QR tokens.
 *
 * @param identityId          activation-service's identity
 * @param subject             pseudonymous subject of the citizen's tokens; never the NIK
 * @param deviceKeyThumbprint RFC 7638 thumbprint of the bound device key
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record IdentityActivated(
        UUID identityId,
        UUID registrationId,
        String subject,
        VerifiedAttributes attributes,
        String deviceKeyThumbprint,
        Instant activatedAt,
        String email,
        String phone,
        String language,
        OfficeContact office) implements IkdEvent {

    public IdentityActivated {
        Objects.requireNonNull(identityId, "identityId is required");
        Objects.requireNonNull(registrationId, "registrationId is required");
        Objects.requireNonNull(subject, "subject is required");
        Objects.requireNonNull(attributes, "attributes are required");
        Objects.requireNonNull(deviceKeyThumbprint, "deviceKeyThumbprint is required");
        Objects.requireNonNull(activatedAt, "activatedAt is required");
        Objects.requireNonNull(email, "email is required");
        Objects.requireNonNull(phone, "phone is required");
        Objects.requireNonNull(language, "language is required");
        Objects.requireNonNull(office, "office is required");
    }

    /**
     * The same event as {@code .v2}: no contact, no device key, of the attributes only the name,
     * birth date and photo digest, and the NIK as {@code nikMasked} (the consumer masks it, as it
     * would have on arrival; this module knows no masking rule).
     */
    public IdentityActivatedV2 withoutContact(String nikMasked) {
        return new IdentityActivatedV2(identityId, registrationId, subject, attributes.fullName(), nikMasked,
                attributes.birthDate(), attributes.photoSha256(), activatedAt, office);
    }

    @Override
    public String partitionKey() {
        return registrationId.toString();
    }
}

package id.go.dukcapil.ikd.events;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * A citizen who lost their phone asked, from another device, to deactivate their IKD;
 * notification-service sends the confirmation link to the identity's email and phone. The link
 * travels only sealed in {@code sealedLink}, a compact JWE only notification-service can open.
 *
 * @param requestId  identifies this request; the link confirms only it
 * @param sealedLink compact JWE holding {@code {"deactivationUrl":"…"}}
 * @param expiresAt  end of the link's validity
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record DeactivationLinkIssued(
        UUID registrationId,
        UUID requestId,
        String sealedLink,
        Instant expiresAt,
        String email,
        String phone,
        String language,
        OfficeContact office) implements IkdEvent {

    /** Enough of the JWE header to correlate in logs; nothing of its ciphertext. */
    private static final int LOGGED_SEALED_PREFIX = 12;

    public DeactivationLinkIssued {
        Objects.requireNonNull(registrationId, "registrationId is required");
        Objects.requireNonNull(requestId, "requestId is required");
        Objects.requireNonNull(sealedLink, "sealedLink is required");
        Objects.requireNonNull(expiresAt, "expiresAt is required");
        Objects.requireNonNull(email, "email is required");
        Objects.requireNonNull(phone, "phone is required");
        Objects.requireNonNull(language, "language is required");
        Objects.requireNonNull(office, "office is required");
    }

    /** The same event as {@code .v2}, without the contact (for consumers that handle both versions). */
    public DeactivationLinkIssuedV2 withoutContact() {
        return new DeactivationLinkIssuedV2(registrationId, requestId, sealedLink, expiresAt, office);
    }

    @Override
    public String partitionKey() {
        return registrationId.toString();
    }

    /** Events get logged; the sealed link must not be, even encrypted, nor the contacts. */
    @Override
    public String toString() {
        int shown = Math.min(LOGGED_SEALED_PREFIX, sealedLink.length() / 2);
        return "DeactivationLinkIssued[registrationId=" + registrationId + ", requestId=" + requestId
                + ", sealedLink=" + sealedLink.substring(0, shown) + "…, expiresAt=" + expiresAt + "]";
    }
}

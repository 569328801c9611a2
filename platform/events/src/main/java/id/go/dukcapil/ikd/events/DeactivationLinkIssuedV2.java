package id.go.dukcapil.ikd.events;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * {@link DeactivationLinkIssued} without the citizen's contact: notification-service sends the link
 * to the email and phone it recorded for the registration. The link travels only sealed.
 *
 * @param requestId  identifies this request; the link confirms only it
 * @param sealedLink compact JWE holding {@code {"deactivationUrl":"…"}}
 * @param expiresAt  end of the link's validity
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record DeactivationLinkIssuedV2(
        UUID registrationId,
        UUID requestId,
        String sealedLink,
        Instant expiresAt,
        OfficeContact office) implements IkdEvent {

    /** Enough of the JWE header to correlate in logs; nothing of its ciphertext. */
    private static final int LOGGED_SEALED_PREFIX = 12;

    public DeactivationLinkIssuedV2 {
        Objects.requireNonNull(registrationId, "registrationId is required");
        Objects.requireNonNull(requestId, "requestId is required");
        Objects.requireNonNull(sealedLink, "sealedLink is required");
        Objects.requireNonNull(expiresAt, "expiresAt is required");
        Objects.requireNonNull(office, "office is required");
    }

    @Override
    public String partitionKey() {
        return registrationId.toString();
    }

    /** Events get logged; the sealed link must not be, even encrypted. */
    @Override
    public String toString() {
        int shown = Math.min(LOGGED_SEALED_PREFIX, sealedLink.length() / 2);
        return "DeactivationLinkIssuedV2[registrationId=" + registrationId + ", requestId=" + requestId
                + ", sealedLink=" + sealedLink.substring(0, shown) + "…, expiresAt=" + expiresAt + "]";
    }
}

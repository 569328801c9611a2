package id.go.dukcapil.ikd.web;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import jakarta.ws.rs.core.Response;

import io.smallrye.jwt.algorithm.SignatureAlgorithm;
import io.smallrye.jwt.build.Jwt;

/**
 * The caller's side of {@link RegistryPhotoGrants}, once for every service that shows a registry
 * photo (activation-service on the citizen's card, token-service to a relying party): the grant it
 * signs for one registration and purpose, and the check of verification-service's answer, which is
 * used only when it is an image of the digest the caller's own projection holds. Needs
 * {@code quarkus-smallrye-jwt-build} in the calling service (the suite's signing key).
 */
public final class RegistryPhotoRequests {

    /** A KTP-el photo is a few hundred KB at most; anything larger is not one. */
    public static final int MAX_BYTES = 2 * 1024 * 1024;

    /** An image as verification-service gave it, checked against the expected digest. */
    public record Photo(String mediaType, byte[] content) {
    }

    private RegistryPhotoRequests() {
    }

    /** A suite-signed grant for {@code registrationId}, naming {@code subject} and why ({@code purpose}). */
    public static String grant(String subject, UUID registrationId, String purpose, Instant now) {
        return Jwt.subject(subject)
                .audience(RegistryPhotoGrants.AUDIENCE)
                .claim(RegistryPhotoGrants.REGISTRATION_CLAIM, registrationId.toString())
                .claim(RegistryPhotoGrants.PURPOSE_CLAIM, purpose)
                .issuedAt(now)
                .expiresAt(now.plusSeconds(RegistryPhotoGrants.LIFETIME_SECONDS))
                .jws().algorithm(SignatureAlgorithm.ES256)
                .sign();
    }

    /**
     * The image of {@code response} when it is a 200 image of at most {@link #MAX_BYTES} whose
     * SHA-256 is {@code expectedSha256}; empty otherwise. Closes the response.
     */
    public static Optional<Photo> accepted(Response response, String expectedSha256) {
        try (response) {
            String type = response.getMediaType() == null ? "" : response.getMediaType().toString();
            if (response.getStatus() != 200 || !type.startsWith("image/")) {
                return Optional.empty();
            }
            byte[] content = response.readEntity(byte[].class);
            if (content == null || content.length == 0 || content.length > MAX_BYTES || expectedSha256 == null
                    || !Digests.sha256Hex(content).equalsIgnoreCase(expectedSha256)) {
                return Optional.empty();
            }
            return Optional.of(new Photo(type.split(";")[0].strip(), content));
        }
    }
}

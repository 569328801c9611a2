package id.go.dukcapil.ikd.verification.config;

import java.net.URI;
import java.time.Duration;
import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * The face-similarity score shown to the operator as an aid (issue 18): which provider computes it.
 * {@code none} (the default) shows no score and says why (docs/architecture.md); {@code remote} asks a
 * national biometric service or a vendor's API over HTTP (docs/operations.md, "Face-match provider").
 */
@ConfigMapping(prefix = "ikd.verification.face-match")
public interface FaceMatchConfig {

    enum Provider {
        /** No score: the suite's built-in vision detects faces but does not recognise them. */
        NONE,
        /** An HTTP API given both images that answers a score in [0,1] with its name and version. */
        REMOTE
    }

    /** {@code none} or {@code remote} (ikd.verification.face-match.provider). */
    @WithDefault("none")
    Provider provider();

    /** The remote provider's comparison endpoint, e.g. {@code https://biometrik.dukcapil.go.id/v1/face/compare}. */
    Optional<URI> url();

    /**
     * The longest the case page waits for a score, waiting for a place included; then the page shows
     * "unavailable" (ikd.verification.face-match.timeout).
     */
    @WithDefault("3s")
    Duration timeout();

    /** Sent as {@code X-API-Key}; a secret (IKD_VERIFICATION_FACE_MATCH_API_KEY). */
    Optional<String> apiKey();
}

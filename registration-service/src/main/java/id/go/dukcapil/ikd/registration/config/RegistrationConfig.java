package id.go.dukcapil.ikd.registration.config;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Rules of registration-service that operations may tune; {@code selfie-key} has no default in prod. */
@ConfigMapping(prefix = "ikd.registration")
public interface RegistrationConfig {

    /** AES-256 key (base64, 32 bytes) sealing selfies at rest. Required in production. */
    String selfieKey();

    /** A registration nobody verified within this time expires and its selfie is erased. */
    @WithDefault("P7D")
    Duration expireAfter();

    /** How often the expiry job runs (the scheduler reads it as ikd.registration.expiry-interval). */
    @WithDefault("5m")
    Duration expiryInterval();

    /** How long a counter code (QR payload and short code) stays valid. */
    @WithDefault("PT10M")
    Duration counterCodeValidity();

    /**
     * Registrations of one NIK that may await verification side by side. They do not cancel each
     * other (anyone who read a KTP knows its NIK); this bounds what a stranger can add to a
     * citizen's case at the counter.
     */
    @WithDefault("3")
    int maxPendingPerNik();

    Selfie selfie();

    RateLimits rateLimit();

    interface Selfie {
        @WithDefault("2097152")
        int maxBytes();

        /** Longest side accepted, read from the header before anything is decoded. */
        @WithDefault("4096")
        int maxSide();

        /**
         * Most pixels accepted (width × height), read from the header before decoding: 12 MiPx,
         * so a phone's "12 MP" photo (4032 × 3024) passes.
         */
        @WithDefault("12582912")
        long maxPixels();

        /** Most bits per colour channel, read from the header: 16-bit PNGs are refused. */
        @WithDefault("8")
        int maxBitsPerChannel();

        /**
         * The stored selfie's longest side: larger uploads are decoded with subsampling (every
         * n-th pixel) to at most this, which bounds the decoded image and the work after it.
         */
        @WithDefault("1600")
        int storedLongSide();

        /** Shortest side accepted: a smaller image cannot show a face an operator can compare. */
        @WithDefault("240")
        int minSide();

        /**
         * Whether the moving selfie (a challenge and its frames) is required: then a still alone is
         * refused with SELFIE_LIVENESS_REQUIRED. True in production; the still-only path stays for
         * where it is switched off (ikd.registration.selfie.liveness-required).
         */
        @WithDefault("false")
        boolean livenessRequired();

        /** The moving selfie: challenge, frames, the checks and who runs them. */
        LivenessConfig liveness();
    }

    interface RateLimits {
        /** Length of one counting window. */
        @WithDefault("PT1H")
        Duration window();

        @WithDefault("10")
        int submissionsPerDevice();

        @WithDefault("60")
        int submissionsPerAddress();

        @WithDefault("30")
        int counterCodesPerDevice();

        @WithDefault("120")
        int counterCodesPerAddress();
    }
}

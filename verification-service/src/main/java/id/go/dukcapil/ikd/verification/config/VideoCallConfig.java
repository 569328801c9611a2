package id.go.dukcapil.ikd.verification.config;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Verification by video call: the ICE servers the browsers use, and the call's bounds. */
@ConfigMapping(prefix = "ikd.video-call")
public interface VideoCallConfig {

    /** STUN servers given to both browsers, e.g. {@code stun:stun.example.go.id:3478}; none on loopback. */
    Optional<List<String>> stunUrls();

    Turn turn();

    /** A waiting call whose page has not been heard from for this long is a no-show. */
    @WithDefault("PT2M")
    Duration noShowAfter();

    /** The longest offer, answer or candidate accepted (an SDP offer with audio and video is 3–7 KB). */
    @WithDefault("16384")
    int maxSignalBytes();

    /** Signals one call may carry at most (ICE restarts included): a bound on what a stranger can store. */
    @WithDefault("400")
    int maxSignalsPerCall();

    /**
     * Calls one client address may ask for per {@link #requestWindow()}, rejoins included: each
     * request checks a signed code and the case. Generous, since many phones share a carrier's address.
     */
    @WithDefault("60")
    int requestsPerAddress();

    @WithDefault("10m")
    Duration requestWindow();

    /**
     * Signal streams one side of a call may hold open on one replica: a page, a reconnect that
     * overlaps the old stream, a second tab. Each stream holds a listener and a periodic read.
     */
    @WithDefault("4")
    int streamsPerSide();

    Stills stills();

    /** Stills (face, KTP-el) the operator captures from the live video, with the citizen's consent to stills. */
    interface Stills {
        /**
         * AES-256 key sealing stills at rest (base64 of 32 bytes; IKD_VIDEO_CALL_STILLS_KEY, a secret of its
         * own like the selfie key). Absent: capturing is refused with STILLS_NOT_CONFIGURED.
         */
        Optional<String> key();

        /** Stills one call may hold at most (face and KTP-el, and a retake or two). */
        @WithDefault("4")
        int maxPerCall();

        /** The largest upload accepted (a 1280 × 960 JPEG from the call page is 100–300 KB). */
        @WithDefault("1048576")
        int maxBytes();

        /** Widest or highest accepted, in pixels; the still is decoded at full size to prove it sound. */
        @WithDefault("1280")
        int maxSide();

        /** Most pixels accepted (width × height). */
        @WithDefault("1228800")
        long maxPixels();

        /** Narrowest or lowest accepted, in pixels: smaller shows nothing an operator could compare. */
        @WithDefault("160")
        int minSide();

        /**
         * How long a still outlives its purpose at most, as the selfie does ({@code ikd.registration.expire-after}):
         * an open case's stills this long after capture, an approved case's this long after the decision
         * (until activation at the latest); a rejected, withdrawn, superseded or activated case's at once.
         */
        @WithDefault("7d")
        Duration keptFor();
    }

    interface Turn {
        /** TURN URLs, e.g. {@code turn:turn.example.go.id:3478?transport=udp}; none, no relay. */
        Optional<List<String>> urls();

        /**
         * The secret shared with the TURN server (coturn {@code use-auth-secret} / {@code static-auth-secret}):
         * each call gets a username {@code <expiry>:<call id>} and its HMAC-SHA1 as the password.
         */
        Optional<String> secret();

        @WithDefault("PT2H")
        Duration credentialLifetime();
    }
}

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

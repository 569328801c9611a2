package id.go.dukcapil.ikd.activation.config;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Everything activation-service can be tuned with; see OPERATIONS.md. */
@ConfigMapping(prefix = "ikd.activation")
public interface ActivationConfig {

    /** Longest validity the SOP tolerates for an activation code. */
    Duration MAX_CODE_VALIDITY = Duration.ofDays(7);

    /** Base64 key (at least 32 bytes) of the HMAC that hashes PINs, link tokens and captcha challenges. */
    String hashKey();

    /** Base of the activation link sent to the citizen; the page is {@code /activate?t=<link token>}. */
    @WithDefault("http://localhost:8083")
    String publicUrl();

    /**
     * Base of verification-service's public pages (the office directory {@code /offices} and the
     * complaint page {@code /pengaduan}), linked from the activation page: the api host.
     */
    @WithDefault("http://localhost:8082")
    String publicPagesUrl();

    /** How long an activation code is valid (SOP: 24 h; never longer than 7 days). */
    @WithDefault("PT24H")
    Duration codeValidity();

    /** Wrong PINs after which a code is locked. */
    @WithDefault("5")
    int maxPinAttempts();

    /** Resends a registration may ask for per (UTC) day. */
    @WithDefault("3")
    int maxResendsPerDay();

    Sealing sealing();

    Captcha captcha();

    Citizen citizen();

    interface Sealing {
        /** PEM (X.509 SubjectPublicKeyInfo) of notification-service's EC P-256 key. */
        String notifierPublicKeyLocation();
    }

    interface Captcha {
        /** Upper bound of the proof-of-work search; the browser needs about half of it on average. */
        @WithDefault("100000")
        int maxNumber();

        @WithDefault("PT10M")
        Duration validity();
    }

    interface Citizen {
        /** Lifetime of a citizen JWT (the suite contract says 10 minutes). */
        @WithDefault("PT10M")
        Duration tokenLifetime();

        @WithDefault("P30D")
        Duration refreshTokenLifetime();

        @WithDefault("PT2M")
        Duration challengeValidity();

        /** Wrong app PINs after which the app PIN is locked (re-verification at an office). */
        @WithDefault("5")
        int maxAppPinAttempts();

        /** Lifetime of a PIN proof for token-service (the suite contract says 60 s). */
        @WithDefault("PT60S")
        Duration pinProofLifetime();

        /** How long a deactivation link sent to a citizen who lost their phone stays valid. */
        @WithDefault("PT30M")
        Duration deactivationLinkValidity();

        /** Deactivation links one identity may be sent per 24 hours (the rest are answered alike, unsent). */
        @WithDefault("3")
        int maxDeactivationLinksPerDay();
    }
}

package id.go.dukcapil.ikd.activation.config;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

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

    Events events();

    /** The contract version of the events activation-service publishes. */
    enum EventVersion {
        /** with the citizen's email, phone and language; every consumer of every release reads it */
        V1,
        /**
         * without contact, and IdentityActivated with token-service's projection only; needs consumers of this
         * release. An approval from verification.decided.v2 has no contact: its events are {@code .v2} whatever this says.
         */
        V2
    }

    interface Events {
        /**
         * {@code v1} until every consumer runs a release that reads {@code .v2} (docs/operations.md,
         * Upgrade), then {@code v2} (ikd.activation.events.version).
         */
        @WithDefault("v1")
        EventVersion version();

        /**
         * With {@code v2}: the events of approvals made before this instant stay {@code v1}, since
         * notification-service may have no recipient for registrations submitted before it ran the
         * release that records them (docs/operations.md, Upgrade; ikd.activation.events.v2-approved-after).
         */
        Optional<Instant> v2ApprovedAfter();
    }

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

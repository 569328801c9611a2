package id.go.dukcapil.ikd.token.config;

import java.time.Duration;
import java.util.List;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * Everything token-service can be tuned with; production must set the key-encryption key. The
 * bounds are checked at start by {@link ConfigCheck}, not with Bean Validation annotations: those
 * made Quarkus build a second Hibernate Validator factory for the configuration alone, a sixth of
 * the start-up's main thread (docs/performance.md).
 */
@ConfigMapping(prefix = "ikd.token")
public interface TokenConfig {

    /**
     * AES-256 key (base64, 32 bytes) that encrypts the QR signing keys at rest. No default in
     * production: it comes from a Kubernetes secret.
     */
    String keyEncryptionKey();

    /** {@code iss} of the QR tokens. */
    @WithDefault("https://ikd.dukcapil.go.id")
    String issuer();

    /** Issuer of the suite's JWTs (citizen sessions, PIN proofs). */
    @WithDefault("${mp.jwt.verify.issuer:https://ikd.dukcapil.go.id}")
    String suiteIssuer();

    Qr qr();

    Keys keys();

    /**
     * Most mints, or most verifications, that one database statement claims together: requests
     * that arrive while a statement is in flight go in the next one (group commit).
     */
    @WithDefault("64")
    int groupCommitMaxBatch();

    /**
     * Longest a mint waits for the identity projection to learn of an activation it has a valid
     * PIN proof for (read-your-writes right after activation; {@code 0} turns the wait off).
     */
    @WithDefault("3s")
    Duration projectionWait();

    RelyingParties relyingParties();

    VerifierPage verifierPage();

    /**
     * Longest wait for verification-service's registry photo (ikd.photo answers); past it the
     * answer goes out with the photo marked unavailable. The URL is
     * {@code quarkus.rest-client.verification-service.url}.
     */
    @WithDefault("3s")
    Duration registryPhotoTimeout();

    interface Qr {
        /** How long a QR token lives (SOP step 7: 90 seconds). */
        @WithDefault("90s")
        Duration lifetime();

        /** Clock difference tolerated between minting and checking (expiry, iat in the future). */
        @WithDefault("5s")
        Duration leeway();

        /** Pixels per QR module in the PNG: 1 to {@code QrCodes.MAX_PNG_SCALE}. */
        @WithDefault("4")
        int moduleSize();
    }

    interface Keys {
        /** A signing key is replaced after this long. */
        @WithDefault("24h")
        Duration rotationInterval();

        /** A scheduled successor is published in the JWKS this long before it starts signing. */
        @WithDefault("2m")
        Duration publishAhead();

        /** How often each replica re-reads the keys from the database (the source of truth). */
        @WithDefault("10s")
        Duration refreshInterval();

        /** Cache-Control max-age of the JWKS; keep it well below publish-ahead. */
        @WithDefault("60s")
        Duration jwksMaxAge();
    }

    interface RelyingParties {
        /** Lifetime of a relying party's access token. */
        @WithDefault("1h")
        Duration tokenLifetime();

        /**
         * How long a replica trusts what it last read of a relying party's state (enabled or not)
         * before reading it again; disabling ends its access tokens within this time on every replica,
         * at once on the one that disabled it.
         */
        @WithDefault("1s")
        Duration stateMaxAge();

        DemoClient demoClient();
    }

    /** A relying party for local use only; off in production. */
    interface DemoClient {
        @WithDefault("false")
        boolean enabled();

        @WithDefault("demo-verifier")
        String clientId();

        @WithDefault("demo-verifier-secret")
        String secret();

        @WithDefault("ikd.name,ikd.nik,ikd.birthdate,ikd.photo")
        List<String> scopes();
    }

    /** The /verify page acts as this relying party. */
    interface VerifierPage {
        @WithDefault("verifier-page")
        String clientId();

        /** The page is the teller's: with {@code ikd.photo} it shows the holder's registry photo. */
        @WithDefault("ikd.name,ikd.nik,ikd.birthdate,ikd.photo")
        List<String> scopes();

        /** Marks the page's CSRF cookie Secure; on wherever the page is served over HTTPS. */
        @WithDefault("false")
        boolean secureCookie();

        /** Largest uploaded picture accepted. */
        @WithDefault("5000000")
        int maxUploadBytes();

        /**
         * Most pixels (width × height) of an uploaded picture, read from its header before
         * decoding: 4 MiPx. A phone screenshot passes; a 12 MP camera photo does not.
         */
        @WithDefault("4194304")
        long maxPixels();

        /** Widest or highest uploaded picture accepted (the decoders' row buffers grow with it). */
        @WithDefault("4096")
        int maxSide();

        /**
         * Pictures are decoded with subsampling to at most this long side: enough for ZXing to
         * find a QR code that fills a third of a photo, with a few pixels per module.
         */
        @WithDefault("1600")
        int decodeLongSide();
    }
}

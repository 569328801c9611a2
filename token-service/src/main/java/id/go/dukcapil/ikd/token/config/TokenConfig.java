package id.go.dukcapil.ikd.token.config;

import java.time.Duration;
import java.util.List;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

import id.go.dukcapil.ikd.token.qr.QrCodes;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Everything token-service can be tuned with; production must set the key-encryption key. */
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

    RelyingParties relyingParties();

    VerifierPage verifierPage();

    interface Qr {
        /** How long a QR token lives (SOP step 7: 90 seconds). */
        @WithDefault("90s")
        Duration lifetime();

        /** Clock difference tolerated between minting and checking (expiry, iat in the future). */
        @WithDefault("5s")
        Duration leeway();

        /** Pixels per QR module in the PNG. */
        @WithDefault("4")
        @Min(1)
        @Max(QrCodes.MAX_PNG_SCALE)
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

        @WithDefault("ikd.name,ikd.nik,ikd.birthdate")
        List<String> scopes();

        /** Largest uploaded picture accepted. */
        @WithDefault("5000000")
        int maxUploadBytes();
    }
}

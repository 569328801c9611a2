package id.go.dukcapil.ikd.activation.config;

import java.util.List;
import java.util.Optional;

import io.smallrye.config.ConfigMapping;

/**
 * {@code ikd.app-pin.*}: the pepper of the app-PIN hashes, a secret kept outside the database
 * (Kubernetes secret {@code ikd-app-pin}, {@code IKD_APP_PIN_PEPPER}); see docs/architecture.md.
 */
@ConfigMapping(prefix = "ikd.app-pin")
public interface AppPinConfig {

    /** HMAC-SHA256 key, base64, at least 32 bytes: new and migrated hashes use it. */
    Optional<String> pepper();

    /** Peppers still accepted while a new one is rolled out; a hash under one is re-MACed at its next right PIN. */
    Optional<List<String>> previousPeppers();
}

package id.go.dukcapil.ikd.activation.config;

import java.util.Base64;

import jakarta.enterprise.event.Observes;

import io.quarkus.runtime.StartupEvent;

/** Refuses to start with a configuration that would break the SOP's security promises. */
public class ConfigCheck {

    static final int MIN_HASH_KEY_BYTES = 32;

    void onStart(@Observes StartupEvent event, ActivationConfig config) {
        validate(config);
    }

    static void validate(ActivationConfig config) {
        if (config.codeValidity().isNegative() || config.codeValidity().isZero()
                || config.codeValidity().compareTo(ActivationConfig.MAX_CODE_VALIDITY) > 0) {
            throw new IllegalStateException("ikd.activation.code-validity must be positive and at most "
                    + ActivationConfig.MAX_CODE_VALIDITY + ", was " + config.codeValidity());
        }
        byte[] key;
        try {
            key = Base64.getDecoder().decode(config.hashKey());
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("ikd.activation.hash-key must be base64", e);
        }
        if (key.length < MIN_HASH_KEY_BYTES) {
            throw new IllegalStateException("ikd.activation.hash-key must hold at least " + MIN_HASH_KEY_BYTES
                    + " bytes, has " + key.length);
        }
        if (config.maxPinAttempts() < 1 || config.maxResendsPerDay() < 0) {
            throw new IllegalStateException("ikd.activation.max-pin-attempts must be >= 1 and max-resends-per-day >= 0");
        }
    }
}

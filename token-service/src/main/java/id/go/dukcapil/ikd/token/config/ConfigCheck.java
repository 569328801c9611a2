package id.go.dukcapil.ikd.token.config;

import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.event.Observes;

import id.go.dukcapil.ikd.token.qr.QrCodes;
import io.quarkus.runtime.StartupEvent;

/** Refuses to start with a bound of {@link TokenConfig} out of range, naming each property that is. */
public class ConfigCheck {

    void onStart(@Observes StartupEvent event, TokenConfig config) {
        validate(config);
    }

    static void validate(TokenConfig config) {
        List<String> wrong = new ArrayList<>();
        int moduleSize = config.qr().moduleSize();
        if (moduleSize < 1 || moduleSize > QrCodes.MAX_PNG_SCALE) {
            wrong.add("ikd.token.qr.module-size must be from 1 to " + QrCodes.MAX_PNG_SCALE + ", was " + moduleSize);
        }
        TokenConfig.VerifierPage page = config.verifierPage();
        positive(wrong, "ikd.token.verifier-page.max-pixels", page.maxPixels());
        positive(wrong, "ikd.token.verifier-page.max-side", page.maxSide());
        positive(wrong, "ikd.token.verifier-page.decode-long-side", page.decodeLongSide());
        if (!wrong.isEmpty()) {
            throw new IllegalStateException("token-service configuration out of range: " + String.join("; ", wrong));
        }
    }

    private static void positive(List<String> wrong, String property, long value) {
        if (value < 1) {
            wrong.add(property + " must be at least 1, was " + value);
        }
    }
}

package id.go.dukcapil.ikd.token.config;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.quarkus.runtime.configuration.DurationConverter;
import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfigBuilder;

/** The bounds token-service refuses to start outside of, on the real configuration mapping. */
class ConfigCheckTest {

    @Test
    void theDefaultsPass() {
        assertThatCode(() -> ConfigCheck.validate(config(Map.of()))).doesNotThrowAnyException();
    }

    @Test
    void everyBoundOutOfRangeIsNamedWithItsValue() {
        assertThatThrownBy(() -> ConfigCheck.validate(config(Map.of("ikd.token.qr.module-size", "17",
                "ikd.token.verifier-page.max-pixels", "0", "ikd.token.verifier-page.max-side", "-1",
                "ikd.token.verifier-page.decode-long-side", "0"))))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("ikd.token.qr.module-size must be from 1 to 16, was 17")
                .hasMessageContaining("ikd.token.verifier-page.max-pixels must be at least 1, was 0")
                .hasMessageContaining("ikd.token.verifier-page.max-side must be at least 1, was -1")
                .hasMessageContaining("ikd.token.verifier-page.decode-long-side must be at least 1, was 0");
        assertThatThrownBy(() -> ConfigCheck.validate(config(Map.of("ikd.token.qr.module-size", "0"))))
                .hasMessageContaining("ikd.token.qr.module-size must be from 1 to 16, was 0");
    }

    private static TokenConfig config(Map<String, String> properties) {
        return new SmallRyeConfigBuilder().withMapping(TokenConfig.class)
                .withConverter(Duration.class, 100, new DurationConverter()) // Quarkus' "90s" form
                .withSources(new PropertiesConfigSource(properties, "test", 500))
                .withDefaultValue("ikd.token.key-encryption-key", "dGVzdC1vbmx5LWtleS1lbmNyeXB0aW9uLWtleS0zMmI=")
                .build().getConfigMapping(TokenConfig.class);
    }
}

package id.go.dukcapil.ikd.activation.config;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Base64;

import org.junit.jupiter.api.Test;

class ConfigCheckTest {

    private static final String KEY = Base64.getEncoder().encodeToString(new byte[32]);

    @Test
    void theSopValidityStarts() {
        assertThatCode(() -> ConfigCheck.validate(config(Duration.ofHours(24), KEY))).doesNotThrowAnyException();
        assertThatCode(() -> ConfigCheck.validate(config(Duration.ofDays(7), KEY))).doesNotThrowAnyException();
    }

    @Test
    void aValidityLongerThanSevenDaysIsRefused() {
        assertThatThrownBy(() -> ConfigCheck.validate(config(Duration.ofDays(7).plusSeconds(1), KEY)))
                .hasMessageContaining("ikd.activation.code-validity");
        assertThatThrownBy(() -> ConfigCheck.validate(config(Duration.ZERO, KEY)))
                .hasMessageContaining("ikd.activation.code-validity");
    }

    @Test
    void aShortOrMalformedHashKeyIsRefused() {
        assertThatThrownBy(() -> ConfigCheck.validate(config(Duration.ofHours(24),
                Base64.getEncoder().encodeToString(new byte[16])))).hasMessageContaining("at least 32 bytes");
        assertThatThrownBy(() -> ConfigCheck.validate(config(Duration.ofHours(24), "not base64!")))
                .hasMessageContaining("base64");
    }

    private static ActivationConfig config(Duration validity, String hashKey) {
        return new ActivationConfig() {
            @Override
            public String hashKey() {
                return hashKey;
            }

            @Override
            public String publicUrl() {
                return "http://localhost:8083";
            }

            @Override
            public String publicPagesUrl() {
                return "http://localhost:8082";
            }

            @Override
            public Duration codeValidity() {
                return validity;
            }

            @Override
            public int maxPinAttempts() {
                return 5;
            }

            @Override
            public int maxResendsPerDay() {
                return 3;
            }

            @Override
            public Sealing sealing() {
                throw new UnsupportedOperationException("not part of the check");
            }

            @Override
            public Captcha captcha() {
                throw new UnsupportedOperationException("not part of the check");
            }

            @Override
            public Citizen citizen() {
                throw new UnsupportedOperationException("not part of the check");
            }

            @Override
            public Events events() {
                throw new UnsupportedOperationException("not part of the check");
            }
        };
    }
}

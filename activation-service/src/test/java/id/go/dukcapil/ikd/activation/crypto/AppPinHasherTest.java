package id.go.dukcapil.ikd.activation.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import id.go.dukcapil.ikd.activation.config.AppPinConfig;
import id.go.dukcapil.ikd.crypto.Argon2id;
import id.go.dukcapil.ikd.web.Bulkheads;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

class AppPinHasherTest {

    private static final SecureRandom RANDOM = new SecureRandom();

    static String randomKey() {
        byte[] key = new byte[32];
        RANDOM.nextBytes(key);
        return Base64.getEncoder().encodeToString(key);
    }

    static AppPinConfig config(String pepper, String... previous) {
        return new AppPinConfig() {
            @Override
            public Optional<String> pepper() {
                return Optional.ofNullable(pepper);
            }

            @Override
            public Optional<List<String>> previousPeppers() {
                return previous.length == 0 ? Optional.empty() : Optional.of(List.of(previous));
            }
        };
    }

    private static AppPinHasher.Check check(AppPinHasher hasher, String pin, String stored) {
        return hasher.verify(pin, stored).await().atMost(Duration.ofSeconds(5));
    }

    @Test
    void theStoredHashNamesItsPepperHoldsASaltAndNotThePin() {
        AppPinHasher hasher = new AppPinHasher(config(randomKey()), null);
        String stored = hasher.hash("583920");

        assertThat(stored).startsWith("$hmac-sha256$k=" + hasher.currentKid() + "$").doesNotContain("583920");
        assertThat(AppPinHasher.kidOf(stored)).isEqualTo(hasher.currentKid());
        assertThat(hasher.hash("583920")).as("a fresh salt each time").isNotEqualTo(stored);
        assertThat(check(hasher, "583920", stored)).isEqualTo(new AppPinHasher.Check(true, false));
        assertThat(check(hasher, "583921", stored).matches()).isFalse();
    }

    @Test
    void withoutThePepperTheHashIsWorthNothing() {
        String stored = new AppPinHasher(config(randomKey()), null).hash("583920");
        // another pepper (what an attacker with only the database has at best) cannot check it
        assertThatThrownBy(() -> check(new AppPinHasher(config(randomKey()), null), "583920", stored))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("no longer configured");
    }

    @Test
    void aHashOfThePreviousPepperStillChecksAndAsksToBeReplaced() {
        String oldPepper = randomKey();
        String stored = new AppPinHasher(config(oldPepper), null).hash("583920");
        AppPinHasher rotated = new AppPinHasher(config(randomKey(), oldPepper), null);

        assertThat(check(rotated, "583920", stored)).isEqualTo(new AppPinHasher.Check(true, true));
        assertThat(check(rotated, "583921", stored)).isEqualTo(new AppPinHasher.Check(false, false));
        String replaced = rotated.hash("583920");
        assertThat(AppPinHasher.kidOf(replaced)).isEqualTo(rotated.currentKid()).isNotEqualTo(AppPinHasher.kidOf(stored));
    }

    @Test
    void aMissingOrShortPepperStopsTheServiceWithTheSettingsName() {
        assertThatThrownBy(() -> new AppPinHasher(config(null), null)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("IKD_APP_PIN_PEPPER");
        assertThatThrownBy(() -> new AppPinHasher(config(Base64.getEncoder().encodeToString(new byte[16])), null))
                .hasMessageContaining("16 bytes");
        assertThatThrownBy(() -> new AppPinHasher(config(randomKey(), "short"), null))
                .hasMessageContaining("ikd.app-pin.previous-peppers");
    }

    @Test
    void aLegacyArgon2HashIsCheckedInTheArgon2BulkheadAndAsksToBeReplaced() {
        Bulkheads bulkheads = new Bulkheads(Map::of, new SimpleMeterRegistry());
        try {
            AppPinHasher hasher = new AppPinHasher(config(randomKey()), bulkheads);
            byte[] salt = new byte[16];
            RANDOM.nextBytes(salt);
            String legacy = Argon2id.encode("583920", salt, Argon2id.Parameters.OWASP_MINIMUM);

            assertThat(check(hasher, "583920", legacy)).isEqualTo(new AppPinHasher.Check(true, true));
            assertThat(check(hasher, "583921", legacy)).isEqualTo(new AppPinHasher.Check(false, false));
            assertThat(AppPinHasher.kidOf(legacy)).isNull();
            // a stored hash asking for a huge memory cost is refused, not computed
            assertThatThrownBy(() -> check(hasher, "583920", legacy.replace("m=19456", "m=4194304")))
                    .isInstanceOf(IllegalStateException.class);
        } finally {
            bulkheads.named("argon2").close();
        }
    }
}

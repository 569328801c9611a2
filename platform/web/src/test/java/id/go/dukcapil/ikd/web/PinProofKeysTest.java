package id.go.dukcapil.ikd.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;

class PinProofKeysTest {

    private static final SecureRandom RANDOM = new SecureRandom();

    private static String randomKey(int bytes) {
        byte[] key = new byte[bytes];
        RANDOM.nextBytes(key);
        return Base64.getEncoder().encodeToString(key);
    }

    private static PinProofKeys.Config config(String key, String... previous) {
        return new PinProofKeys.Config() {
            @Override
            public Optional<String> key() {
                return Optional.ofNullable(key);
            }

            @Override
            public Optional<List<String>> previousKeys() {
                return previous.length == 0 ? Optional.empty() : Optional.of(List.of(previous));
            }
        };
    }

    @Test
    void aKidNamesExactlyTheCurrentKey() {
        PinProofKeys keys = PinProofKeys.of(config(randomKey(32)));
        assertThat(keys.acceptedKey(keys.currentKid())).contains(keys.currentKey());
        assertThat(keys.acceptedKey("another-kid")).isEmpty();
        assertThat(keys.acceptedKey(null)).isEmpty();
    }

    @Test
    void duringARolloutThePreviousKeyIsStillAcceptedUnderItsOwnKid() {
        String oldKey = randomKey(32);
        PinProofKeys before = PinProofKeys.of(config(oldKey));

        PinProofKeys during = PinProofKeys.of(config(randomKey(48), oldKey));
        assertThat(during.currentKid()).isNotEqualTo(before.currentKid());
        assertThat(before.describe()).isEqualTo("current kid " + before.currentKid() + ", no previous keys");
        assertThat(during.describe()).isEqualTo("current kid " + during.currentKid() + ", previous kids " + before.currentKid());
        assertThat(during.acceptedKey(before.currentKid())).contains(before.currentKey());
        assertThat(during.acceptedKey(during.currentKid())).as("a kid picks exactly one key").contains(during.currentKey())
                .isNotEqualTo(java.util.Optional.of(before.currentKey()));

        PinProofKeys after = PinProofKeys.of(config(Base64.getEncoder().encodeToString(during.currentKey().getEncoded())));
        assertThat(after.acceptedKey(before.currentKid())).as("the old key is gone").isEmpty();
    }

    @Test
    void theKidIsStableShortAndNotTheKey() {
        String key = randomKey(32);
        String kid = PinProofKeys.of(config(key)).currentKid();
        assertThat(PinProofKeys.of(config(key)).currentKid()).isEqualTo(kid);
        assertThat(kid).hasSize(11).doesNotContain(key.substring(0, 8));
    }

    @Test
    void aMissingShortOrMalformedKeyStopsTheServiceWithTheSettingsName() {
        assertThatThrownBy(() -> PinProofKeys.of(config(null))).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("IKD_PIN_PROOF_KEY");
        assertThatThrownBy(() -> PinProofKeys.of(config(" "))).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("IKD_PIN_PROOF_KEY");
        assertThatThrownBy(() -> PinProofKeys.of(config(randomKey(16)))).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("16 bytes");
        assertThatThrownBy(() -> PinProofKeys.of(config("not base64!"))).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("not base64");
        assertThatThrownBy(() -> PinProofKeys.of(config(randomKey(32), randomKey(8)))).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("ikd.pin-proof.previous-keys");
    }
}

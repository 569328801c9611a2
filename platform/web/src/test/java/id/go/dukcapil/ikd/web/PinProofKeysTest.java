package id.go.dukcapil.ikd.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.List;
import java.util.Optional;

import javax.crypto.Mac;

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

    private static byte[] mac(PinProofKeys keys, String input) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(keys.currentKey());
        return mac.doFinal(input.getBytes(StandardCharsets.US_ASCII));
    }

    @Test
    void aProofMacedWithTheCurrentKeyVerifiesAndAChangedOneDoesNot() throws Exception {
        PinProofKeys keys = PinProofKeys.of(config(randomKey(32)));
        byte[] signature = mac(keys, "header.claims");

        assertThat(keys.verify(keys.currentKid(), "header.claims", signature)).isTrue();
        assertThat(keys.verify(keys.currentKid(), "header.claimz", signature)).isFalse();
        byte[] flipped = signature.clone();
        flipped[0] ^= 1;
        assertThat(keys.verify(keys.currentKid(), "header.claims", flipped)).isFalse();
        assertThat(keys.verify(keys.currentKid(), "header.claims", new byte[0])).isFalse();
        assertThat(keys.verify("another-kid", "header.claims", signature)).isFalse();
        assertThat(keys.verify(null, "header.claims", signature)).isFalse();
        assertThat(keys.verify(keys.currentKid(), "header.claims", null)).isFalse();
    }

    @Test
    void duringARolloutProofsOfThePreviousKeyStillVerifyUnderTheirOwnKid() throws Exception {
        String oldKey = randomKey(32);
        PinProofKeys before = PinProofKeys.of(config(oldKey));
        byte[] oldProof = mac(before, "h.c");

        PinProofKeys during = PinProofKeys.of(config(randomKey(48), oldKey));
        assertThat(during.currentKid()).isNotEqualTo(before.currentKid());
        assertThat(before.describe()).isEqualTo("current kid " + before.currentKid() + ", no previous keys");
        assertThat(during.describe()).isEqualTo("current kid " + during.currentKid() + ", previous kids " + before.currentKid());
        assertThat(during.verify(before.currentKid(), "h.c", oldProof)).isTrue();
        assertThat(during.verify(during.currentKid(), "h.c", oldProof)).as("a kid picks exactly one key").isFalse();
        assertThat(during.verify(during.currentKid(), "h.c", mac(during, "h.c"))).isTrue();

        PinProofKeys after = PinProofKeys.of(config(Base64.getEncoder().encodeToString(during.currentKey().getEncoded())));
        assertThat(after.verify(before.currentKid(), "h.c", oldProof)).as("the old key is gone").isFalse();
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

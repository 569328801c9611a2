package id.go.dukcapil.ikd.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;

class HmacKeyRingTest {

    private static final SecureRandom RANDOM = new SecureRandom();

    private static String randomKey() {
        byte[] key = new byte[32];
        RANDOM.nextBytes(key);
        return Base64.getEncoder().encodeToString(key);
    }

    private static HmacKeyRing ring(String key, String... previous) {
        return HmacKeyRing.of(Optional.ofNullable(key), Optional.of(List.of(previous)), "x.key (X_KEY)", "x.previous-keys",
                "the key of x");
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void aMacVerifiesUnderItsKidInConstantTimeAndNothingElseDoes() {
        HmacKeyRing ring = ring(randomKey());
        byte[] mac = ring.mac(bytes("purpose\0"), bytes("583920"));

        assertThat(ring.verify(ring.currentKid(), mac, bytes("purpose\0"), bytes("583920"))).isTrue();
        assertThat(ring.verify(ring.currentKid(), mac, bytes("purpose\0"), bytes("583921"))).isFalse();
        assertThat(ring.verify("unknown", mac, bytes("purpose\0"), bytes("583920"))).isFalse();
        assertThat(ring.verify(ring.currentKid(), null, bytes("purpose\0"), bytes("583920"))).isFalse();
        assertThat(ring.mac("unknown", bytes("x"))).isEmpty();
    }

    @Test
    void previousKeysAreAcceptedByTheirKidAndBlankOnesIgnored() {
        String old = randomKey();
        HmacKeyRing before = ring(old);
        byte[] mac = before.mac(bytes("v"));
        HmacKeyRing during = ring(randomKey(), old, " ");

        assertThat(during.accepts(before.currentKid())).isTrue();
        assertThat(during.verify(before.currentKid(), mac, bytes("v"))).isTrue();
        assertThat(during.describe()).isEqualTo("current kid " + during.currentKid() + ", previous kids " + before.currentKid());
    }

    @Test
    void aMissingOrShortKeyStopsTheStartWithTheSettingAndWhatItIsFor() {
        assertThatThrownBy(() -> ring(null)).hasMessageContaining("X_KEY").hasMessageContaining("the key of x");
        assertThatThrownBy(() -> ring(Base64.getEncoder().encodeToString(new byte[31]))).hasMessageContaining("31 bytes");
        assertThatThrownBy(() -> ring(randomKey(), "!!")).hasMessageContaining("x.previous-keys");
    }
}

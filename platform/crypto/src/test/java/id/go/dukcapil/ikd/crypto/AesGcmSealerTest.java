package id.go.dukcapil.ikd.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

import org.junit.jupiter.api.Test;

class AesGcmSealerTest {

    // sealed by the classes this one replaces, before they were deleted: registration-service's
    // SelfieCipher (AES-256, the registration id as associated data) and token-service's KeySealer
    // (here AES-128, the kid as associated data)
    private static final String SELFIE_KEY = "QEFCQ0RFRkdISUpLTE1OT1BRUlNUVVZXWFlaW1xdXl8=";
    private static final String SELFIE_AAD = "3f2c8a9e-1b4d-4e6f-9a0b-7c5d2e1f3a4b";
    private static final String OLD_SEALED_SELFIE = "dzTKwFK7vwy14IW0cpsFjvvHtgo5HjNCoxNaazq0hlK6sUEj3DRs9yzDlAfr";
    private static final String KEK = "QEFCQ0RFRkdISUpLTE1OTw==";
    private static final String OLD_SEALED_SIGNING_KEY = "OmUxVuBUqVEMTfoG/FIm/Id46hVj/CUC9vkWVwDegCXFVxQ0w2OadYhLOLea";

    @Test
    void opensWhatTheOldClassesSealed() {
        AesGcmSealer selfies = AesGcmSealer.fromBase64(SELFIE_KEY, "ikd.registration.selfie-key", 32);
        assertThat(new String(selfies.open(SELFIE_AAD, Base64.getDecoder().decode(OLD_SEALED_SELFIE)), StandardCharsets.UTF_8))
                .isEqualTo("selfie-jpeg-bytes");
        AesGcmSealer keys = AesGcmSealer.fromBase64(KEK, "ikd.token.key-encryption-key", 16, 24, 32);
        assertThat(new String(keys.open("kid-2026-01", Base64.getDecoder().decode(OLD_SEALED_SIGNING_KEY)), StandardCharsets.UTF_8))
                .isEqualTo("pkcs8-signing-key");
    }

    @Test
    void sealedDataOpensOnlyWithItsKeyAndItsRow() {
        AesGcmSealer sealer = AesGcmSealer.fromBase64(SELFIE_KEY, "ikd.registration.selfie-key", 32);
        byte[] plain = "jpeg".getBytes(StandardCharsets.UTF_8);
        byte[] sealed = sealer.seal("row-1", plain);
        assertThat(sealed).hasSize(12 + plain.length + 16);
        assertThat(sealer.seal("row-1", plain)).as("a fresh nonce each time").isNotEqualTo(sealed);
        assertThat(sealer.open("row-1", sealed)).isEqualTo(plain);

        assertThatThrownBy(() -> sealer.open("row-2", sealed)).isInstanceOf(IllegalStateException.class);
        byte[] tampered = sealed.clone();
        tampered[20] ^= 1;
        assertThatThrownBy(() -> sealer.open("row-1", tampered)).isInstanceOf(IllegalStateException.class);
        AesGcmSealer otherKey = AesGcmSealer.fromBase64(Base64.getEncoder().encodeToString(new byte[32]), "k", 32);
        assertThatThrownBy(() -> otherKey.open("row-1", sealed)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("wrong k");
        assertThatThrownBy(() -> sealer.open("row-1", new byte[5])).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void aBadKeyNamesTheSettingNotTheKey() {
        assertThatThrownBy(() -> AesGcmSealer.fromBase64("not base64!", "ikd.registration.selfie-key", 32))
                .isInstanceOf(IllegalStateException.class).hasMessage("ikd.registration.selfie-key must be base64");
        assertThatThrownBy(() -> AesGcmSealer.fromBase64(KEK, "ikd.registration.selfie-key", 32))
                .isInstanceOf(IllegalStateException.class).hasMessage("ikd.registration.selfie-key must be 32 bytes, base64");
        assertThatThrownBy(() -> AesGcmSealer.fromBase64(Base64.getEncoder().encodeToString(new byte[20]), "kek", 16, 24, 32))
                .isInstanceOf(IllegalStateException.class).hasMessage("kek must be 16 or 24 or 32 bytes, base64");
    }
}

package id.go.dukcapil.ikd.token.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PublicKey;
import java.security.spec.ECGenParameterSpec;
import java.util.HexFormat;

import org.jose4j.jwk.PublicJsonWebKey;
import org.junit.jupiter.api.Test;

/**
 * COSE_Sign1 against the COSE working group's examples (github.com/cose-wg/Examples,
 * sign1-tests; the tagged form of sign-pass-03 is RFC 9052's appendix C.2.1): ECDSA signatures
 * are randomised, so the published signature is verified and the Sig_structure compared byte for byte.
 */
class CoseSign1Test {

    /** Key "11" of the examples (P-256). */
    private static final String KEY_11 = """
            {"kty":"EC","kid":"11","crv":"P-256","x":"usWxHK2PmfnHKwXPS54m0kTcGJ90UiglWiGahtagnv8",
             "y":"IBOL-C3BttVivg-lSreASjpkttcsz-1rb7btKLv8EX4"}""";
    private static final String CONTENT = "This is the content.";
    /** RFC 9052 C.2.1: protected {1: -7}, unprotected {4: '11'}, the content, and its signature. */
    private static final String RFC_9052_C_2_1 = "D28443A10126A10442313154546869732069732074686520636F6E74656E742E5840"
            + "EAE868ECC176883766C5DC5BA5B8DCA25DAB3C2E56A551CE5705B793914348E19F43D6C6BA654472DA301B645B293C9BA939295B97C4BDB847782BFF384C5794";
    /** sign-pass-01: a protected header that is an empty map (h'A0'), alg and kid only unprotected. */
    private static final String SIGN_PASS_01 = "D28441A0A201260442313154546869732069732074686520636F6E74656E742E5840"
            + "EAE868ECC176883766C5DC5BA5B8DCA25DAB3C2E56A551CE5705B793914348E11A02E5F0344BF2D4EE5C7FD75A68A9F5E0B3CC1F1FC1409C189566586FF9D610";

    private static PublicKey key11() throws Exception {
        return PublicJsonWebKey.Factory.newPublicJwk(KEY_11).getPublicKey();
    }

    @Test
    void theSigStructureIsTheExamplesToBeSigned() {
        byte[] toBeSigned = CoseSign1.toBeSigned(HexFormat.of().parseHex("A10126"), CONTENT.getBytes(StandardCharsets.US_ASCII));
        assertThat(HexFormat.of().withUpperCase().formatHex(toBeSigned))
                .isEqualTo("846A5369676E61747572653143A101264054546869732069732074686520636F6E74656E742E");
    }

    @Test
    void theRfcExampleVerifiesWithKey11AndItsKidIsNotTrustedFromTheUnprotectedHeader() throws Exception {
        CoseSign1.Parts parts = CoseSign1.parse(HexFormat.of().parseHex(RFC_9052_C_2_1));
        assertThat(parts.alg()).isEqualTo(CoseSign1.ES256);
        assertThat(new String(parts.payload(), StandardCharsets.US_ASCII)).isEqualTo(CONTENT);
        assertThat(CoseSign1.verifyEs256(parts, key11())).isTrue();
        assertThat(parts.kid()).as("kid '11' is only in the unprotected header").isNull();

        byte[] altered = HexFormat.of().parseHex(RFC_9052_C_2_1);
        altered[20] ^= 1; // a byte of the content
        assertThat(CoseSign1.verifyEs256(CoseSign1.parse(altered), key11())).isFalse();
    }

    @Test
    void anAlgorithmOnlyInTheUnprotectedHeaderIsNoAlgorithm() {
        CoseSign1.Parts parts = CoseSign1.parse(HexFormat.of().parseHex(SIGN_PASS_01));
        assertThat(parts.unprotected().get("1").intValue()).isEqualTo(-7);
        assertThat(parts.alg()).isNull();
        assertThat(parts.kid()).isNull();
    }

    @Test
    void whatItSignsVerifiesAndCarriesAlgAndKidProtected() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
        generator.initialize(new ECGenParameterSpec("secp256r1"));
        KeyPair pair = generator.generateKeyPair();
        byte[] signed = CoseSign1.signEs256(new byte[] { 1, 2, 3 }, new byte[] { 0x41 }, pair.getPrivate());
        CoseSign1.Parts parts = CoseSign1.parse(signed);
        assertThat(parts.alg()).isEqualTo(-7);
        assertThat(parts.kid()).containsExactly(1, 2, 3);
        assertThat(parts.unprotected()).isEmpty();
        assertThat(CoseSign1.verifyEs256(parts, pair.getPublic())).isTrue();
        assertThat(CoseSign1.verifyEs256(parts, generator.generateKeyPair().getPublic())).isFalse();
    }

    @Test
    void untaggedTruncatedOrTrailingInputIsMalformed() {
        byte[] example = HexFormat.of().parseHex(RFC_9052_C_2_1);
        assertThatThrownBy(() -> CoseSign1.parse(java.util.Arrays.copyOfRange(example, 1, example.length)))
                .isInstanceOf(MalformedTokenException.class);
        assertThatThrownBy(() -> CoseSign1.parse(java.util.Arrays.copyOf(example, example.length - 10)))
                .isInstanceOf(MalformedTokenException.class);
        assertThatThrownBy(() -> CoseSign1.parse(java.util.Arrays.copyOf(example, example.length + 1)))
                .isInstanceOf(MalformedTokenException.class);
    }
}

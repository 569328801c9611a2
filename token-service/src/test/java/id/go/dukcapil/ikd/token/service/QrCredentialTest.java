package id.go.dukcapil.ikd.token.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.spec.ECGenParameterSpec;
import java.time.LocalDate;
import java.util.Base64;
import java.util.EnumMap;
import java.util.Map;
import java.util.Random;

import org.junit.jupiter.api.Test;

import com.upokecenter.cbor.CBORObject;
import com.upokecenter.cbor.CBORType;

import id.go.dukcapil.ikd.token.crypto.Base45;
import id.go.dukcapil.ikd.token.crypto.QrCwt;
import id.go.dukcapil.ikd.token.domain.Disclosure;
import id.go.dukcapil.ikd.token.domain.Identity;
import id.go.dukcapil.ikd.token.qr.QrCodes;

/**
 * The QR credential as a reader outside this service sees it: decoded with another CBOR library
 * (PeterO's CBOR, not Jackson's that wrote it), the signature checked over a Sig_structure built
 * with that library; and the QR version over many tokens with names of the longest length SIAK
 * records (60 characters, Permendagri 73/2022).
 */
class QrCredentialTest {

    private static final String ISSUER = "https://ikd.dukcapil.go.id";
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final String NAME_LETTERS = "ABCDEFGHIJKLMNOPQRSTUVWXYZ '.-";

    private static KeyPair keyPair() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
        generator.initialize(new ECGenParameterSpec("secp256r1"));
        return generator.generateKeyPair();
    }

    static Identity identity(String subject, String name) {
        Identity identity = new Identity();
        identity.subject = subject;
        identity.fullName = name;
        identity.nikMasked = "320101********01";
        identity.birthDate = LocalDate.of(1990, 1, 5);
        identity.photoSha256 = "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08";
        return identity;
    }

    private static String token(Identity identity, Disclosure disclosure, KeyPair pair, byte[] kid) {
        byte[] cti = new byte[16];
        RANDOM.nextBytes(cti);
        long now = System.currentTimeMillis() / 1000;
        return QrCwt.write(new QrCwt.Claims(ISSUER, identity.subject, now, now + 90, cti,
                disclosure == Disclosure.MINIMAL ? null : QrTokenFactory.identityData(identity, disclosure)), kid,
                pair.getPrivate());
    }

    /** The production subject: activation-service's 16 random bytes, base64url (22 characters). */
    private static String subject() {
        byte[] bytes = new byte[16];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    @Test
    void anotherCborLibraryReadsTheClaim169LayoutAndTheSignatureVerifies() throws Exception {
        KeyPair pair = keyPair();
        byte[] kid = { 9, 8, 7, 6, 5, 4 };
        String token = token(identity("sub-1", "SITI AMINAH"), Disclosure.FULL, pair, kid);
        assertThat(token).startsWith("IKD1:").matches("[0-9A-Z $%*+\\-./:]*");

        byte[] cose = Base45.decode(token.substring(5));
        assertThat(cose[0] & 0xff).as("COSE_Sign1 tag, not zlib: compression would enlarge it").isEqualTo(0xD2);
        CBORObject sign1 = CBORObject.DecodeFromBytes(cose);
        assertThat(sign1.HasMostOuterTag(18)).isTrue();
        assertThat(sign1.size()).isEqualTo(4);
        CBORObject protectedHeader = CBORObject.DecodeFromBytes(sign1.get(0).GetByteString());
        assertThat(protectedHeader.get(CBORObject.FromObject(1)).AsInt32()).isEqualTo(-7);
        assertThat(protectedHeader.get(CBORObject.FromObject(4)).GetByteString()).isEqualTo(kid);
        assertThat(sign1.get(1).size()).as("nothing unprotected").isZero();

        CBORObject claims = CBORObject.DecodeFromBytes(sign1.get(2).GetByteString());
        assertThat(claims.get(CBORObject.FromObject(1)).AsString()).isEqualTo(ISSUER);
        assertThat(claims.get(CBORObject.FromObject(2)).AsString()).isEqualTo("sub-1");
        long iat = claims.get(CBORObject.FromObject(6)).AsInt64Value();
        assertThat(claims.get(CBORObject.FromObject(4)).AsInt64Value()).isEqualTo(iat + 90);
        assertThat(claims.get(CBORObject.FromObject(7)).GetByteString()).hasSize(16);
        CBORObject identity = claims.get(CBORObject.FromObject(169));
        assertThat(identity.getType()).isEqualTo(CBORType.Map);
        assertThat(identity.get(CBORObject.FromObject(1)).AsString()).isEqualTo("320101********01");
        assertThat(identity.get(CBORObject.FromObject(4)).AsString()).isEqualTo("SITI AMINAH");
        assertThat(identity.get(CBORObject.FromObject(8)).AsString()).isEqualTo("19900105");
        assertThat(identity.get(CBORObject.FromObject(75)).GetByteString()).hasSize(16);
        assertThat(identity.size()).isEqualTo(4);

        assertThat(verify(sign1, pair.getPublic())).isTrue();
        assertThat(verify(sign1, keyPair().getPublic())).isFalse();
    }

    /** RFC 9052 section 4.4, built with PeterO's CBOR, checked with the JDK. */
    static boolean verify(CBORObject sign1, PublicKey key) throws Exception {
        CBORObject toBeSigned = CBORObject.NewArray().Add("Signature1").Add(sign1.get(0)).Add(new byte[0])
                .Add(sign1.get(2));
        Signature verifier = Signature.getInstance("SHA256withECDSAinP1363Format");
        verifier.initVerify(key);
        verifier.update(toBeSigned.EncodeToBytes());
        return verifier.verify(sign1.get(3).GetByteString());
    }

    @Test
    void aChosenDisclosureOfAttributesTheRegistryLacksStillCarriesItsEmptyMap() throws Exception {
        Identity nameless = identity("sub-1", null);
        String token = token(nameless, Disclosure.NAME, keyPair(), new byte[6]);
        CBORObject claims = CBORObject.DecodeFromBytes(CBORObject.DecodeFromBytes(Base45.decode(token.substring(5)))
                .get(2).GetByteString());
        // an empty map caps the online answer at nothing; no map would mean "minimal: answer by scope"
        assertThat(claims.get(CBORObject.FromObject(169)).size()).isZero();
    }

    @Test
    void theMinimalDisclosureCarriesNothingPersonal() throws Exception {
        String token = token(identity("sub-1", "SITI AMINAH"), Disclosure.MINIMAL, keyPair(), new byte[6]);
        CBORObject claims = CBORObject.DecodeFromBytes(CBORObject.DecodeFromBytes(Base45.decode(token.substring(5)))
                .get(2).GetByteString());
        assertThat(claims.ContainsKey(CBORObject.FromObject(169))).isFalse();
        assertThat(claims.size()).isEqualTo(5);
    }

    @Test
    void versionsAtErrorCorrectionMOverManyTokensWithTheLongestNames() throws Exception {
        KeyPair pair = keyPair();
        Random random = new Random(20);
        // the production subject (activation-service: 16 random bytes, base64url) and the 40-character one of the fixtures
        Map<String, Map<Disclosure, int[]>> largest = Map.of("production subject", new EnumMap<>(Disclosure.class),
                "40-character subject", new EnumMap<>(Disclosure.class));
        for (int i = 0; i < 100; i++) {
            StringBuilder name = new StringBuilder();
            for (int c = 0; c < 60; c++) {
                name.append(NAME_LETTERS.charAt(random.nextInt(NAME_LETTERS.length())));
            }
            for (Disclosure disclosure : Disclosure.values()) {
                for (Map.Entry<String, Map<Disclosure, int[]>> kind : largest.entrySet()) {
                    String subject = kind.getKey().startsWith("production") ? subject() : "sub-" + java.util.UUID.randomUUID();
                    String token = token(identity(subject, name.toString()), disclosure, pair, new byte[6]);
                    int version = QrCodes.encode(token).version();
                    int[] max = kind.getValue().computeIfAbsent(disclosure, d -> new int[2]);
                    max[0] = Math.max(max[0], version);
                    max[1] = Math.max(max[1], token.length());
                }
            }
        }
        largest.forEach((kind, byDisclosure) -> byDisclosure.forEach((disclosure, max) -> System.out.printf(
                "%s, %-8s (60-character name): at most %d characters, QR version %d-M%n", kind, disclosure.label(),
                max[1], max[0])));
        for (Map<Disclosure, int[]> byDisclosure : largest.values()) {
            assertThat(byDisclosure.get(Disclosure.MINIMAL)[0]).as("the default disclosure").isLessThanOrEqualTo(10);
            assertThat(byDisclosure.get(Disclosure.NAME)[0]).isLessThanOrEqualTo(12);
            assertThat(byDisclosure.get(Disclosure.STANDARD)[0]).isLessThanOrEqualTo(13);
            assertThat(byDisclosure.get(Disclosure.FULL)[0]).isLessThanOrEqualTo(13);
        }
    }
}

package id.go.dukcapil.ikd.token.crypto;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;

import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.cbor.CBORFactory;
import com.fasterxml.jackson.dataformat.cbor.CBORGenerator;

/**
 * COSE_Sign1 (RFC 9052 section 4.2) with ES256 only, on Jackson's CBOR module and the JDK's
 * ECDSA. No maintained Java COSE library is on Maven Central (COSE-JAVA's last release is of 2020,
 * on a CBOR library and Bouncy Castle of that time), and the structure is small: this class is the
 * glue, tested against the COSE working group's example. The header is data to check, never
 * instructions: the algorithm is ES256 or nothing, and only the protected header counts.
 */
public final class CoseSign1 {

    public static final int TAG = 18;
    public static final int HEADER_ALG = 1;
    public static final int HEADER_KID = 4;
    public static final int ES256 = -7;
    /** Upper bound of anything we parse; a QR token is about 200 bytes. */
    public static final int MAX_BYTES = 2048;

    /** P1363 form (r||s, 64 bytes) is what COSE puts on the wire, as JWS does: no DER conversion. */
    private static final String ALGORITHM = "SHA256withECDSAinP1363Format";
    private static final CBORFactory FACTORY = CBORFactory.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION).build();
    public static final ObjectMapper CBOR = new ObjectMapper(FACTORY)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
    private static final ThreadLocal<Signature> SIGNERS = ThreadLocal.withInitial(CoseSign1::newSignature);
    private static final ThreadLocal<Signature> VERIFIERS = ThreadLocal.withInitial(CoseSign1::newSignature);

    private CoseSign1() {
    }

    /**
     * A COSE_Sign1 split into its parts; the signature is not checked yet.
     *
     * @param protectedHeader the decoded protected header (keys as decimal text)
     * @param unprotected     the unprotected header, never trusted
     */
    public record Parts(byte[] protectedBytes, JsonNode protectedHeader, ObjectNode unprotected, byte[] payload,
            byte[] signature) {

        /** The algorithm of the protected header, or null. */
        public Integer alg() {
            JsonNode alg = protectedHeader.get(Integer.toString(HEADER_ALG));
            return alg != null && alg.isIntegralNumber() ? alg.intValue() : null;
        }

        /** The kid of the protected header, or null. */
        public byte[] kid() {
            JsonNode kid = protectedHeader.get(Integer.toString(HEADER_KID));
            try {
                return kid != null && kid.isBinary() ? kid.binaryValue() : null;
            } catch (IOException e) {
                return null;
            }
        }
    }

    /** The tagged COSE_Sign1 of {@code payload}: protected {alg: ES256, kid}, unprotected empty. */
    public static byte[] signEs256(byte[] kid, byte[] payload, PrivateKey key) {
        byte[] protectedBytes = write(cbor -> {
            cbor.writeStartObject(null, 2);
            cbor.writeFieldId(HEADER_ALG);
            cbor.writeNumber(ES256);
            cbor.writeFieldId(HEADER_KID);
            cbor.writeBinary(kid);
            cbor.writeEndObject();
        });
        byte[] signature;
        try {
            Signature signer = SIGNERS.get();
            signer.initSign(key);
            signer.update(toBeSigned(protectedBytes, payload));
            signature = signer.sign();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("ES256 signing failed", e);
        }
        return write(cbor -> {
            cbor.writeTag(TAG);
            cbor.writeStartArray(null, 4);
            cbor.writeBinary(protectedBytes);
            cbor.writeStartObject(null, 0);
            cbor.writeEndObject();
            cbor.writeBinary(payload);
            cbor.writeBinary(signature);
            cbor.writeEndArray();
        });
    }

    /** Splits a tagged COSE_Sign1; {@link MalformedTokenException} if it is not one. */
    public static Parts parse(byte[] cose) {
        if (cose == null || cose.length < 2 || cose.length > MAX_BYTES || (cose[0] & 0xff) != 0xc0 + TAG) {
            throw new MalformedTokenException("not a tagged COSE_Sign1");
        }
        try {
            if (!(CBOR.readTree(cose) instanceof ArrayNode array) || array.size() != 4 || !array.get(0).isBinary()
                    || !(array.get(1) instanceof ObjectNode unprotected) || !array.get(2).isBinary()
                    || !array.get(3).isBinary()) {
                throw new MalformedTokenException("not a COSE_Sign1 array");
            }
            byte[] protectedBytes = array.get(0).binaryValue();
            JsonNode protectedHeader = protectedBytes.length == 0 ? CBOR.createObjectNode() : CBOR.readTree(protectedBytes);
            if (!(protectedHeader instanceof ObjectNode)) {
                throw new MalformedTokenException("the protected header is not a map");
            }
            return new Parts(protectedBytes, protectedHeader, unprotected, array.get(2).binaryValue(),
                    array.get(3).binaryValue());
        } catch (IOException e) {
            throw new MalformedTokenException("not CBOR");
        }
    }

    /** Whether the signature is an ES256 signature of the parts by {@code key}; the caller checks alg first. */
    public static boolean verifyEs256(Parts parts, PublicKey key) {
        if (parts.signature().length != 64) {
            return false;
        }
        try {
            Signature verifier = VERIFIERS.get();
            verifier.initVerify(key);
            verifier.update(toBeSigned(parts.protectedBytes(), parts.payload()));
            return verifier.verify(parts.signature());
        } catch (GeneralSecurityException e) {
            return false;
        }
    }

    /** Sig_structure = ["Signature1", body_protected, external_aad (empty), payload]. */
    static byte[] toBeSigned(byte[] protectedBytes, byte[] payload) {
        return write(cbor -> {
            cbor.writeStartArray(null, 4);
            cbor.writeString("Signature1");
            cbor.writeBinary(protectedBytes);
            cbor.writeBinary(new byte[0]);
            cbor.writeBinary(payload);
            cbor.writeEndArray();
        });
    }

    /** Writes one CBOR item with a generator of Jackson's CBOR module. */
    public static byte[] write(CborWriter writer) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(256);
        try (CBORGenerator cbor = FACTORY.createGenerator(out)) {
            writer.write(cbor);
        } catch (IOException e) {
            throw new UncheckedIOException("writing CBOR to memory cannot fail", e);
        }
        return out.toByteArray();
    }

    @FunctionalInterface
    public interface CborWriter {
        void write(CBORGenerator cbor) throws IOException;
    }

    private static Signature newSignature() {
        try {
            return Signature.getInstance(ALGORITHM);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("this JDK has no " + ALGORITHM, e);
        }
    }
}

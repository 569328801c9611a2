package id.go.dukcapil.ikd.token.crypto;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.security.PrivateKey;
import java.util.Map;
import java.util.SortedMap;
import java.util.zip.DataFormatException;
import java.util.zip.Deflater;
import java.util.zip.Inflater;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The QR credential's text: a CBOR Web Token (RFC 8392) signed as COSE_Sign1, optionally zlib
 * compressed, in Base45 after the context prefix {@code IKD1:}, as the EU DCC ({@code HC1:}) and
 * MOSIP Claim 169 carry theirs: every character is in the QR alphanumeric set, so the code is
 * about 30 % smaller than the same bytes in byte mode.
 *
 * <p>zlib is used only when it makes the token shorter. A signature, a random token id and a kid
 * are incompressible, so for the default disclosure it never does; a reader tells the two apart
 * by the first byte (zlib's 0x78, or COSE_Sign1's tag 0xD2).
 */
public final class QrCwt {

    public static final String PREFIX = "IKD1:";
    /** Registered CWT claim keys (RFC 8392 section 4; IANA CWT Claims). */
    public static final int ISS = 1;
    public static final int SUB = 2;
    public static final int EXP = 4;
    public static final int NBF = 5;
    public static final int IAT = 6;
    public static final int CTI = 7;
    /** MOSIP's identity-data claim (IANA CWT Claims, key 169). */
    public static final int IDENTITY_DATA = 169;

    private static final int ZLIB_FIRST_BYTE = 0x78;

    private QrCwt() {
    }

    /**
     * The claims of one token.
     *
     * @param identity Claim 169 map, key → text or bytes, in key order; null puts no map at all (a
     *                 token that shows nothing), empty an empty map (it shows nothing, and says so)
     */
    public record Claims(String issuer, String subject, long issuedAt, long expiresAt, byte[] cti,
            SortedMap<Integer, Object> identity) {
    }

    /** A token split into its COSE parts and its decoded claims (keys as decimal text); not verified. */
    public record Read(CoseSign1.Parts cose, JsonNode claims) {
    }

    public static String write(Claims claims, byte[] kid, PrivateKey key) {
        byte[] cose = CoseSign1.signEs256(kid, payload(claims), key);
        byte[] compressed = zlib(cose);
        return PREFIX + Base45.encode(compressed.length < cose.length ? compressed : cose);
    }

    /** The CWT claims map, keys in CBOR's deterministic order (RFC 8949 section 4.2.1). */
    static byte[] payload(Claims claims) {
        boolean identity = claims.identity() != null;
        return CoseSign1.write(cbor -> {
            cbor.writeStartObject(null, identity ? 6 : 5);
            cbor.writeFieldId(ISS);
            cbor.writeString(claims.issuer());
            cbor.writeFieldId(SUB);
            cbor.writeString(claims.subject());
            cbor.writeFieldId(EXP);
            cbor.writeNumber(claims.expiresAt());
            cbor.writeFieldId(IAT);
            cbor.writeNumber(claims.issuedAt());
            cbor.writeFieldId(CTI);
            cbor.writeBinary(claims.cti());
            if (identity) {
                cbor.writeFieldId(IDENTITY_DATA);
                cbor.writeStartObject(null, claims.identity().size());
                for (Map.Entry<Integer, Object> attribute : claims.identity().entrySet()) {
                    cbor.writeFieldId(attribute.getKey());
                    if (attribute.getValue() instanceof byte[] bytes) {
                        cbor.writeBinary(bytes);
                    } else {
                        cbor.writeString(attribute.getValue().toString());
                    }
                }
                cbor.writeEndObject();
            }
            cbor.writeEndObject();
        });
    }

    /** Decodes the text of a QR code; {@link MalformedTokenException} if it is not a QR credential. */
    public static Read read(String text) {
        if (text == null || !text.startsWith(PREFIX) || text.length() > PREFIX.length() + CoseSign1.MAX_BYTES * 3 / 2) {
            throw new MalformedTokenException("not an IKD1 token");
        }
        byte[] bytes;
        try {
            bytes = Base45.decode(text.substring(PREFIX.length()));
        } catch (IllegalArgumentException e) {
            throw new MalformedTokenException("not Base45");
        }
        if (bytes.length > 0 && (bytes[0] & 0xff) == ZLIB_FIRST_BYTE) {
            bytes = inflate(bytes);
        }
        CoseSign1.Parts cose = CoseSign1.parse(bytes);
        try {
            JsonNode claims = CoseSign1.CBOR.readTree(cose.payload());
            if (claims == null || !claims.isObject()) {
                throw new MalformedTokenException("the payload is not a claims map");
            }
            return new Read(cose, claims);
        } catch (IOException e) {
            throw new MalformedTokenException("the payload is not CBOR");
        }
    }

    private static byte[] zlib(byte[] bytes) {
        Deflater deflater = new Deflater(Deflater.BEST_COMPRESSION);
        try {
            deflater.setInput(bytes);
            deflater.finish();
            byte[] out = new byte[bytes.length + 64];
            int length = deflater.deflate(out);
            return java.util.Arrays.copyOf(out, length);
        } finally {
            deflater.end();
        }
    }

    /** Inflates at most {@link CoseSign1#MAX_BYTES}: a small token cannot expand into a large one. */
    private static byte[] inflate(byte[] bytes) {
        Inflater inflater = new Inflater();
        try {
            inflater.setInput(bytes);
            ByteArrayOutputStream out = new ByteArrayOutputStream(256);
            byte[] buffer = new byte[512];
            while (!inflater.finished()) {
                int n = inflater.inflate(buffer);
                if (n == 0 && (inflater.needsInput() || inflater.needsDictionary())) {
                    throw new MalformedTokenException("truncated zlib data");
                }
                out.write(buffer, 0, n);
                if (out.size() > CoseSign1.MAX_BYTES) {
                    throw new MalformedTokenException("inflates beyond the largest token");
                }
            }
            return out.toByteArray();
        } catch (DataFormatException e) {
            throw new MalformedTokenException("not zlib data");
        } finally {
            inflater.end();
        }
    }
}

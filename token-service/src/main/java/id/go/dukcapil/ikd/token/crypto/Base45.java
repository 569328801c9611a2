package id.go.dukcapil.ikd.token.crypto;

import java.io.ByteArrayOutputStream;

/**
 * Base45 (RFC 9285): bytes as characters of the QR alphanumeric set, so that a QR code stores
 * them in alphanumeric mode (5.5 bits a character) instead of byte mode. No maintained Java
 * library of it is on Maven Central (the DCC's were never published there), so this is the
 * RFC's algorithm, tested against its examples.
 */
public final class Base45 {

    private static final String ALPHABET = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ $%*+-./:";
    private static final int[] VALUE = new int[128];

    static {
        java.util.Arrays.fill(VALUE, -1);
        for (int i = 0; i < ALPHABET.length(); i++) {
            VALUE[ALPHABET.charAt(i)] = i;
        }
    }

    private Base45() {
    }

    public static String encode(byte[] bytes) {
        StringBuilder out = new StringBuilder((bytes.length + 1) / 2 * 3);
        for (int i = 0; i + 1 < bytes.length; i += 2) {
            int n = (bytes[i] & 0xff) << 8 | bytes[i + 1] & 0xff;
            out.append(ALPHABET.charAt(n % 45)).append(ALPHABET.charAt(n / 45 % 45)).append(ALPHABET.charAt(n / 2025));
        }
        if (bytes.length % 2 == 1) {
            int n = bytes[bytes.length - 1] & 0xff;
            out.append(ALPHABET.charAt(n % 45)).append(ALPHABET.charAt(n / 45));
        }
        return out.toString();
    }

    /** The bytes of {@code text}; IllegalArgumentException when it is not Base45. */
    public static byte[] decode(CharSequence text) {
        int length = text.length();
        if (length % 3 == 1) {
            throw new IllegalArgumentException("not Base45: a length of 3n+1 characters");
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(length / 3 * 2 + 1);
        for (int i = 0; i < length; i += 3) {
            int c = value(text, i) + value(text, i + 1) * 45;
            if (i + 2 < length) {
                int n = c + value(text, i + 2) * 2025;
                if (n > 0xffff) {
                    throw new IllegalArgumentException("not Base45: a triple above 65535");
                }
                out.write(n >>> 8);
                out.write(n & 0xff);
            } else {
                if (c > 0xff) {
                    throw new IllegalArgumentException("not Base45: a final pair above 255");
                }
                out.write(c);
            }
        }
        return out.toByteArray();
    }

    private static int value(CharSequence text, int at) {
        char c = text.charAt(at);
        int value = c < 128 ? VALUE[c] : -1;
        if (value < 0) {
            throw new IllegalArgumentException("not Base45: character " + (int) c);
        }
        return value;
    }
}

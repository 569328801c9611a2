package id.go.dukcapil.ikd.token.domain;

import java.security.SecureRandom;

/**
 * References of verification records, for a relying party to quote ({@code VRF-7K3M-Q9XD-2HPA}):
 * 60 random bits in Crockford's base32 (no I, L, O, U), so they read aloud and type without confusion.
 */
public final class VerificationReferences {

    private static final char[] ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ".toCharArray();
    private static final SecureRandom RANDOM = new SecureRandom();

    private VerificationReferences() {
    }

    public static String next() {
        long bits = RANDOM.nextLong();
        StringBuilder reference = new StringBuilder("VRF");
        for (int i = 0; i < 12; i++) {
            if (i % 4 == 0) {
                reference.append('-');
            }
            reference.append(ALPHABET[(int) (bits & 31)]);
            bits >>>= 5;
        }
        return reference.toString();
    }
}

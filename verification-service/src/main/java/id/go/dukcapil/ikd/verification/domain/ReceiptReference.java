package id.go.dukcapil.ikd.verification.domain;

import java.security.SecureRandom;
import java.util.Locale;
import java.util.Optional;

/**
 * The reference printed on a receipt (tanda terima), "IKD-7K3M-Q9TX-2BHC": 12 characters of an
 * alphabet without 0/O, 1/I/L (read aloud and typed from paper), 60 random bits, so that no one
 * can walk the references of other people's cases on the public check page.
 */
public final class ReceiptReference {

    private static final String ALPHABET = "23456789ABCDEFGHJKMNPQRSTUVWXYZ";
    private static final SecureRandom RANDOM = new SecureRandom();

    private ReceiptReference() {
    }

    public static String next() {
        StringBuilder out = new StringBuilder("IKD");
        for (int i = 0; i < 12; i++) {
            if (i % 4 == 0) {
                out.append('-');
            }
            out.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
        }
        return out.toString();
    }

    /**
     * A typed reference in its printed form (case, spaces and dashes forgiven), or empty when it
     * cannot be one: nothing that is not a reference reaches the database.
     */
    public static Optional<String> parse(String typed) {
        if (typed == null || typed.length() > 40) {
            return Optional.empty();
        }
        String compact = typed.toUpperCase(Locale.ROOT).replaceAll("[\\s-]", "");
        if (compact.startsWith("IKD")) {
            compact = compact.substring(3);
        }
        if (compact.length() != 12 || !compact.chars().allMatch(c -> ALPHABET.indexOf(c) >= 0)) {
            return Optional.empty();
        }
        return Optional.of("IKD-" + compact.substring(0, 4) + "-" + compact.substring(4, 8) + "-" + compact.substring(8));
    }
}

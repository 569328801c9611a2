package id.go.dukcapil.ikd.activation.crypto;

import java.util.Locale;

import jakarta.enterprise.context.ApplicationScoped;

/**
 * The citizen's email and phone as activation-service compares them: normalised (an email's case
 * and surrounding blanks; 0812…, +62 812… and 62812… are one number) and, where stored, only as
 * keyed hashes ({@link KeyedHasher}), so the table holds no contact.
 */
@ApplicationScoped
public class ContactDigests {

    static final String EMAIL = "contact-email";
    static final String PHONE = "contact-phone";

    private final KeyedHasher hasher;

    public ContactDigests(KeyedHasher hasher) {
        this.hasher = hasher;
    }

    public byte[] email(String email) {
        return hasher.hash(EMAIL, normalEmail(email));
    }

    public byte[] phone(String phone) {
        return hasher.hash(PHONE, normalPhone(phone));
    }

    public boolean emailMatches(String given, byte[] storedHash) {
        return given != null && storedHash != null && hasher.matches(EMAIL, normalEmail(given), storedHash);
    }

    public boolean phoneMatches(String given, byte[] storedHash) {
        return given != null && storedHash != null && hasher.matches(PHONE, normalPhone(given), storedHash);
    }

    public static String normalEmail(String email) {
        return email.strip().toLowerCase(Locale.ROOT);
    }

    /** Digits only, a leading 0 as Indonesia's 62. */
    public static String normalPhone(String phone) {
        String digits = phone.replaceAll("\\D", "");
        return digits.startsWith("0") ? "62" + digits.substring(1) : digits;
    }
}

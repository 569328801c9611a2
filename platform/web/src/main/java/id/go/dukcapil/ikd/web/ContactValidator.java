package id.go.dukcapil.ikd.web;

import java.util.Locale;
import java.util.regex.Pattern;

import jakarta.enterprise.context.ApplicationScoped;

/**
 * Email, Indonesian mobile number and language: validated and normalised. One class for every
 * service that takes a citizen's contact (registration-service at registration,
 * verification-service for a correction at the counter), so both accept and refuse the same.
 */
@ApplicationScoped
public class ContactValidator {

    // RFC 5322 dot-atom local part; quoted local parts are legal but no mail provider here issues them
    private static final Pattern LOCAL_PART = Pattern
            .compile("[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+(\\.[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+)*");
    private static final Pattern DOMAIN_LABEL = Pattern.compile("[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?");
    private static final Pattern TOP_LEVEL = Pattern.compile("[a-z]{2,63}|xn--[a-z0-9-]{1,59}");
    private static final Pattern PHONE_SEPARATORS = Pattern.compile("[\\s().-]");
    /** Indonesian mobile numbers: 8 then 8 to 11 digits (national significant number of 9 to 12 digits). */
    private static final Pattern MOBILE_NSN = Pattern.compile("8[1-9][0-9]{7,10}");

    /** Lower-cased address within RFC 5321 limits (64 local, 254 total, 63 per label). */
    public String email(String raw) {
        if (raw == null || raw.length() > 254 || raw.chars().anyMatch(c -> c < 0x21 || c > 0x7e)) {
            throw invalidEmail();
        }
        String email = raw.toLowerCase(Locale.ROOT);
        int at = email.lastIndexOf('@');
        if (at <= 0 || at > 64 || at != email.indexOf('@')) {
            throw invalidEmail();
        }
        String local = email.substring(0, at);
        String domain = email.substring(at + 1);
        if (!LOCAL_PART.matcher(local).matches() || domain.length() > 253) {
            throw invalidEmail();
        }
        String[] labels = domain.split("\\.", -1);
        if (labels.length < 2 || !TOP_LEVEL.matcher(labels[labels.length - 1]).matches()) {
            throw invalidEmail();
        }
        for (String label : labels) {
            if (!DOMAIN_LABEL.matcher(label).matches()) {
                throw invalidEmail();
            }
        }
        return email;
    }

    /** E.164 ({@code +628...}) from +62, 62 or 0 prefixed input with common separators. */
    public String phone(String raw) {
        if (raw == null || raw.length() > 32) {
            throw invalidPhone();
        }
        String digits = PHONE_SEPARATORS.matcher(raw.strip()).replaceAll("");
        String national;
        if (digits.startsWith("+62")) {
            national = digits.substring(3);
        } else if (digits.startsWith("62")) {
            national = digits.substring(2);
        } else if (digits.startsWith("0")) {
            national = digits.substring(1);
        } else {
            throw invalidPhone();
        }
        if (!MOBILE_NSN.matcher(national).matches()) {
            throw invalidPhone();
        }
        return "+62" + national;
    }

    /** {@code id} (default) or {@code en}. */
    public String language(String raw) {
        if (raw == null || raw.isBlank()) {
            return Languages.INDONESIAN;
        }
        String language = raw.strip().toLowerCase(Locale.ROOT);
        if (!Languages.INDONESIAN.equals(language) && !Languages.ENGLISH.equals(language)) {
            throw new ProblemException(ContactProblems.LANGUAGE_INVALID, "Bahasa harus id atau en.",
                    "The language must be id or en.").with("field", "language");
        }
        return language;
    }

    private static ProblemException invalidEmail() {
        return new ProblemException(ContactProblems.EMAIL_INVALID,
                "Masukkan alamat email yang valid, misalnya nama@contoh.id.",
                "Enter a valid email address, e.g. name@example.id.").with("field", "email");
    }

    private static ProblemException invalidPhone() {
        return new ProblemException(ContactProblems.PHONE_INVALID,
                "Masukkan nomor ponsel Indonesia, misalnya 0812 3456 7890.",
                "Enter an Indonesian mobile number, e.g. 0812 3456 7890.").with("field", "phone");
    }
}

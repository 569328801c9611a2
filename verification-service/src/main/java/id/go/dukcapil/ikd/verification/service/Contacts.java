package id.go.dukcapil.ikd.verification.service;

import java.util.Locale;

import id.go.dukcapil.ikd.verification.domain.Complaint;
import id.go.dukcapil.ikd.verification.domain.VerificationProblems;
import id.go.dukcapil.ikd.web.ProblemException;

/** A complainant's contact as typed: Indonesian mobile numbers to E.164, emails compared without case. */
final class Contacts {

    private Contacts() {
    }

    /** {@code 0812…}, {@code 62812…} or {@code +62812…} as {@code +62812…}; null for blank; 422 otherwise. */
    static String phone(String typed) {
        if (typed == null || typed.isBlank()) {
            return null;
        }
        String digits = typed.replaceAll("[\\s().-]", "");
        if (digits.startsWith("+62")) {
            digits = digits.substring(3);
        } else if (digits.startsWith("62")) {
            digits = digits.substring(2);
        } else if (digits.startsWith("0")) {
            digits = digits.substring(1);
        }
        if (!digits.matches("[0-9]{8,13}")) {
            throw new ProblemException(VerificationProblems.CONTACT_REQUIRED, "Nomor ponsel tidak valid (contoh: 0812 3456 7890).",
                    "The mobile number is not valid (for example 0812 3456 7890).");
        }
        return "+62" + digits;
    }

    /** Whether {@code typed} is the email or the phone the complaint was filed with. */
    static boolean matches(Complaint c, String typed) {
        String t = typed.strip();
        if (c.email() != null && c.email().toLowerCase(Locale.ROOT).equals(t.toLowerCase(Locale.ROOT))) {
            return true;
        }
        try {
            return c.phone() != null && c.phone().equals(phone(t));
        } catch (ProblemException e) {
            return false;
        }
    }
}

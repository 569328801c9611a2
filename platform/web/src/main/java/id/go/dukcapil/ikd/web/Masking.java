package id.go.dukcapil.ikd.web;

/**
 * How personal data may appear in logs, events for humans, and screens that need a hint: never
 * in full. NIK keeps its area code (first 6) and the last 2 digits, e.g. {@code 320101********01}.
 */
public final class Masking {

    private Masking() {
    }

    public static String nik(String nik) {
        if (nik == null || nik.length() < 10) {
            return "****";
        }
        return nik.substring(0, 6) + "*".repeat(nik.length() - 8) + nik.substring(nik.length() - 2);
    }

    public static String email(String email) {
        if (email == null) {
            return null;
        }
        int at = email.indexOf('@');
        String domain = at <= 0 ? "" : email.substring(at + 1);
        if (at <= 0 || !domain.matches("[A-Za-z0-9.-]{1,253}")) {
            return "***"; // not an address: whatever it holds (CR/LF, injected headers) stays out of logs
        }
        return email.charAt(0) + "***@" + domain;
    }

    public static String phone(String phone) {
        if (phone == null || phone.length() < 7) {
            return "***";
        }
        return phone.substring(0, 5) + "*".repeat(phone.length() - 8) + phone.substring(phone.length() - 3);
    }
}

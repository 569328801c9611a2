package id.go.dukcapil.ikd.activation.crypto;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Set;

/**
 * Which 6-digit app PINs are too easy to guess: repeated or sequential digits, repeated pairs or
 * triples, common keyboard patterns, and the citizen's own birth date (which is in their NIK).
 */
public final class AppPinPolicy {

    private static final Set<String> COMMON = Set.of("123456", "654321", "123123", "121212", "112233",
            "147258", "159753", "789456", "456789", "987654", "101010", "202020", "696969", "777777");
    private static final DateTimeFormatter[] BIRTH_DATE_FORMATS = {
            DateTimeFormatter.ofPattern("ddMMyy"), DateTimeFormatter.ofPattern("yyMMdd"),
            DateTimeFormatter.ofPattern("MMddyy") };

    private AppPinPolicy() {
    }

    public static boolean wellFormed(String pin) {
        return pin != null && pin.matches("\\d{6}");
    }

    /** True when {@code pin} must be refused as a new app PIN. */
    public static boolean trivial(String pin, LocalDate birthDate, String nik) {
        if (!wellFormed(pin)) {
            return true;
        }
        if (COMMON.contains(pin) || pin.chars().distinct().count() <= 2) {
            return true; // 000000, 111111, 121212, 112112 …
        }
        if (ascendingOrDescending(pin)) {
            return true;
        }
        if (pin.substring(0, 3).equals(pin.substring(3))) {
            return true; // 123123, 908908
        }
        if (nik != null && nik.length() == 16 && pin.equals(nik.substring(6, 12))) {
            return true; // the NIK's birth-date digits (day + 40 for women)
        }
        if (birthDate != null) {
            for (DateTimeFormatter format : BIRTH_DATE_FORMATS) {
                if (pin.equals(birthDate.format(format))) {
                    return true;
                }
            }
        }
        return false;
    }

    private static boolean ascendingOrDescending(String pin) {
        boolean ascending = true;
        boolean descending = true;
        for (int i = 1; i < pin.length(); i++) {
            int step = pin.charAt(i) - pin.charAt(i - 1);
            ascending &= step == 1 || step == -9;
            descending &= step == -1 || step == 9;
        }
        return ascending || descending;
    }
}

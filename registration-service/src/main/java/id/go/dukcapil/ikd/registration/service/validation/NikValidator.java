package id.go.dukcapil.ikd.registration.service.validation;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;

import id.go.dukcapil.ikd.registration.service.problems.RegistrationProblems;
import id.go.dukcapil.ikd.web.ProblemException;

/**
 * The format of a NIK: province(2) regency(2) district(2) birth date DDMMYY (day + 40 for
 * women) serial(4). Only the province is checked against the area list: regencies and districts
 * are split over time, so an older NIK may carry a code no longer listed; the registry decides.
 */
@ApplicationScoped
public class NikValidator {

    private static final String PROVINCES = "/area/provinces.csv";

    private final Set<String> provinceCodes;

    public NikValidator() {
        this.provinceCodes = loadProvinceCodes();
    }

    /** Returns the NIK as given, or throws the problem of the first rule it breaks. */
    public String validate(String nik) {
        if (nik == null || nik.length() != 16 || !nik.chars().allMatch(c -> c >= '0' && c <= '9')) {
            throw refuse(RegistrationProblems.NIK_MALFORMED, "NIK harus terdiri dari tepat 16 angka.",
                    "The NIK must be exactly 16 digits.");
        }
        if (!provinceCodes.contains(nik.substring(0, 2))) {
            throw refuse(RegistrationProblems.NIK_UNKNOWN_PROVINCE, "Dua angka pertama NIK bukan kode provinsi.",
                    "The first two digits of the NIK are not a province code.");
        }
        if (nik.startsWith("00", 2)) {
            throw refuse(RegistrationProblems.NIK_INVALID_REGENCY, "Angka ke-3 dan ke-4 NIK tidak boleh 00.",
                    "Digits 3 and 4 of the NIK must not be 00.");
        }
        if (nik.startsWith("00", 4)) {
            throw refuse(RegistrationProblems.NIK_INVALID_DISTRICT, "Angka ke-5 dan ke-6 NIK tidak boleh 00.",
                    "Digits 5 and 6 of the NIK must not be 00.");
        }
        if (!isBirthDate(nik.substring(6, 12))) {
            throw refuse(RegistrationProblems.NIK_INVALID_BIRTH_DATE,
                    "Angka ke-7 sampai ke-12 NIK bukan tanggal lahir yang valid.",
                    "Digits 7 to 12 of the NIK are not a valid birth date.");
        }
        if (nik.endsWith("0000")) {
            throw refuse(RegistrationProblems.NIK_INVALID_SERIAL, "Empat angka terakhir NIK tidak boleh 0000.",
                    "The last four digits of the NIK must not be 0000.");
        }
        return nik;
    }

    /**
     * DDMMYY with 40 added to the day for women. The century is not encoded: the date is valid
     * if it exists in 19YY or 20YY (only YY = 00 differs, 2000 being a leap year and 1900 not).
     */
    static boolean isBirthDate(String ddmmyy) {
        int day = Integer.parseInt(ddmmyy.substring(0, 2));
        int month = Integer.parseInt(ddmmyy.substring(2, 4));
        int year = Integer.parseInt(ddmmyy.substring(4, 6));
        if (day > 40) {
            day -= 40;
        }
        return exists(1900 + year, month, day) || exists(2000 + year, month, day);
    }

    private static boolean exists(int year, int month, int day) {
        try {
            LocalDate.of(year, month, day);
            return true;
        } catch (DateTimeException e) {
            return false;
        }
    }

    private static ProblemException refuse(RegistrationProblems problem, String detailId, String detailEn) {
        return new ProblemException(problem, detailId, detailEn).with("field", "nik");
    }

    private static Set<String> loadProvinceCodes() {
        try (InputStream in = NikValidator.class.getResourceAsStream(PROVINCES)) {
            if (in == null) {
                throw new IllegalStateException(PROVINCES + " is missing from the classpath");
            }
            Set<String> codes = new HashSet<>();
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            reader.readLine(); // header: code,name
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                if (!line.isBlank()) {
                    codes.add(line.substring(0, line.indexOf(',')).trim());
                }
            }
            return Set.copyOf(codes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

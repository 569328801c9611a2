package id.go.dukcapil.ikd.verification.service;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import id.go.dukcapil.ikd.events.RejectionReason;
import id.go.dukcapil.ikd.verification.domain.Resident;

/**
 * What the operator must notice when the registration is put beside the registry record: each
 * flag says how serious it is and which rejection reason it suggests.
 */
public final class RegistryComparison {

    public enum Severity {
        /** Approval is refused while this holds. */
        BLOCKING,
        /** The operator must look closely (e.g. confirm the new domicile). */
        WARNING,
        /** For information (e.g. recorded without a printed card). */
        INFO
    }

    public record Flag(String code, Severity severity, String messageId, String messageEn,
            RejectionReason suggestedReason) {
    }

    private RegistryComparison() {
    }

    public static List<Flag> compare(String nik, Optional<Resident> registry) {
        List<Flag> flags = new ArrayList<>();
        if (registry.isEmpty()) {
            flags.add(new Flag("NIK_NOT_IN_REGISTRY", Severity.BLOCKING, "NIK tidak ditemukan di database kependudukan",
                    "The NIK is not in the population registry", RejectionReason.NIK_NOT_FOUND));
            return flags;
        }
        Resident r = registry.get();
        if (r.deceased()) {
            flags.add(new Flag("DECEASED", Severity.BLOCKING, "Penduduk tercatat meninggal dunia",
                    "The registry records the resident as deceased", RejectionReason.DECEASED));
        }
        if (Resident.NOT_RECORDED.equals(r.ktpElStatus())) {
            flags.add(new Flag("NOT_RECORDED", Severity.BLOCKING, "Belum melakukan perekaman KTP-el",
                    "No KTP-el biometric recording yet", RejectionReason.NOT_RECORDED));
        }
        if (Resident.RECORDED_NOT_PRINTED.equals(r.ktpElStatus())) {
            flags.add(new Flag("RECORDED_NOT_PRINTED", Severity.INFO,
                    "Sudah perekaman, KTP-el belum dicetak: tidak ada kartu fisik untuk ditunjukkan",
                    "Recorded, KTP-el not printed yet: there is no physical card to show", null));
        }
        if (r.moved()) {
            flags.add(new Flag("MOVED", Severity.WARNING, "Penduduk sudah pindah domisili; alamat adalah domisili baru",
                    "The resident has moved; the address is the new domicile", RejectionReason.DATA_MISMATCH));
        }
        if (!birthDateInNik(nik).map(r.birthDate()::equals).orElse(false)) {
            flags.add(new Flag("BIRTH_DATE_NOT_IN_NIK", Severity.WARNING,
                    "Tanggal lahir di registri tidak sesuai dengan NIK", "The registry birth date does not match the NIK",
                    RejectionReason.DATA_MISMATCH));
        }
        boolean femaleByNik = Integer.parseInt(nik.substring(6, 8)) > 40;
        if (femaleByNik != "PEREMPUAN".equals(r.sex())) {
            flags.add(new Flag("SEX_NOT_IN_NIK", Severity.WARNING, "Jenis kelamin di registri tidak sesuai dengan NIK",
                    "The registry sex does not match the NIK", RejectionReason.DATA_MISMATCH));
        }
        if (!r.moved() && !r.districtCode().replace(".", "").equals(nik.substring(0, 6))) {
            flags.add(new Flag("AREA_NOT_IN_NIK", Severity.WARNING, "Kode wilayah di registri tidak sesuai dengan NIK",
                    "The registry area code does not match the NIK", RejectionReason.DATA_MISMATCH));
        }
        return flags;
    }

    public static boolean blocksApproval(List<Flag> flags) {
        return flags.stream().anyMatch(flag -> flag.severity() == Severity.BLOCKING);
    }

    /** The birth date a NIK encodes (DDMMYY, day + 40 for women); the century is the one that is not in the future. */
    static Optional<LocalDate> birthDateInNik(String nik) {
        try {
            int day = Integer.parseInt(nik.substring(6, 8));
            int month = Integer.parseInt(nik.substring(8, 10));
            int year = Integer.parseInt(nik.substring(10, 12));
            if (day > 40) {
                day -= 40;
            }
            int thisYear = LocalDate.now().getYear() % 100;
            int century = year > thisYear ? 1900 : 2000;
            return Optional.of(LocalDate.of(century + year, month, day));
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }
}

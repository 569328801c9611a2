package id.go.dukcapil.ikd.verification.domain;

import java.time.LocalDate;

/**
 * A resident as the population registry (SIAK) answers for a NIK. Values in the registry's
 * spelling (upper case), as printed on the KTP-el.
 *
 * @param ktpElStatus    PRINTED, RECORDED_NOT_PRINTED (biometrics recorded, no card yet) or NOT_RECORDED
 * @param lifeStatus     ALIVE or DECEASED
 * @param domicileStatus RESIDENT, or MOVED (pindah): the address is the new domicile, outside the NIK's area
 */
public record Resident(String nik, String fullName, String birthPlace, LocalDate birthDate, String sex,
        String address, String rtRw, String villageName, String districtCode, String districtName,
        String regencyName, String provinceName, String religion, String maritalStatus, String occupation,
        String nationality, String ktpElStatus, String lifeStatus, String domicileStatus, String photoSha256) {

    public static final String PRINTED = "PRINTED";
    public static final String RECORDED_NOT_PRINTED = "RECORDED_NOT_PRINTED";
    public static final String NOT_RECORDED = "NOT_RECORDED";

    public boolean deceased() {
        return "DECEASED".equals(lifeStatus);
    }

    public boolean moved() {
        return "MOVED".equals(domicileStatus);
    }
}

package id.go.dukcapil.ikd.events;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;

import java.time.LocalDate;
import java.util.Objects;

/**
 * The registry attributes activation-service needs, as {@link VerificationDecidedV2} carries them:
 * those the digital card shows (name, NIK, birth place and date, sex, address to province, KTP-el
 * status), the QR credential is made from (name, NIK masked, birth date, photo digest) and the
 * card's photo is checked against. Not religion, marital status, occupation or nationality: no
 * consumer has a use for them, so they stay in the registry.
 *
 * @param districtCode Kemendagri kecamatan code with dots, e.g. {@code 32.04.12}
 * @param photoSha256  lowercase hex SHA-256 of the registry photo
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record CardAttributes(
        String nik,
        String fullName,
        String birthPlace,
        LocalDate birthDate,
        String sex,
        String address,
        String rtRw,
        String villageName,
        String districtCode,
        String districtName,
        String regencyName,
        String provinceName,
        String ktpElStatus,
        String photoSha256) {

    public CardAttributes {
        requireCore(nik, fullName, birthPlace, birthDate, sex, address, districtCode, ktpElStatus);
    }

    /** The attributes both {@code CardAttributes} and {@link VerifiedAttributes} require. */
    static void requireCore(String nik, String fullName, String birthPlace, LocalDate birthDate, String sex,
            String address, String districtCode, String ktpElStatus) {
        Objects.requireNonNull(nik, "nik is required");
        Objects.requireNonNull(fullName, "fullName is required");
        Objects.requireNonNull(birthPlace, "birthPlace is required");
        Objects.requireNonNull(birthDate, "birthDate is required");
        Objects.requireNonNull(sex, "sex is required");
        Objects.requireNonNull(address, "address is required");
        Objects.requireNonNull(districtCode, "districtCode is required");
        Objects.requireNonNull(ktpElStatus, "ktpElStatus is required");
    }

    /** As {@link VerifiedAttributes}, the four attributes without a use left empty. */
    public VerifiedAttributes verified() {
        return new VerifiedAttributes(nik, fullName, birthPlace, birthDate, sex, address, rtRw, villageName,
                districtCode, districtName, regencyName, provinceName, null, null, null, null, ktpElStatus,
                photoSha256);
    }
}

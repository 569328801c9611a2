package id.go.dukcapil.ikd.events;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;

import java.time.LocalDate;

/**
 * The citizen's identity as the population registry (SIAK) holds it, confirmed by an operator.
 * It becomes the content of the digital identity card. Values are in the registry's spelling
 * (upper case Indonesian), since they are shown as printed on the KTP-el.
 *
 * @param sex          {@code LAKI-LAKI} or {@code PEREMPUAN}
 * @param rtRw         neighbourhood, e.g. {@code 003/007}
 * @param districtCode Kemendagri kecamatan code with dots, e.g. {@code 32.04.12}
 * @param ktpElStatus  {@code PRINTED}, or {@code RECORDED_NOT_PRINTED} (biometrics recorded, no card yet)
 * @param photoSha256  lowercase hex SHA-256 of the registry photo
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record VerifiedAttributes(
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
        String religion,
        String maritalStatus,
        String occupation,
        String nationality,
        String ktpElStatus,
        String photoSha256) {

    public VerifiedAttributes {
        CardAttributes.requireCore(nik, fullName, birthPlace, birthDate, sex, address, districtCode, ktpElStatus);
    }

    /** What {@link VerificationDecidedV2} carries of these: no religion, marital status, occupation or nationality. */
    public CardAttributes forCard() {
        return new CardAttributes(nik, fullName, birthPlace, birthDate, sex, address, rtRw, villageName, districtCode,
                districtName, regencyName, provinceName, ktpElStatus, photoSha256);
    }
}

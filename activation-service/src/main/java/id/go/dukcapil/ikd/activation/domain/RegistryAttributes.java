package id.go.dukcapil.ikd.activation.domain;

import java.time.LocalDate;

import jakarta.persistence.Embeddable;

/**
 * The citizen's identity as the registry holds it and an operator confirmed it, one column each
 * (the NIK is the owning row's own column): what the KTP Digital card shows and the QR carries.
 * All columns are empty once retention has erased the row.
 */
@Embeddable
public class RegistryAttributes {

    public String fullName;
    public String birthPlace;
    public LocalDate birthDate;
    public String sex;
    public String address;
    public String rtRw;
    public String villageName;
    public String districtCode;
    public String districtName;
    public String regencyName;
    public String provinceName;
    public String ktpElStatus;
    public String photoSha256;
}

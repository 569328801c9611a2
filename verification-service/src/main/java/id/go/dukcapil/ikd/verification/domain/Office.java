package id.go.dukcapil.ikd.verification.domain;

import java.time.Instant;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A Dukcapil office with its service standard (mutu baku) and approval model. */
@Entity
@Table(name = "office")
public class Office {

    @Id
    public String code;
    public String name;
    @Enumerated(EnumType.STRING)
    public OfficeLevel level;
    public String areaCode;
    /** WIB, WITA or WIT: every time the office's people see is in it (derived from the area's province). */
    @Enumerated(EnumType.STRING)
    public OfficeTimeZone timeZone;
    public String address;
    public String phone;
    public String email;
    public String whatsapp;
    public String website;
    @Enumerated(EnumType.STRING)
    public ApprovalModel approvalModel;
    /** SOP step 3: verification at the counter or on the call. */
    public int verificationMinutes;
    /** SOP step 4: validation and sending the activation PIN (the central review in CENTRAL offices). */
    public int validationMinutes;
    /** SOP step 5: the citizen activates with the PIN. */
    public int activationMinutes;
    /** Whole service (waktu penyelesaian). */
    public int completionMinutes;
    public String standardSource;
    /** Whether the office verifies by video call too (its SOP's "tempat Pelayanan / Videocall"). */
    public boolean videoCalls;
    public Instant createdAt;

    /** The office's zone; WIB for a row that has none yet. */
    public OfficeTimeZone zone() {
        return timeZone == null ? OfficeTimeZone.WIB : timeZone;
    }
}

package id.go.dukcapil.ikd.activation.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * An approved registration as activation needs it: the verified attributes and device key to
 * bind, and the resend budget of the day. {@code email}, {@code phone} and {@code language} only
 * for an approval from verification.decided.v1, whose {@code .v1} events forward them; an approval
 * from {@code .v2} has none (the self-deactivation match uses {@link ContactDigest}).
 */
@Entity
@Table(name = "approval")
public class Approval {

    @Id
    public UUID registrationId;
    public UUID caseId;
    public String nik;
    @Embedded
    public RegistryAttributes attributes;
    public String deviceKeyJwk;
    public String email;
    public String phone;
    public String language;
    @Embedded
    public OfficeOfRecord office;
    public Instant approvedAt;
    public int codesIssued;
    public LocalDate resendDay;
    public int resendsOnDay;
}

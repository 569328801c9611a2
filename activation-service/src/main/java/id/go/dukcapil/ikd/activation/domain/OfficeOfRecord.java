package id.go.dukcapil.ikd.activation.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

/**
 * The office that approved the registration, as the citizen's messages name it: its contacts and
 * the zone in which every time they read is given ({@code WIB}, {@code WITA} or {@code WIT}; empty
 * for approvals recorded before offices named theirs, which were all WIB).
 */
@Embeddable
public class OfficeOfRecord {

    @Column(name = "office_code")
    public String code;
    @Column(name = "office_name")
    public String name;
    @Column(name = "office_address")
    public String address;
    @Column(name = "office_phone")
    public String phone;
    @Column(name = "office_email")
    public String email;
    @Column(name = "office_whatsapp")
    public String whatsapp;
    @Column(name = "office_website")
    public String website;
    @Column(name = "office_time_zone")
    public String timeZone;
}

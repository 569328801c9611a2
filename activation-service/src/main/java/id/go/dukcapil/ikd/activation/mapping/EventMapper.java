package id.go.dukcapil.ikd.activation.mapping;

import java.time.Instant;
import java.util.UUID;

import id.go.dukcapil.ikd.activation.domain.ActivationCode;
import id.go.dukcapil.ikd.activation.domain.Approval;
import id.go.dukcapil.ikd.activation.domain.DeactivationRequest;
import id.go.dukcapil.ikd.activation.domain.Identity;
import id.go.dukcapil.ikd.activation.domain.OfficeOfRecord;
import id.go.dukcapil.ikd.activation.domain.RegistryAttributes;
import id.go.dukcapil.ikd.events.ActivationCodeIssued;
import id.go.dukcapil.ikd.events.ActivationCodeIssuedV2;
import id.go.dukcapil.ikd.events.CardApproved;
import id.go.dukcapil.ikd.events.CardAttributes;
import id.go.dukcapil.ikd.events.DeactivationLinkIssued;
import id.go.dukcapil.ikd.events.DeactivationLinkIssuedV2;
import id.go.dukcapil.ikd.events.IdentityActivated;
import id.go.dukcapil.ikd.events.IdentityActivatedV2;
import id.go.dukcapil.ikd.events.IdentityRevoked;
import id.go.dukcapil.ikd.events.IdentityRevokedV2;
import id.go.dukcapil.ikd.events.IndonesianTimeZone;
import id.go.dukcapil.ikd.events.OfficeContact;
import id.go.dukcapil.ikd.events.RevocationReason;
import id.go.dukcapil.ikd.events.VerificationDecided;
import id.go.dukcapil.ikd.events.VerifiedAttributes;
import id.go.dukcapil.ikd.web.Masking;

/** Entities never leave the service: this turns them into events, and event parts into columns. */
public final class EventMapper {

    private EventMapper() {
    }

    /**
     * An approval as activation keeps it: the attributes the card and the credential need (not
     * religion, marital status, occupation or nationality, even from a {@code .v1}), the device
     * key, the office; no contact.
     */
    public static Approval toApproval(CardApproved card) {
        Approval approval = new Approval();
        approval.registrationId = card.registrationId();
        approval.caseId = card.caseId();
        approval.nik = card.attributes().nik();
        approval.attributes = columns(card.attributes());
        approval.deviceKeyJwk = card.deviceKeyJwk();
        approval.office = columns(card.office());
        approval.approvedAt = card.approvedAt();
        return approval;
    }

    /** A {@code .v1} approval's contact, kept only because activation-service's {@code .v1} events forward it. */
    public static void keepContact(Approval approval, VerificationDecided decided) {
        approval.email = decided.email();
        approval.phone = decided.phone();
        approval.language = decided.language();
    }

    public static ActivationCodeIssued codeIssued(Approval approval, ActivationCode code, String sealedSecrets) {
        return new ActivationCodeIssued(approval.registrationId, code.id, sealedSecrets, code.expiresAt, code.sequence,
                approval.email, approval.phone, approval.language, office(approval));
    }

    public static IdentityActivated activated(Identity identity, Approval approval) {
        return new IdentityActivated(identity.id, identity.registrationId, identity.subject, attributes(approval),
                identity.deviceKeyThumbprint, identity.activatedAt, approval.email, approval.phone, approval.language,
                office(approval));
    }

    /** Without contact: notification-service sends the code to the recipient it recorded. */
    public static ActivationCodeIssuedV2 codeIssuedV2(Approval approval, ActivationCode code, String sealedSecrets) {
        return new ActivationCodeIssuedV2(approval.registrationId, code.id, sealedSecrets, code.expiresAt,
                code.sequence, office(approval));
    }

    public static DeactivationLinkIssued deactivationLinkIssued(Identity identity, Approval approval,
            DeactivationRequest request, String sealedLink) {
        return new DeactivationLinkIssued(identity.registrationId, request.id, sealedLink, request.expiresAt,
                approval.email, approval.phone, approval.language, office(approval));
    }

    public static DeactivationLinkIssuedV2 deactivationLinkIssuedV2(Identity identity, Approval approval,
            DeactivationRequest request, String sealedLink) {
        return new DeactivationLinkIssuedV2(identity.registrationId, request.id, sealedLink, request.expiresAt,
                office(approval));
    }

    /**
     * Only what the consumers read: token-service's projection (name, NIK masked as it masks it,
     * birth date, photo digest, office, subject), ids and time; no contact, no other attribute.
     */
    public static IdentityActivatedV2 activatedV2(Identity identity, Approval approval) {
        VerifiedAttributes attributes = attributes(approval);
        return new IdentityActivatedV2(identity.id, identity.registrationId, identity.subject, attributes.fullName(),
                Masking.nik(attributes.nik()), attributes.birthDate(), attributes.photoSha256(), identity.activatedAt,
                office(approval));
    }

    public static IdentityRevokedV2 revokedV2(Identity identity, Approval approval, RevocationReason reason,
            UUID replacedBy, Instant revokedAt) {
        return new IdentityRevokedV2(identity.id, identity.registrationId, identity.subject, reason, replacedBy,
                revokedAt, office(approval));
    }

    /** The revoked identity's own registration's contacts: the citizen hears of it where they registered it. */
    public static IdentityRevoked revoked(Identity identity, Approval approval, RevocationReason reason,
            UUID replacedBy, Instant revokedAt) {
        return new IdentityRevoked(identity.id, identity.registrationId, identity.subject, reason, replacedBy,
                revokedAt, approval.email, approval.phone, approval.language, office(approval));
    }

    /** An identity's attributes: those of the approval it was made from, kept there once. */
    public static VerifiedAttributes attributes(Approval approval) {
        if (approval == null) {
            throw new IllegalStateException("the identity's approval is gone");
        }
        return attributes(approval.nik, approval.attributes);
    }

    public static OfficeContact office(Approval approval) {
        OfficeOfRecord office = approval.office;
        if (office == null || office.code == null) {
            throw new IllegalStateException("the approval's office was erased");
        }
        return new OfficeContact(office.code, office.name, office.address, office.phone, office.email,
                office.whatsapp, office.website,
                office.timeZone == null ? null : IndonesianTimeZone.valueOf(office.timeZone));
    }

    private static VerifiedAttributes attributes(String nik, RegistryAttributes a) {
        if (a == null || a.fullName == null || nik == null || nik.isEmpty()) {
            throw new IllegalStateException("the identity's attributes were erased");
        }
        return new VerifiedAttributes(nik, a.fullName, a.birthPlace, a.birthDate, a.sex, a.address, a.rtRw,
                a.villageName, a.districtCode, a.districtName, a.regencyName, a.provinceName, null, null,
                null, null, a.ktpElStatus, a.photoSha256); // religion, marital status, occupation, nationality: not kept
    }

    private static RegistryAttributes columns(CardAttributes v) {
        RegistryAttributes a = new RegistryAttributes();
        a.fullName = v.fullName();
        a.birthPlace = v.birthPlace();
        a.birthDate = v.birthDate();
        a.sex = v.sex();
        a.address = v.address();
        a.rtRw = v.rtRw();
        a.villageName = v.villageName();
        a.districtCode = v.districtCode();
        a.districtName = v.districtName();
        a.regencyName = v.regencyName();
        a.provinceName = v.provinceName();
        a.ktpElStatus = v.ktpElStatus();
        a.photoSha256 = v.photoSha256();
        return a;
    }

    private static OfficeOfRecord columns(OfficeContact contact) {
        OfficeOfRecord office = new OfficeOfRecord();
        office.code = contact.officeCode();
        office.name = contact.name();
        office.address = contact.address();
        office.phone = contact.phone();
        office.email = contact.email();
        office.whatsapp = contact.whatsapp();
        office.website = contact.website();
        office.timeZone = contact.timeZone() == null ? null : contact.timeZone().name();
        return office;
    }
}

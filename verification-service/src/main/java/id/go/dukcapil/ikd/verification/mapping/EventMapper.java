package id.go.dukcapil.ikd.verification.mapping;

import java.time.Instant;
import java.util.List;

import id.go.dukcapil.ikd.events.CardApproved;
import id.go.dukcapil.ikd.events.ComplaintUpdated;
import id.go.dukcapil.ikd.events.ComplaintUpdatedV2;
import id.go.dukcapil.ikd.events.Decision;
import id.go.dukcapil.ikd.events.IkdEvent;
import id.go.dukcapil.ikd.events.OfficeContact;
import id.go.dukcapil.ikd.events.RejectionReason;
import id.go.dukcapil.ikd.events.VerificationDecided;
import id.go.dukcapil.ikd.events.VerificationDecidedV2;
import id.go.dukcapil.ikd.events.VerifiedAttributes;
import id.go.dukcapil.ikd.verification.domain.CaseDecision;
import id.go.dukcapil.ikd.verification.domain.Complaint;
import id.go.dukcapil.ikd.verification.domain.Office;
import id.go.dukcapil.ikd.verification.domain.Resident;
import id.go.dukcapil.ikd.verification.domain.VerificationCase;

/** Entities never leave the service: this turns them into the events others read. */
public final class EventMapper {

    private EventMapper() {
    }

    public static OfficeContact contact(Office office) {
        return new OfficeContact(office.code, office.name, office.address, office.phone, office.email, office.whatsapp,
                office.website, office.zone().zone());
    }

    public static VerifiedAttributes attributes(Resident r) {
        return new VerifiedAttributes(r.nik(), r.fullName(), r.birthPlace(), r.birthDate(), r.sex(), r.address(),
                r.rtRw(), r.villageName(), r.districtCode(), r.districtName(), r.regencyName(), r.provinceName(),
                r.religion(), r.maritalStatus(), r.occupation(), r.nationality(), r.ktpElStatus(), r.photoSha256());
    }

    /**
     * The final decision: {@code decidedBy} is the pseudonymous id of whoever made it final (the
     * operator in a LOCAL office, the central verifier in a CENTRAL one).
     */
    public static VerificationDecided decided(VerificationCase c, CaseDecision d, Office office, Resident resident,
            String decidedBy, Instant decidedAt) {
        Decision outcome = d.finalOutcome();
        boolean approved = outcome == Decision.APPROVED;
        RejectionReason reason = approved ? null
                : d.reviewReasonCode != null ? d.reviewReasonCode : d.reasonCode != null ? d.reasonCode : RejectionReason.OTHER;
        String note = d.reviewNote != null ? d.reviewNote : d.reasonNote;
        return new VerificationDecided(c.registrationId, c.id, outcome, reason, approved ? null : note, d.channel,
                d.callReference, contact(office), decidedBy, decidedAt, c.email, c.phone, c.language,
                approved ? c.deviceKeyJwk : null, approved ? attributes(resident) : null);
    }

    /**
     * The same decision as {@code .v2}: no contact (notification-service tells a rejected citizen at
     * the recipient it recorded) and of the registry record only what activation-service needs.
     */
    public static VerificationDecidedV2 decidedV2(VerificationCase c, CaseDecision d, Office office, Resident resident,
            String decidedBy, Instant decidedAt) {
        return decided(c, d, office, resident, decidedBy, decidedAt).withoutContact();
    }

    public static ComplaintUpdated complaintUpdated(Complaint c, OfficeContact office) {
        return new ComplaintUpdated(c.id(), c.ticket(), c.status().name(), office, c.language(), c.email(), c.phone(),
                c.answer(), c.dueAt(), c.updatedAt());
    }

    /** As {@link #complaintUpdated}, for the complaints' own topic. */
    public static ComplaintUpdatedV2 complaintUpdatedV2(Complaint c, OfficeContact office) {
        return new ComplaintUpdatedV2(c.id(), c.ticket(), c.status().name(), office, c.language(), c.email(),
                c.phone(), c.answer(), c.dueAt(), c.updatedAt());
    }

    /**
     * The {@code .v3} decision for every reader of {@code ikd.verification} and, for an approval,
     * the {@link CardApproved} for activation-service alone, in that order.
     */
    public static List<IkdEvent> decidedV3(VerificationCase c, CaseDecision d, Office office, Resident resident,
            String decidedBy, Instant decidedAt) {
        VerificationDecidedV2 decided = decidedV2(c, d, office, resident, decidedBy, decidedAt);
        if (!decided.approved()) {
            return List.of(decided.withoutCard());
        }
        return List.of(decided.withoutCard(), new CardApproved(decided.registrationId(), decided.caseId(),
                decided.office(), decided.decidedAt(), decided.deviceKeyJwk(), decided.attributes()));
    }
}

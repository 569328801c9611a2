package id.go.dukcapil.ikd.verification.rest;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import id.go.dukcapil.ikd.verification.domain.CaseDecision;
import id.go.dukcapil.ikd.verification.domain.Office;
import id.go.dukcapil.ikd.verification.domain.OfficeTimeZone;
import id.go.dukcapil.ikd.verification.domain.OperatorAccount;
import id.go.dukcapil.ikd.verification.domain.Resident;
import id.go.dukcapil.ikd.verification.domain.ServiceLogEntry;
import id.go.dukcapil.ikd.verification.domain.VerificationCase;
import id.go.dukcapil.ikd.verification.service.CaseDossier;
import id.go.dukcapil.ikd.verification.service.RegistryComparison;
import id.go.dukcapil.ikd.verification.service.CaseQueries.QueueLine;
import id.go.dukcapil.ikd.web.Masking;

/** What the API and the portal show; entities stay inside the service. */
public final class Views {

    private Views() {
    }

    /** The registration as the citizen submitted it; contact data masked (the operator confirms, not copies). */
    public record RegistrationView(UUID registrationId, String nik, String emailMasked, String phoneMasked,
            String language, Instant submittedAt, String selfieSha256) {
    }

    public record ResidentView(String nik, String fullName, String birthPlace, LocalDate birthDate, String sex,
            String address, String rtRw, String villageName, String districtCode, String districtName,
            String regencyName, String provinceName, String religion, String maritalStatus, String occupation,
            String nationality, String ktpElStatus, String lifeStatus, String domicileStatus, String photoSha256) {
    }

    public record FlagView(String code, String severity, String messageId, String messageEn, String suggestedReason) {
    }

    public record DecisionView(String outcome, String reasonCode, String reasonNote, String channel,
            String callReference, boolean ktpElChecked, Instant decidedAt, String state, String reviewOutcome,
            String reviewReasonCode, Instant reviewedAt) {
    }

    /** @param timeZone the office's zone (WIB, WITA, WIT): the portal shows the case's times in it */
    public record CaseView(UUID caseId, String status, String officeCode, String officeName, String approvalModel,
            String timeZone, String defaultOfficeCode, Instant scannedAt, Instant decidedAt, RegistrationView registration,
            ResidentView registry, List<FlagView> flags, boolean approvalBlocked, DecisionView decision,
            List<OtherRegistrationView> otherOpenRegistrations, CentralReviewView centralReview) {
    }

    /**
     * The central review around the case: when the current submission is due, and the last return
     * to the office with the central verifier's note (shown to the office on the case page).
     */
    public record CentralReviewView(Instant dueAt, Instant returnedAt, String returnNote, int returnCount) {
    }

    /**
     * Another open registration of the same NIK: what lets the operator tell it from the one on
     * the citizen's phone (the scanned code opened this case; the app shows its device key's
     * fingerprint, email and phone). Approving this case closes these.
     */
    public record OtherRegistrationView(UUID caseId, UUID registrationId, String status, String officeCode,
            Instant submittedAt, String deviceKeyFingerprint, String emailMasked, String phoneMasked) {
    }

    /** A queue line with its SLA timers against the office's standard; times shown in the office's zone. */
    public record QueueItem(UUID caseId, UUID registrationId, String nikMasked, String status, String officeCode,
            String timeZone, Instant submittedAt, long waitingMinutes, long completionStandardMinutes, boolean completionOverdue,
            Instant scannedAt, Long stepMinutes, Long stepStandardMinutes, boolean stepOverdue) {
    }

    public record OfficeView(String code, String name, String level, String areaCode, String timeZone, String address, String phone,
            String email, String whatsapp, String website, String approvalModel, int verificationMinutes,
            int validationMinutes, int activationMinutes, int completionMinutes, String standardSource,
            boolean videoCalls) {
    }

    public record OperatorView(UUID id, String username, String fullName, String officeCode, List<String> roles,
            boolean locked, Instant lastLoginAt) {
    }

    public record ServiceLogView(Instant occurredAt, String officeCode, String operator, UUID caseId,
            UUID registrationId, String action, Integer sopStep, Long durationSeconds, Long standardSeconds,
            Boolean withinStandard, String note) {
    }

    public static CaseView caseView(CaseDossier dossier) {
        VerificationCase c = dossier.verificationCase();
        Office office = dossier.office();
        return new CaseView(c.id, c.status.name(), c.officeCode, office == null ? null : office.name,
                office == null ? null : office.approvalModel.name(),
                office == null ? OfficeTimeZone.WIB.name() : office.zone().name(), c.defaultOfficeCode, c.scannedAt, c.decidedAt,
                new RegistrationView(c.registrationId, c.nik, Masking.email(c.email), Masking.phone(c.phone),
                        c.language, c.submittedAt, c.selfieSha256),
                dossier.resident().map(Views::resident).orElse(null),
                dossier.flags().stream().map(Views::flag).toList(),
                RegistryComparison.blocksApproval(dossier.flags()),
                dossier.decision().map(Views::decision).orElse(null),
                dossier.otherOpenCases().stream().map(Views::other).toList(),
                c.centralDueAt == null && c.returnedAt == null ? null
                        : new CentralReviewView(c.centralDueAt, c.returnedAt, c.returnNote, c.returnCount));
    }

    static OtherRegistrationView other(VerificationCase o) {
        String thumbprint = o.deviceKeyThumbprint == null ? "" : o.deviceKeyThumbprint;
        return new OtherRegistrationView(o.id, o.registrationId, o.status.name(), o.officeCode, o.submittedAt,
                thumbprint.substring(0, Math.min(8, thumbprint.length())), Masking.email(o.email),
                Masking.phone(o.phone));
    }

    public static ResidentView resident(Resident r) {
        return new ResidentView(r.nik(), r.fullName(), r.birthPlace(), r.birthDate(), r.sex(), r.address(), r.rtRw(),
                r.villageName(), r.districtCode(), r.districtName(), r.regencyName(), r.provinceName(), r.religion(),
                r.maritalStatus(), r.occupation(), r.nationality(), r.ktpElStatus(), r.lifeStatus(),
                r.domicileStatus(), r.photoSha256());
    }

    static FlagView flag(RegistryComparison.Flag f) {
        return new FlagView(f.code(), f.severity().name(), f.messageId(), f.messageEn(),
                f.suggestedReason() == null ? null : f.suggestedReason().name());
    }

    static DecisionView decision(CaseDecision d) {
        return new DecisionView(d.outcome.name(), d.reasonCode == null ? null : d.reasonCode.name(), d.reasonNote,
                d.channel.name(), d.callReference, d.ktpElChecked, d.decidedAt, d.state.name(),
                d.reviewOutcome == null ? null : d.reviewOutcome.name(),
                d.reviewReasonCode == null ? null : d.reviewReasonCode.name(), d.reviewedAt);
    }

    public static QueueItem queueItem(QueueLine line, Instant now) {
        VerificationCase c = line.verificationCase();
        Office office = line.office();
        long waiting = Duration.between(c.submittedAt, now).toMinutes();
        // step 3 restarts when the central verifier returns the case to the office
        Instant stepStart = c.submittedForReviewAt != null ? c.submittedForReviewAt
                : c.returnedAt != null && c.scannedAt != null && c.returnedAt.isAfter(c.scannedAt) ? c.returnedAt
                        : c.scannedAt;
        Long step = c.scannedAt == null ? null : Duration.between(stepStart, now).toMinutes();
        Long stepStandard = c.scannedAt == null ? null
                : (long) (c.submittedForReviewAt != null ? office.validationMinutes : office.verificationMinutes);
        return new QueueItem(c.id, c.registrationId, Masking.nik(c.nik), c.status.name(), c.officeCode,
                office.zone().name(), c.submittedAt,
                waiting, office.completionMinutes, waiting > office.completionMinutes, c.scannedAt, step, stepStandard,
                step != null && step > stepStandard);
    }

    public static OfficeView office(Office o) {
        return new OfficeView(o.code, o.name, o.level.name(), o.areaCode, o.zone().name(), o.address, o.phone, o.email, o.whatsapp,
                o.website, o.approvalModel.name(), o.verificationMinutes, o.validationMinutes, o.activationMinutes,
                o.completionMinutes, o.standardSource, o.videoCalls);
    }

    public static OperatorView operator(OperatorAccount a, Instant now) {
        return new OperatorView(a.id, a.username, a.fullName, a.officeCode,
                a.roleSet().stream().map(r -> r.group()).toList(), a.lockedAt(now), a.lastLoginAt);
    }

    public static ServiceLogView logEntry(ServiceLogEntry e) {
        return new ServiceLogView(e.occurredAt, e.officeCode, e.operatorUsername, e.caseId, e.registrationId,
                e.action.name(), e.sopStep, e.durationSeconds, e.standardSeconds, e.withinStandard(), e.note);
    }
}

package id.go.dukcapil.ikd.verification.rest;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

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
    @Schema(example = """
            {"caseId": "c0a8f3e2-4b1d-4e7a-9f26-3d5b8c1e7a40", "status": "IN_REVIEW", "officeCode": "6305-DISDUKCAPIL", "officeName": "Dinas Kependudukan dan Pencatatan Sipil Kabupaten Tapin",
             "approvalModel": "LOCAL", "timeZone": "WITA", "defaultOfficeCode": "6305-DISDUKCAPIL",
             "scannedAt": "2026-12-04T02:14:00Z", "decidedAt": null,
             "registration": {"registrationId": "2b9c7e41-0d5a-4c3f-8e6b-1a2f3d4c5b6e", "nik": "6305044107920003", "emailMasked": "s***@example.id",
                              "phoneMasked": "+6281******890", "language": "id", "submittedAt": "2026-12-04T01:52:00Z",
                              "selfieSha256": "3f9a2c7e1b5d4f8a6c0e2d4b6a8f1c3e5d7b9a0c2e4f6a8b1d3c5e7f9a2b4c6d"},
             "registry": {"nik": "6305044107920003", "fullName": "SITI RAHMAWATI", "birthPlace": "RANTAU", "birthDate": "1992-07-01",
                          "sex": "PEREMPUAN", "address": "JL. JENDERAL SUDIRMAN NO. 21", "rtRw": "002/004", "villageName": "RANGDA MALINGKUNG",
                          "districtCode": "63.05.04", "districtName": "TAPIN UTARA", "regencyName": "KABUPATEN TAPIN",
                          "provinceName": "KALIMANTAN SELATAN", "religion": "ISLAM", "maritalStatus": "KAWIN", "occupation": "WIRASWASTA",
                          "nationality": "WNI", "ktpElStatus": "RECORDED_NOT_PRINTED", "lifeStatus": "ALIVE", "domicileStatus": "RESIDENT",
                          "photoSha256": "8c1e4a7b2d5f9e3a6c0b4d8f2a5e7c9b1d3f6a8c0e2b4d7f9a1c3e5b8d0f2a4c"},
             "flags": [{"code": "RECORDED_NOT_PRINTED", "severity": "INFO",
                        "messageId": "Sudah perekaman, KTP-el belum dicetak: tidak ada kartu fisik untuk ditunjukkan",
                        "messageEn": "Recorded, KTP-el not printed yet: there is no physical card to show", "suggestedReason": null}],
             "approvalBlocked": false, "decision": null, "otherOpenRegistrations": [], "centralReview": null}""")
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
    @Schema(example = """
            {"caseId": "c0a8f3e2-4b1d-4e7a-9f26-3d5b8c1e7a40", "registrationId": "2b9c7e41-0d5a-4c3f-8e6b-1a2f3d4c5b6e", "nikMasked": "630504********03",
             "status": "IN_REVIEW", "officeCode": "6305-DISDUKCAPIL", "timeZone": "WITA", "submittedAt": "2026-12-04T01:52:00Z",
             "waitingMinutes": 26, "completionStandardMinutes": 50, "completionOverdue": false,
             "scannedAt": "2026-12-04T02:14:00Z", "stepMinutes": 4, "stepStandardMinutes": 5, "stepOverdue": false}""")
    public record QueueItem(UUID caseId, UUID registrationId, String nikMasked, String status, String officeCode,
            String timeZone, Instant submittedAt, long waitingMinutes, long completionStandardMinutes, boolean completionOverdue,
            Instant scannedAt, Long stepMinutes, Long stepStandardMinutes, boolean stepOverdue) {
    }

    @Schema(name = "OfficeView", example = """
            {"code": "6305-DISDUKCAPIL", "name": "Dinas Kependudukan dan Pencatatan Sipil Kabupaten Tapin",
             "level": "REGENCY", "areaCode": "63.05", "timeZone": "WITA",
             "address": "Jl. Datu Nuraya Kawasan Rantau Baru RT. 1 RW. 1, Kecamatan Tapin Utara, Kabupaten Tapin, Kalimantan Selatan 71111",
             "phone": "0517-32454", "email": "dukcapil.rantau777@gmail.com", "whatsapp": "0811-5113-141",
             "website": "https://dukcapil.tapinkab.go.id/", "approvalModel": "LOCAL", "verificationMinutes": 5,
             "validationMinutes": 5, "activationMinutes": 10, "completionMinutes": 50,
             "standardSource": "SK 045 Tahun 2023: verifikasi 5 menit, validasi dan PIN 5 menit, aktivasi 10 menit, penyelesaian 50 menit",
             "videoCalls": true}""")
    public record OfficeView(String code, String name, String level, String areaCode, String timeZone, String address, String phone,
            String email, String whatsapp, String website, String approvalModel, int verificationMinutes,
            int validationMinutes, int activationMinutes, int completionMinutes, String standardSource,
            boolean videoCalls) {
    }

    @Schema(example = """
            {"id": "9e2b4c6d-1a3f-4e5b-8c7d-0f1e2d3c4b5a", "username": "tapin.operator1",
             "fullName": "Muhammad Rizky Ramadhan", "officeCode": "6305-DISDUKCAPIL", "roles": ["operator"], "locked": false,
             "lastLoginAt": "2026-12-04T00:05:00Z"}""")
    public record OperatorView(UUID id, String username, String fullName, String officeCode, List<String> roles,
            boolean locked, Instant lastLoginAt) {
    }

    @Schema(example = """
            {"occurredAt": "2026-12-04T02:18:00Z", "officeCode": "6305-DISDUKCAPIL", "operator": "tapin.operator1",
             "caseId": "c0a8f3e2-4b1d-4e7a-9f26-3d5b8c1e7a40", "registrationId": "2b9c7e41-0d5a-4c3f-8e6b-1a2f3d4c5b6e", "action": "DECIDED", "sopStep": 3,
             "durationSeconds": 240, "standardSeconds": 300, "withinStandard": true, "note": "APPROVED"}""")
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

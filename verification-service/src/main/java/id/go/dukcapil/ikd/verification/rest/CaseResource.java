package id.go.dukcapil.ikd.verification.rest;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.jwt.JsonWebToken;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestHeader;

import id.go.dukcapil.ikd.events.Channel;
import id.go.dukcapil.ikd.events.Decision;
import id.go.dukcapil.ikd.events.RejectionReason;
import id.go.dukcapil.ikd.verification.domain.FaceMatchScore;
import id.go.dukcapil.ikd.verification.domain.Role;
import id.go.dukcapil.ikd.web.CaseGrants;
import id.go.dukcapil.ikd.web.IdempotencyKey;
import id.go.dukcapil.ikd.verification.rest.Views.CaseView;
import id.go.dukcapil.ikd.verification.rest.Views.QueueItem;
import id.go.dukcapil.ikd.verification.service.CentralQueueFigures.CentralQueue;
import id.go.dukcapil.ikd.verification.service.CaseCommandParser;
import id.go.dukcapil.ikd.verification.service.CaseDecisions;
import id.go.dukcapil.ikd.verification.service.CaseQueries;
import id.go.dukcapil.ikd.verification.service.CaseScanning;
import id.go.dukcapil.ikd.verification.service.CentralReviewService;
import id.go.dukcapil.ikd.verification.service.FaceMatchAid;
import io.smallrye.mutiny.Uni;

@Path("/api/v1/operator")
@Tag(name = "Verification cases")
@SecurityRequirement(name = "bearer")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({ Role.OPERATOR_GROUP, Role.SUPERVISOR_GROUP })
public class CaseResource {

    private final CaseQueries queries;
    private final CaseScanning scanning;
    private final CaseDecisions decisions;
    private final JsonWebToken jwt;
    private final CentralReviewService centralReview;
    private final FaceMatchAid faceMatch;

    public CaseResource(CaseQueries queries, CaseScanning scanning, CaseDecisions decisions, JsonWebToken jwt,
            CentralReviewService centralReview, FaceMatchAid faceMatch) {
        this.faceMatch = faceMatch;
        this.queries = queries;
        this.scanning = scanning;
        this.decisions = decisions;
        this.centralReview = centralReview;
        this.jwt = jwt;
    }

    public record ScanRequest(@Size(max = 4096) String qrPayload, @Size(max = 32) String shortCode) {
    }

    public record DecisionRequest(@NotNull Decision decision, RejectionReason reasonCode,
            @Size(max = CaseCommandParser.NOTE_MAX) String reasonNote, @NotNull Channel channel,
            @Size(max = CaseCommandParser.CALL_REFERENCE_MAX) @Pattern(regexp = "^[A-Za-z0-9._:/-]*$") String callReference,
            @NotNull Boolean ktpElChecked) {
    }

    public record ReturnRequest(@Size(max = 500) String note) {
    }

    public record ReviewRequest(@NotNull Decision decision, RejectionReason reasonCode,
            @Size(max = CaseCommandParser.NOTE_MAX) String note) {
    }

    @GET
    @Path("/cases")
    @Operation(summary = "The office's queue (open cases, oldest first) with SLA timers; central verifiers also see every case awaiting them")
    @APIResponse(responseCode = "200", description = "The queue")
    @APIResponse(responseCode = "401", description = "UNAUTHORIZED (problem+json)")
    @APIResponse(responseCode = "403", description = "FORBIDDEN: not an operator or supervisor (problem+json)")
    public Uni<List<QueueItem>> queue() {
        Instant now = Instant.now();
        return queries.queue(Principals.of(jwt))
                .map(lines -> lines.stream().map(line -> Views.queueItem(line, now)).toList());
    }

    @POST
    @Path("/scans")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Scan the citizen's counter QR (compact JWS) or type its short code: takes the case for the office and returns the registration beside the registry record with every mismatch flagged")
    @APIResponse(responseCode = "200", description = "The case, now IN_REVIEW at the operator's office")
    @APIResponse(responseCode = "400", description = "INVALID_COUNTER_CODE: bad signature, type or format (problem+json)")
    @APIResponse(responseCode = "404", description = "COUNTER_CODE_UNKNOWN or CASE_NOT_FOUND (problem+json)")
    @APIResponse(responseCode = "409", description = "CASE_OF_ANOTHER_OFFICE, CASE_ALREADY_DECIDED or CASE_CLOSED (problem+json)")
    @APIResponse(responseCode = "410", description = "COUNTER_CODE_EXPIRED or COUNTER_CODE_SUPERSEDED: the citizen has a newer code, known from CounterCodeIssued, from a newer scanned code, or confirmed with registration-service (problem+json)")
    @APIResponse(responseCode = "503", description = "REGISTRATION_SERVICE_UNAVAILABLE: the code could not be confirmed as current; Retry-After (problem+json)")
    public Uni<CaseView> scan(@Valid @NotNull ScanRequest request) {
        return scanning.scan(Principals.of(jwt), jwt.getRawToken(), request.qrPayload(), request.shortCode()).map(Views::caseView);
    }

    @GET
    @Path("/cases/{caseId}")
    @Operation(summary = "A case of the office: registration beside the registry record, flags and decision")
    @APIResponse(responseCode = "200", description = "The case")
    @APIResponse(responseCode = "403", description = "CASE_OF_ANOTHER_OFFICE (problem+json)")
    @APIResponse(responseCode = "404", description = "CASE_NOT_FOUND (problem+json)")
    public Uni<CaseView> get(@PathParam("caseId") UUID caseId) {
        return queries.view(Principals.of(jwt), caseId).map(Views::caseView);
    }

    /** The face-similarity score as the API shows it: an aid for the operator, never the decision. */
    @Schema(example = """
            {"outcome": "SCORED", "score": 0.87, "scoreText": "0,87", "provider": "Dukcapil FR", "version": "3.2",
             "wordsId": "Kemiripan wajah (alat bantu, bukan keputusan)", "wordsEn": "Face similarity (an aid, not the decision)"}""")
    public record FaceMatchView(String outcome, Double score, String scoreText, String provider, String version,
            String wordsId, String wordsEn) {

        static FaceMatchView of(FaceMatchScore s) {
            return s.outcome() == FaceMatchScore.Outcome.SCORED
                    ? new FaceMatchView(s.outcome().name(), s.score(), s.scoreText(), s.provider(), s.version(),
                            "Kemiripan wajah (alat bantu, bukan keputusan)", "Face similarity (an aid, not the decision)")
                    : new FaceMatchView(s.outcome().name(), null, null, null, null,
                            "Skor kemiripan wajah tidak tersedia: " + s.reasonId(),
                            "Face-match score unavailable: " + s.reasonEn());
        }
    }

    @GET
    @Path("/cases/{caseId}/face-match")
    @Operation(summary = "The face-similarity score between the selfie and the registry photo, from the configured provider: an aid, never the decision (not stored; its showing is audited)")
    @APIResponse(responseCode = "200", description = "A score in [0,1], or no score with the reason (outcome NOT_PROVIDED or UNAVAILABLE)",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = FaceMatchView.class)))
    @APIResponse(responseCode = "403", description = "CASE_OF_ANOTHER_OFFICE (problem+json)")
    @APIResponse(responseCode = "404", description = "CASE_NOT_FOUND (problem+json)")
    public Uni<FaceMatchView> faceMatch(@PathParam("caseId") UUID caseId) {
        return faceMatch.ofCase(Principals.of(jwt), jwt.getRawToken(), caseId).map(FaceMatchView::of);
    }

    @POST
    @Path("/cases/{caseId}/grant")
    @Operation(summary = "A case grant: the header value that opens this case's selfie (registration-service) and delivery log (notification-service) for the operator, for 2 minutes",
            description = "Send it as X-IKD-Case-Grant beside your own bearer token. Issued only for a case your office "
                    + "holds (or, for a central verifier, one submitted for review), so those services are scoped as cases are.")
    @APIResponse(responseCode = "200", description = "The grant")
    @APIResponse(responseCode = "403", description = "CASE_OF_ANOTHER_OFFICE (problem+json)")
    @APIResponse(responseCode = "404", description = "CASE_NOT_FOUND (problem+json)")
    public Uni<CaseGrantView> grant(@PathParam("caseId") UUID caseId) {
        return queries.grant(Principals.of(jwt), caseId).map(g -> new CaseGrantView(g.grant(), CaseGrants.HEADER,
                g.caseId(), g.registrationId(), g.expiresAt()));
    }

    @Schema(example = """
            {"grant": "eyJhbGciOiJFUzI1NiJ9.…", "header": "X-IKD-Case-Grant", "caseId": "c0a8f3e2-4b1d-4e7a-9f26-3d5b8c1e7a40",
             "registrationId": "2b9c7e41-0d5a-4c3f-8e6b-1a2f3d4c5b6e", "expiresAt": "2026-12-04T02:29:00Z"}""")
    public record CaseGrantView(String grant, String header, UUID caseId, UUID registrationId, Instant expiresAt) {
    }

    @POST
    @Path("/cases/{caseId}/decision")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Approve or reject a scanned case; final in a LOCAL office, submitted for the central verifier in a CENTRAL one")
    @APIResponse(responseCode = "200", description = "Decided (APPROVED/REJECTED) or submitted (AWAITING_CENTRAL)")
    @APIResponse(responseCode = "400", description = "VALIDATION_FAILED (problem+json)")
    @APIResponse(responseCode = "403", description = "CASE_OF_ANOTHER_OFFICE (problem+json)")
    @APIResponse(responseCode = "404", description = "CASE_NOT_FOUND (problem+json)")
    @APIResponse(responseCode = "409", description = "CASE_ALREADY_DECIDED, CASE_CLOSED, CASE_NOT_SCANNED or CASE_CHANGED (problem+json)")
    @APIResponse(responseCode = "422", description = "APPROVAL_BLOCKED, KTP_EL_NOT_CHECKED, REASON_REQUIRED, REASON_NOT_ALLOWED, NOTE_REQUIRED or CALL_REFERENCE_REQUIRED (problem+json)")
    public Uni<CaseView> decide(@PathParam("caseId") UUID caseId, @Valid @NotNull DecisionRequest request,
            @RestHeader(IdempotencyKey.HEADER) @Parameter(description = IdempotencyKey.DESCRIPTION) String idempotencyKey) {
        return decisions.decide(Principals.of(jwt), caseId, new CaseDecisions.DecisionCommand(request.decision(),
                request.reasonCode(), request.reasonNote(), request.channel(), request.callReference(),
                request.ktpElChecked()), IdempotencyKey.of(idempotencyKey)).map(Views::caseView);
    }

    @POST
    @Path("/cases/{caseId}/review")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Role.SUPERVISOR_GROUP)
    @Operation(summary = "Central verification: approve or reject a case a CENTRAL office submitted; only then is VerificationDecided published")
    @APIResponse(responseCode = "200", description = "Decided")
    @APIResponse(responseCode = "400", description = "VALIDATION_FAILED (problem+json)")
    @APIResponse(responseCode = "403", description = "FORBIDDEN, NOT_A_CENTRAL_VERIFIER or SAME_PERSON_REVIEW (problem+json)")
    @APIResponse(responseCode = "404", description = "CASE_NOT_FOUND (problem+json)")
    @APIResponse(responseCode = "409", description = "CASE_NOT_AWAITING_CENTRAL, CASE_ALREADY_DECIDED, CASE_CLOSED or CASE_CHANGED (problem+json)")
    @APIResponse(responseCode = "422", description = "APPROVAL_BLOCKED, REASON_REQUIRED or REASON_NOT_ALLOWED (problem+json)")
    public Uni<CaseView> review(@PathParam("caseId") UUID caseId, @Valid @NotNull ReviewRequest request,
            @RestHeader(IdempotencyKey.HEADER) @Parameter(description = IdempotencyKey.DESCRIPTION) String idempotencyKey) {
        return centralReview.review(Principals.of(jwt), caseId,
                new CentralReviewService.ReviewCommand(request.decision(), request.reasonCode(), request.note()),
                IdempotencyKey.of(idempotencyKey))
                .map(Views::caseView);
    }

    @POST
    @Path("/cases/{caseId}/return")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Role.SUPERVISOR_GROUP)
    @Operation(
            summary = "Central verification: return a submitted case to its office with a note (kembalikan ke kantor)",
            description = "The case is back in the office's queue (IN_REVIEW) with the note on its case page; the office's "
                    + "proposal is withdrawn (the buku pelayanan and audit keep it) and SOP step 3 restarts now. "
                    + "CentralReviewChanged RETURNED goes to the citizen's timeline. No VerificationDecided.")
    @APIResponse(responseCode = "200", description = "Returned: the case, IN_REVIEW, with centralReview.returnNote")
    @APIResponse(responseCode = "400", description = "VALIDATION_FAILED: note longer than 500 characters (problem+json)")
    @APIResponse(responseCode = "403", description = "FORBIDDEN (not a supervisor), NOT_A_CENTRAL_VERIFIER or SAME_PERSON_REVIEW (problem+json)")
    @APIResponse(responseCode = "404", description = "CASE_NOT_FOUND (problem+json)")
    @APIResponse(responseCode = "409", description = "CASE_NOT_AWAITING_CENTRAL, CASE_ALREADY_DECIDED, CASE_CLOSED or CASE_CHANGED (problem+json)")
    @APIResponse(responseCode = "422", description = "RETURN_NOTE_REQUIRED (problem+json)")
    public Uni<CaseView> returnToOffice(@PathParam("caseId") UUID caseId, @Valid @NotNull ReturnRequest request) {
        return centralReview.returnToOffice(Principals.of(jwt), caseId, request.note()).map(Views::caseView);
    }

    @GET
    @Path("/central-queue")
    @RolesAllowed(Role.SUPERVISOR_GROUP)
    @Operation(
            summary = "The central verifier's live queue: every case awaiting central verification, by province, most urgent first, with its due time and the working time left")
    @APIResponse(responseCode = "200", description = "The queue by region",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = CentralQueue.class),
                    examples = @ExampleObject(name = "queue", value = """
                        {"generatedAt": "2026-12-04T03:00:00Z", "total": 1, "overdue": 0,
                         "regions": [{"provinceCode": "35", "provinceName": "JAWA TIMUR", "cases": 1, "overdue": 0,
                                      "items": [{"caseId": "e1f3a5c7-9b2d-4f6e-8a0c-2e4f6a8b0d1c", "registrationId": "7a9c1e3f-5b7d-4a2c-9e1f-3b5d7f9a1c2e",
                                                 "nikMasked": "351305********07", "officeCode": "3513-DISDUKCAPIL",
                                                 "officeName": "Dinas Kependudukan dan Pencatatan Sipil Kabupaten Probolinggo",
                                                 "timeZone": "WIB", "submittedAt": "2026-12-04T02:18:00Z", "dueAt": "2026-12-07T02:18:00Z",
                                                 "dueLocal": "07-12-2026 09:18 WIB", "remainingWorkingSeconds": 26280, "remainingText": "7 j 18 mnt",
                                                 "overdue": false, "clockRunning": true, "reviewWorkingDays": 1, "returnCount": 0}]}]}""")))
    @APIResponse(responseCode = "401", description = "UNAUTHORIZED (problem+json)")
    @APIResponse(responseCode = "403", description = "FORBIDDEN or NOT_A_CENTRAL_VERIFIER (problem+json)")
    public Uni<CentralQueue> centralQueue() {
        return centralReview.queue(Principals.of(jwt));
    }
}

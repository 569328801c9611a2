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
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;

import id.go.dukcapil.ikd.verification.domain.Role;
import id.go.dukcapil.ikd.verification.rest.DeliveryViews.CaseDeliveriesView;
import id.go.dukcapil.ikd.verification.rest.Views.QueueItem;
import id.go.dukcapil.ikd.verification.service.CaseSearch;
import id.go.dukcapil.ikd.verification.service.ContactCorrection;
import id.go.dukcapil.ikd.verification.service.DeliveryLog;
import io.smallrye.mutiny.Uni;

/**
 * Remedies at the counter (issue 17, item 7): what reached the citizen, correcting their contact
 * with them present, and finding a case by NIK when the app's counter code cannot be shown.
 */
@Path("/api/v1/operator")
@Tag(name = "Counter remedies")
@SecurityRequirement(name = "bearer")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({ Role.OPERATOR_GROUP, Role.SUPERVISOR_GROUP })
public class CounterResource {

    private final DeliveryLog deliveries;
    private final CaseSearch search;
    private final ContactCorrection corrections;
    private final JsonWebToken jwt;

    public CounterResource(DeliveryLog deliveries, CaseSearch search, ContactCorrection corrections,
            JsonWebToken jwt) {
        this.deliveries = deliveries;
        this.search = search;
        this.corrections = corrections;
        this.jwt = jwt;
    }

    /**
     * A new email and/or phone (blank or absent: unchanged), with the operator's declarations that
     * the citizen is at the counter and their physical KTP-el was checked.
     */
    public record ContactCorrectionRequest(@Size(max = 254) String email, @Size(max = 32) String phone,
            @NotNull Boolean citizenPresent, @NotNull Boolean ktpElChecked) {
    }

    /** The NIK travels in the body, never in a URL (URLs end up in access logs and browser history). */
    public record CaseSearchRequest(@NotNull @Pattern(regexp = "^\\d{16}$") String nik) {
    }

    @Schema(example = """
            {"searchedAt": "2026-12-04T02:20:00Z",
             "cases": [{"caseId": "c0a8f3e2-4b1d-4e7a-9f26-3d5b8c1e7a40", "registrationId": "2b9c7e41-0d5a-4c3f-8e6b-1a2f3d4c5b6e", "nikMasked": "630504********03",
                        "status": "IN_REVIEW", "officeCode": "6305-DISDUKCAPIL", "timeZone": "WITA", "submittedAt": "2026-12-04T01:52:00Z",
                        "waitingMinutes": 26, "completionStandardMinutes": 50, "completionOverdue": false,
                        "scannedAt": "2026-12-04T02:14:00Z", "stepMinutes": 4, "stepStandardMinutes": 5, "stepOverdue": false}]}""")
    public record CaseSearchResult(Instant searchedAt, List<QueueItem> cases) {
    }

    @GET
    @Path("/cases/{caseId}/deliveries")
    @Operation(operationId = "caseDeliveries",
            summary = "Every message to the citizen of a case with its latest delivery status (from notification-service's NotificationStatus events), times in the office's zone")
    @APIResponse(responseCode = "200", description = "The messages, oldest first")
    @APIResponse(responseCode = "401", description = "UNAUTHORIZED (problem+json)")
    @APIResponse(responseCode = "403", description = "FORBIDDEN or CASE_OF_ANOTHER_OFFICE (problem+json)")
    @APIResponse(responseCode = "404", description = "CASE_NOT_FOUND (problem+json)")
    public Uni<CaseDeliveriesView> deliveries(@PathParam("caseId") UUID caseId) {
        return deliveries.ofCase(Principals.of(jwt), caseId).map(DeliveryViews::of);
    }

    @POST
    @Path("/cases/{caseId}/contact-corrections")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "correctContact",
            summary = "Correct the citizen's email or phone at the counter (citizen present, KTP-el checked); a fresh activation PIN goes to the new contact",
            description = "Audited and limited per operator and per case. Publishes ContactCorrected: registration-service stores "
                    + "the contact, activation-service issues a fresh PIN to it when the identity is approved and not yet active "
                    + "(the old PIN stops working), notification-service warns the previous contact and confirms the new one.")
    @APIResponse(responseCode = "201", description = "Recorded: the contact now (masked) and what changed",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ContactCorrection.Corrected.class),
                    examples = @ExampleObject(name = "phoneCorrected", value = """
                        {"correctionId": "6b8d0f2a-4c6e-4a1b-9d3f-5e7a9c1b3d5f", "caseId": "c0a8f3e2-4b1d-4e7a-9f26-3d5b8c1e7a40",
                         "emailMasked": "s***@example.id", "phoneMasked": "+6285******321", "emailChanged": false, "phoneChanged": true,
                         "correctedAt": "2026-12-04T02:16:00Z"}""")))
    @APIResponse(responseCode = "400", description = "VALIDATION_FAILED, EMAIL_INVALID or PHONE_INVALID (problem+json)")
    @APIResponse(responseCode = "401", description = "UNAUTHORIZED (problem+json)")
    @APIResponse(responseCode = "403", description = "FORBIDDEN or CASE_OF_ANOTHER_OFFICE (problem+json)")
    @APIResponse(responseCode = "404", description = "CASE_NOT_FOUND (problem+json)")
    @APIResponse(responseCode = "409", description = "CONTACT_NOT_CORRECTABLE or CASE_CHANGED (problem+json)")
    @APIResponse(responseCode = "422", description = "PRESENCE_NOT_CONFIRMED or CONTACT_UNCHANGED (problem+json)")
    @APIResponse(responseCode = "429", description = "RATE_LIMITED, with Retry-After (problem+json)")
    public Uni<RestResponse<ContactCorrection.Corrected>> correctContact(@PathParam("caseId") UUID caseId,
            @Valid @NotNull ContactCorrectionRequest request) {
        return corrections.correct(Principals.of(jwt), caseId, new ContactCorrection.Command(request.email(),
                request.phone(), Boolean.TRUE.equals(request.citizenPresent()),
                Boolean.TRUE.equals(request.ktpElChecked())))
                .map(done -> RestResponse.status(RestResponse.Status.CREATED, done));
    }

    @POST
    @Path("/case-searches")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "searchCasesByNik",
            summary = "Find the office's cases of a NIK when the citizen cannot show the app's counter code; audited, limited per operator",
            description = "The NIK goes in the body. Only cases held by the operator's own office are found, newest first, "
                    + "at most 20; every search is written to the audit log with the masked NIK and the cases found.")
    @APIResponse(responseCode = "200", description = "The cases found (possibly none)")
    @APIResponse(responseCode = "400", description = "VALIDATION_FAILED: the NIK is not 16 digits (problem+json)")
    @APIResponse(responseCode = "401", description = "UNAUTHORIZED (problem+json)")
    @APIResponse(responseCode = "403", description = "FORBIDDEN (problem+json)")
    @APIResponse(responseCode = "429", description = "RATE_LIMITED, with Retry-After (problem+json)")
    public Uni<CaseSearchResult> searchByNik(@Valid @NotNull CaseSearchRequest request) {
        Instant now = Instant.now();
        return search.byNik(Principals.of(jwt), request.nik())
                .map(lines -> new CaseSearchResult(now, lines.stream().map(l -> Views.queueItem(l, now)).toList()));
    }
}

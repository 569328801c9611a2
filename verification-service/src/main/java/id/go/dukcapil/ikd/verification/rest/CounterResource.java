package id.go.dukcapil.ikd.verification.rest;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.jwt.JsonWebToken;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import id.go.dukcapil.ikd.verification.domain.Role;
import id.go.dukcapil.ikd.verification.rest.DeliveryViews.CaseDeliveriesView;
import id.go.dukcapil.ikd.verification.rest.Views.QueueItem;
import id.go.dukcapil.ikd.verification.service.CaseSearch;
import id.go.dukcapil.ikd.verification.service.DeliveryLog;
import io.smallrye.mutiny.Uni;

/**
 * Remedies at the counter (issue 17, item 7): what reached the citizen, and finding a case by NIK
 * when the app's counter code cannot be shown.
 */
@Path("/api/v1/operator")
@Tag(name = "Counter remedies")
@SecurityRequirement(name = "bearer")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({ Role.OPERATOR_GROUP, Role.SUPERVISOR_GROUP })
public class CounterResource {

    private final DeliveryLog deliveries;
    private final CaseSearch search;
    private final JsonWebToken jwt;

    public CounterResource(DeliveryLog deliveries, CaseSearch search, JsonWebToken jwt) {
        this.deliveries = deliveries;
        this.search = search;
        this.jwt = jwt;
    }

    /** The NIK travels in the body, never in a URL (URLs end up in access logs and browser history). */
    public record CaseSearchRequest(@NotNull @Pattern(regexp = "^\\d{16}$") String nik) {
    }

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

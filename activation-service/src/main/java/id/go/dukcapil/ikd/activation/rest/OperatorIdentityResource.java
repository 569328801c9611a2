package id.go.dukcapil.ikd.activation.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.jwt.JsonWebToken;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import id.go.dukcapil.ikd.activation.rest.ActivationApi.OperatorRevocationRequest;
import id.go.dukcapil.ikd.activation.rest.ActivationApi.Revoked;
import id.go.dukcapil.ikd.activation.service.IdentityService;
import id.go.dukcapil.ikd.events.RevocationReason;
import id.go.dukcapil.ikd.web.CommonProblems;
import id.go.dukcapil.ikd.web.ProblemException;
import io.smallrye.mutiny.Uni;

/** Dukcapil staff revoke a digital identity, e.g. a lost phone reported at the office with the KTP-el. */
@Path("/api/v1/operator/identity-revocations")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Operator")
public class OperatorIdentityResource {

    private final IdentityService identities;
    private final JsonWebToken jwt;

    public OperatorIdentityResource(IdentityService identities, JsonWebToken jwt) {
        this.identities = identities;
        this.jwt = jwt;
    }

    @POST
    @RolesAllowed({ "operator", "supervisor", "admin" })
    @SecurityRequirement(name = "bearer")
    @Operation(summary = "Revoke the active digital identity of a NIK (reason OPERATOR or DECEASED)")
    @APIResponse(responseCode = "200", description = "Revoked; IdentityRevoked follows")
    @APIResponse(responseCode = "400", description = "VALIDATION_FAILED (reason must be OPERATOR or DECEASED) or MALFORMED_REQUEST")
    @APIResponse(responseCode = "401", description = "UNAUTHORIZED")
    @APIResponse(responseCode = "403", description = "FORBIDDEN: not an operator, supervisor or admin")
    @APIResponse(responseCode = "404", description = "IDENTITY_NOT_FOUND: no active identity for the NIK")
    public Uni<Revoked> revoke(@Valid @NotNull OperatorRevocationRequest request) {
        if (request.reason() != RevocationReason.OPERATOR && request.reason() != RevocationReason.DECEASED) {
            throw new ProblemException(CommonProblems.VALIDATION_FAILED,
                    "Alasan harus OPERATOR atau DECEASED.", "The reason must be OPERATOR or DECEASED.");
        }
        return identities.revokeByOperator(request.nik(), request.reason(), jwt.getSubject(), jwt.getClaim("office"))
                .map(revocation -> new Revoked(revocation.identityId(), revocation.revokedAt()));
    }
}

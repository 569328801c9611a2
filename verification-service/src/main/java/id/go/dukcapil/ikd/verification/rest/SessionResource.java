package id.go.dukcapil.ikd.verification.rest;

import jakarta.annotation.security.PermitAll;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import id.go.dukcapil.ikd.verification.service.OperatorSessionService;
import id.go.dukcapil.ikd.verification.service.OperatorSessionService.OperatorSession;
import io.smallrye.mutiny.Uni;

@Path("/api/v1/operator/sessions")
@Tag(name = "Operator sessions")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class SessionResource {

    private final OperatorSessionService sessions;

    public SessionResource(OperatorSessionService sessions) {
        this.sessions = sessions;
    }

    public record LoginRequest(@NotBlank @Size(max = 64) String username, @NotBlank @Size(max = 256) String password) {
    }

    @POST
    @PermitAll
    @Operation(summary = "Operator login: a bearer JWT (8 h at most) with the office claim")
    @APIResponse(responseCode = "200", description = "Signed in",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = OperatorSessionService.OperatorSession.class),
                    examples = @ExampleObject(name = "operator", value = """
                        {"accessToken": "eyJhbGciOiJFUzI1NiJ9.…", "expiresIn": 28800, "username": "tapin.operator1",
                         "fullName": "Muhammad Rizky Ramadhan", "officeCode": "6305-DISDUKCAPIL", "roles": ["operator"]}""")))
    @APIResponse(responseCode = "400", description = "VALIDATION_FAILED or MALFORMED_REQUEST (problem+json)")
    @APIResponse(responseCode = "401", description = "INVALID_CREDENTIALS (problem+json)")
    @APIResponse(responseCode = "423", description = "ACCOUNT_LOCKED after repeated failures, with lockedUntil (problem+json)")
    public Uni<OperatorSession> login(@Valid @jakarta.validation.constraints.NotNull LoginRequest request) {
        return sessions.login(request.username(), request.password());
    }
}

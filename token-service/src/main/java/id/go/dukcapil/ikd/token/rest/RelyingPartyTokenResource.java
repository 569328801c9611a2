package id.go.dukcapil.ikd.token.rest;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestForm;

import com.fasterxml.jackson.annotation.JsonProperty;

import id.go.dukcapil.ikd.token.service.RelyingPartyService;
import id.go.dukcapil.ikd.token.service.TokenProblems;
import id.go.dukcapil.ikd.web.Problem;
import id.go.dukcapil.ikd.web.ProblemException;
import io.smallrye.mutiny.Uni;

/** OAuth 2.0 client credentials (RFC 6749 §4.4) for relying parties. */
@Path("/api/v1/relying-party/tokens")
@Tag(name = "Relying parties")
public class RelyingPartyTokenResource {

    @Schema(example = """
            {"access_token": "eyJhbGciOiJFUzI1NiJ9.…", "token_type": "Bearer", "expires_in": 3600,
             "scope": "ikd.name ikd.nik"}""")
    public record TokenResponse(@JsonProperty("access_token") String accessToken,
            @JsonProperty("token_type") String tokenType, @JsonProperty("expires_in") long expiresIn, String scope) {
    }

    private final RelyingPartyService clients;

    public RelyingPartyTokenResource(RelyingPartyService clients) {
        this.clients = clients;
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Access token for a relying party", description = "grant_type=client_credentials with "
            + "client_id and client_secret in the form or as HTTP Basic. Returns a verifier JWT (1 h).")
    @APIResponse(responseCode = "200", description = "Bearer token",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = TokenResponse.class)))
    @APIResponse(responseCode = "400", description = "UNSUPPORTED_GRANT_TYPE", content = @Content(mediaType = Problem.MEDIA_TYPE))
    @APIResponse(responseCode = "401", description = "INVALID_CLIENT", content = @Content(mediaType = Problem.MEDIA_TYPE))
    public Uni<Response> token(@RestForm("grant_type") String grantType, @RestForm("client_id") String clientId,
            @RestForm("client_secret") String clientSecret, @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization) {
        if (!"client_credentials".equals(grantType)) {
            throw new ProblemException(TokenProblems.UNSUPPORTED_GRANT_TYPE, "Gunakan grant_type=client_credentials.",
                    "Use grant_type=client_credentials.");
        }
        String[] basic = basic(authorization);
        String id = basic != null ? basic[0] : clientId;
        String secret = basic != null ? basic[1] : clientSecret;
        if (id == null || id.isBlank()) {
            throw new ProblemException(TokenProblems.INVALID_CLIENT, "client_id wajib diisi.", "client_id is required.");
        }
        return clients.issueToken(id, secret).map(token -> Response
                .ok(new TokenResponse(token.token(), "Bearer", token.expiresIn(), token.scope()))
                .header("Cache-Control", "no-store").build());
    }

    private static String[] basic(String authorization) {
        if (authorization == null || !authorization.regionMatches(true, 0, "Basic ", 0, 6)) {
            return null;
        }
        try {
            String decoded = new String(Base64.getDecoder().decode(authorization.substring(6).trim()),
                    StandardCharsets.UTF_8);
            int colon = decoded.indexOf(':');
            // NUL cannot be stored in PostgreSQL text: such a client cannot exist (was a 500)
            return colon < 0 || decoded.indexOf('\0') >= 0 ? null : new String[] { decoded.substring(0, colon), decoded.substring(colon + 1) };
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}

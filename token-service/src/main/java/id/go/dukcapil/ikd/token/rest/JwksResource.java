package id.go.dukcapil.ikd.token.rest;

import java.util.List;
import java.util.Map;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import id.go.dukcapil.ikd.token.config.TokenConfig;
import id.go.dukcapil.ikd.token.crypto.EcKeys;
import id.go.dukcapil.ikd.token.service.SigningKeyService;
import io.smallrye.mutiny.Uni;

@Path("/.well-known/jwks.json")
@Tag(name = "Keys")
public class JwksResource {

    private final SigningKeyService keys;
    private final TokenConfig config;

    public JwksResource(SigningKeyService keys, TokenConfig config) {
        this.keys = keys;
        this.config = config;
    }

    @GET
    @Produces(jakarta.ws.rs.core.MediaType.APPLICATION_JSON)
    @Operation(summary = "Public keys of QR tokens", description = "The current key, a scheduled successor and retired "
            + "keys whose tokens may still be live, so offline readers can verify. Cacheable for a short time.")
    @APIResponse(responseCode = "200", description = "JWK Set (RFC 7517)")
    public Uni<Response> jwks() {
        return keys.published().map(published -> {
            List<Map<String, Object>> jwks = published.stream()
                    .map(key -> EcKeys.publicJwk(key.kid(), key.publicKey())).toList();
            return Response.ok(Map.of("keys", jwks))
                    .header("Cache-Control", "public, max-age=" + config.keys().jwksMaxAge().toSeconds())
                    .build();
        });
    }
}

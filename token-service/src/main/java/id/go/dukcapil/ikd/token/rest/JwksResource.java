package id.go.dukcapil.ikd.token.rest;

import java.util.List;
import java.util.Map;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jose4j.jwk.JsonWebKey;
import org.jose4j.jwk.PublicJsonWebKey;
import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.lang.JoseException;

import id.go.dukcapil.ikd.token.config.TokenConfig;
import id.go.dukcapil.ikd.token.domain.SigningKey;
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
            + "keys whose tokens may still be live, so offline readers can verify. The kid of a key is the base64url "
            + "of the COSE kid (protected header, label 4) of the QR credential, and the JWS kid of legacy tokens. "
            + "Cacheable for a short time.")
    @APIResponse(responseCode = "200", description = "JWK Set (RFC 7517)", content = @Content(
            mediaType = jakarta.ws.rs.core.MediaType.APPLICATION_JSON, schema = @Schema(type = SchemaType.OBJECT),
            examples = @ExampleObject(name = "keys", summary = "The signing key and its scheduled successor", value = """
                    {"keys": [
                      {"kty": "EC", "kid": "q7Xb2LmT", "use": "sig", "alg": "ES256", "crv": "P-256",
                       "x": "f83OJ3D2xF1Bg8vub9tLe1gHMzV76e8Tus9uPHvRVEU", "y": "x_FEzRu9m36HLN_tue659LNpXW6pCyStikYjKIWI5a0"},
                      {"kty": "EC", "kid": "Zr4pW0sK", "use": "sig", "alg": "ES256", "crv": "P-256",
                       "x": "gI0GAILBdu7T53akrFmMyGcsF3n5dO7MmwNBHKW5SV0", "y": "SLW_xSffzlPWrHEVI30DHM_4egVwt3NQqeUD7nMFpps"}
                    ]}""")))
    public Uni<Response> jwks() {
        return keys.published().map(published -> {
            List<Map<String, Object>> jwks = published.stream().map(JwksResource::publicJwk).toList();
            return Response.ok(Map.of("keys", jwks))
                    .header("Cache-Control", "public, max-age=" + config.keys().jwksMaxAge().toSeconds())
                    .build();
        });
    }

    /** RFC 7517 JWK of a P-256 public key, written by jose4j. */
    static Map<String, Object> publicJwk(SigningKey key) {
        try {
            PublicJsonWebKey jwk = PublicJsonWebKey.Factory.newPublicJwk(key.publicKey());
            jwk.setKeyId(key.kid());
            jwk.setUse("sig");
            jwk.setAlgorithm(AlgorithmIdentifiers.ECDSA_USING_P256_CURVE_AND_SHA256);
            return jwk.toParams(JsonWebKey.OutputControlLevel.PUBLIC_ONLY);
        } catch (JoseException e) {
            throw new IllegalStateException("a P-256 public key is always a JWK", e);
        }
    }
}

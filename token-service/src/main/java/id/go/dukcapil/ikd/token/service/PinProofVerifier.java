package id.go.dukcapil.ikd.token.service;

import java.time.Clock;
import java.time.Instant;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.databind.JsonNode;

import id.go.dukcapil.ikd.token.config.TokenConfig;
import id.go.dukcapil.ikd.token.crypto.CompactJws;
import id.go.dukcapil.ikd.token.crypto.MalformedJwsException;
import id.go.dukcapil.ikd.web.PinProofKeys;
import id.go.dukcapil.ikd.web.ProblemException;
import io.quarkus.runtime.Startup;

/**
 * Checks activation-service's proof that the citizen just entered the app PIN: a compact JWS
 * MACed (HS256) with the PIN-proof key the two services share ({@link PinProofKeys}), named by
 * {@code kid}, {@code typ} {@code ikd-pin-proof+jwt}, for token-service, not expired, about the
 * same subject as the bearer token. Its single use is recorded by the caller.
 */
// created at start-up, so that a missing or short PIN-proof key stops the service before it is ready
@Startup
@ApplicationScoped
public class PinProofVerifier {

    public static final String AUDIENCE = "token-service";

    /** A checked proof: its id and until when it could be presented. */
    public record PinProof(String jti, Instant expiresAt) {
    }

    private final TokenConfig config;
    private final Clock clock;
    private final PinProofKeys keys;

    public PinProofVerifier(TokenConfig config, Clock clock, PinProofKeys.Config pinProofConfig) {
        this.config = config;
        this.clock = clock;
        this.keys = PinProofKeys.of(pinProofConfig);
    }

    public PinProof verify(String compact, String citizenSubject) {
        CompactJws.Parts parts;
        try {
            parts = CompactJws.parse(compact);
        } catch (MalformedJwsException e) {
            throw invalid("Bukti PIN tidak dapat dibaca.", "The PIN proof cannot be read.");
        }
        if (!PinProofKeys.ALGORITHM.equals(parts.headerText("alg")) || !PinProofKeys.TYPE.equals(parts.headerText("typ"))
                || !keys.verify(parts.headerText("kid"), parts.signingInput(), parts.signature())) {
            throw invalid("Tanda tangan atau jenis bukti PIN tidak sah.", "The PIN proof's signature or type is invalid.");
        }
        JsonNode claims = parts.claims();
        Instant now = clock.instant();
        long leeway = config.qr().leeway().toSeconds();
        if (!config.suiteIssuer().equals(text(claims, "iss")) || !hasAudience(claims.get("aud"))
                || !claims.path("exp").canConvertToLong() || text(claims, "jti") == null) {
            throw invalid("Bukti PIN tidak lengkap atau bukan untuk layanan ini.",
                    "The PIN proof is incomplete or not meant for this service.");
        }
        Instant expiresAt = Instant.ofEpochSecond(claims.get("exp").asLong());
        if (now.isAfter(expiresAt.plusSeconds(leeway))) {
            throw invalid("Bukti PIN sudah kedaluwarsa; masukkan PIN aplikasi lagi.",
                    "The PIN proof has expired; enter the app PIN again.");
        }
        if (!citizenSubject.equals(text(claims, "sub"))) {
            throw invalid("Bukti PIN milik pengguna lain.", "The PIN proof belongs to another user.");
        }
        return new PinProof(text(claims, "jti"), expiresAt.plusSeconds(leeway));
    }

    private static boolean hasAudience(JsonNode aud) {
        if (aud == null) {
            return false;
        }
        if (aud.isTextual()) {
            return AUDIENCE.equals(aud.asText());
        }
        for (JsonNode value : aud) {
            if (AUDIENCE.equals(value.asText())) {
                return true;
            }
        }
        return false;
    }

    private static String text(JsonNode claims, String name) {
        JsonNode value = claims.get(name);
        return value != null && value.isTextual() && !value.asText().isBlank() ? value.asText() : null;
    }

    private static ProblemException invalid(String detailId, String detailEn) {
        return new ProblemException(TokenProblems.PIN_PROOF_INVALID, detailId, detailEn);
    }
}

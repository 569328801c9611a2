package id.go.dukcapil.ikd.token.service;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PublicKey;
import java.time.Clock;
import java.time.Instant;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.databind.JsonNode;

import id.go.dukcapil.ikd.token.config.TokenConfig;
import id.go.dukcapil.ikd.token.crypto.CompactJws;
import id.go.dukcapil.ikd.token.crypto.EcKeys;
import id.go.dukcapil.ikd.token.crypto.MalformedJwsException;
import id.go.dukcapil.ikd.web.ProblemException;

/**
 * Checks activation-service's proof that the citizen just entered the app PIN: a compact JWS
 * signed with the suite key, {@code typ} {@code ikd-pin-proof+jwt}, for token-service, not
 * expired, about the same subject as the bearer token. Its single use is recorded by the caller.
 */
@ApplicationScoped
public class PinProofVerifier {

    public static final String PIN_PROOF_TYP = "ikd-pin-proof+jwt";
    public static final String AUDIENCE = "token-service";

    /** A checked proof: its id and until when it could be presented. */
    public record PinProof(String jti, Instant expiresAt) {
    }

    private final TokenConfig config;
    private final Clock clock;
    private final PublicKey suiteKey;

    public PinProofVerifier(TokenConfig config, Clock clock) {
        this.config = config;
        this.clock = clock;
        this.suiteKey = EcKeys.publicKeyFromPem(read(config.suitePublicKeyLocation()));
    }

    public PinProof verify(String compact, String citizenSubject) {
        CompactJws.Parts parts;
        try {
            parts = CompactJws.parse(compact);
        } catch (MalformedJwsException e) {
            throw invalid("Bukti PIN tidak dapat dibaca.", "The PIN proof cannot be read.");
        }
        if (!CompactJws.ES256.equals(parts.headerText("alg")) || !PIN_PROOF_TYP.equals(parts.headerText("typ"))
                || !CompactJws.verifyEs256(parts, suiteKey)) {
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

    /** The suite public key, as MicroProfile JWT locates it: a URL, a file path or a classpath resource. */
    static String read(String location) {
        try {
            if (location.startsWith("file:") || location.startsWith("http:") || location.startsWith("https:")) {
                try (InputStream in = URI.create(location).toURL().openStream()) {
                    return new String(in.readAllBytes(), StandardCharsets.US_ASCII);
                }
            }
            String resource = location.startsWith("classpath:") ? location.substring("classpath:".length()) : location;
            Path path = Path.of(resource);
            if (Files.exists(path)) {
                return Files.readString(path, StandardCharsets.US_ASCII);
            }
            try (InputStream in = Thread.currentThread().getContextClassLoader()
                    .getResourceAsStream(resource.startsWith("/") ? resource.substring(1) : resource)) {
                if (in == null) {
                    throw new IllegalStateException("suite public key not found at " + location);
                }
                return new String(in.readAllBytes(), StandardCharsets.US_ASCII);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the suite public key at " + location, e);
        }
    }
}

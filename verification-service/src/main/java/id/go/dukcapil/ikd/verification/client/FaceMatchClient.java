package id.go.dukcapil.ikd.verification.client;

import java.net.URI;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import id.go.dukcapil.ikd.verification.config.FaceMatchConfig;
import id.go.dukcapil.ikd.verification.domain.FaceImage;
import id.go.dukcapil.ikd.verification.domain.FaceMatchScore;
import id.go.dukcapil.ikd.web.ProviderCall;

/**
 * The remote face-match provider's HTTP API: {@code POST} to {@code ikd.verification.face-match.url} a
 * JSON body with both images, base64, and their media types,
 * {@code {"selfie": {"contentType", "data"}, "registryPhoto": {"contentType", "data"}}}, with the key in
 * {@code X-API-Key}; a 200 answers {@code {"score": 0.87, "provider": "…", "version": "…"}}, the score in
 * [0,1]. Through the platform's {@link ProviderCall}; blocking here (the caller runs it in the
 * {@code face-match} bulkhead, never on the event loop) and bounded by the configured timeout; every failure (timeout, refused connection, 4xx/5xx, an answer that
 * is not that JSON or a score outside [0,1]) is an "unavailable" score with its reason, never an exception.
 */
@ApplicationScoped
public class FaceMatchClient {

    private static final Logger LOG = Logger.getLogger(FaceMatchClient.class);
    /** A score, a name and a version fit in far less; a longer answer is not one. */
    private static final int MAX_ANSWER_BYTES = 16 * 1024;

    private final FaceMatchConfig config;
    private final ObjectMapper json;
    private final ProviderCall provider;

    public FaceMatchClient(FaceMatchConfig config, ObjectMapper json) {
        this.config = config;
        this.json = json;
        this.provider = new ProviderCall(json, config.timeout(), MAX_ANSWER_BYTES);
    }

    /** Blocks for at most the configured timeout (the caller runs it on a bulkhead's thread). */
    public FaceMatchScore compare(FaceImage selfie, FaceImage registryPhoto) {
        if (config.url().isEmpty()) {
            LOG.warn("ikd.verification.face-match.provider=remote without ikd.verification.face-match.url");
            return FaceMatchScore.unavailable("layanan pembanding wajah belum dikonfigurasi",
                    "the face-match service is not configured");
        }
        URI url = config.url().get();
        Map<String, String> headers = config.apiKey().filter(key -> !key.isBlank()).map(key -> Map.of("X-API-Key", key))
                .orElse(Map.of());
        try {
            return provider.post(url, headers, body(selfie, registryPhoto)).map(answer -> read(answer, url))
                    .await().indefinitely();
        } catch (ProviderCall.Unavailable e) {
            LOG.warnf("face-match provider unavailable: %s", e.getMessage());
            return switch (e.reason()) {
                case TIMEOUT -> timedOut(config.timeout());
                case STATUS -> FaceMatchScore.unavailable("layanan pembanding wajah menjawab " + e.status(),
                        "the face-match service answered " + e.status());
                case UNREACHABLE -> FaceMatchScore.unavailable("layanan pembanding wajah tidak dapat dihubungi",
                        "the face-match service cannot be reached");
                case UNREADABLE, OUT_OF_CONTRACT -> FaceMatchScore.unavailable(
                        "jawaban layanan pembanding wajah tidak dapat dibaca", "the face-match service's answer cannot be read");
            };
        }
    }

    /** The reason shown when the provider took longer than {@code timeout}. */
    public static FaceMatchScore timedOut(Duration timeout) {
        String seconds = Long.toString(Math.max(1, timeout.toSeconds()));
        return FaceMatchScore.unavailable("layanan pembanding wajah tidak menjawab dalam " + seconds + " detik",
                "the face-match service did not answer within " + seconds + " s");
    }

    private byte[] body(FaceImage selfie, FaceImage registryPhoto) {
        try {
            return json.writeValueAsBytes(Map.of("selfie", image(selfie), "registryPhoto", image(registryPhoto)));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("the request could not be written", e);
        }
    }

    private static Map<String, String> image(FaceImage image) {
        return Map.of("contentType", image.contentType(), "data", Base64.getEncoder().encodeToString(image.content()));
    }

    private static FaceMatchScore read(JsonNode root, URI url) {
        JsonNode score = root.get("score");
        if (score == null || !score.isNumber()) {
            throw new ProviderCall.Unavailable(ProviderCall.Reason.OUT_OF_CONTRACT, url.getHost() + " answered no numeric score");
        }
        try {
            return FaceMatchScore.scored(score.asDouble(), text(root, "provider", url.getHost()), text(root, "version", "-"));
        } catch (IllegalArgumentException outOfRange) {
            throw new ProviderCall.Unavailable(ProviderCall.Reason.OUT_OF_CONTRACT, url.getHost() + " answered a score outside [0,1]");
        }
    }

    private static String text(JsonNode root, String field, String otherwise) {
        JsonNode node = root.get(field);
        if (node == null || !node.isTextual() || node.asText().isBlank()) {
            return otherwise;
        }
        String value = node.asText().strip();
        return value.length() > 80 ? value.substring(0, 80) : value;
    }
}

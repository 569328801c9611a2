package id.go.dukcapil.ikd.verification.client;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
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

/**
 * The remote face-match provider's HTTP API: {@code POST} to {@code ikd.verification.face-match.url} a
 * JSON body with both images, base64, and their media types,
 * {@code {"selfie": {"contentType", "data"}, "registryPhoto": {"contentType", "data"}}}, with the key in
 * {@code X-API-Key}; a 200 answers {@code {"score": 0.87, "provider": "…", "version": "…"}}, the score in
 * [0,1]. Blocking (the caller runs it in the {@code face-match} bulkhead, never on the event loop) and
 * bounded by the configured timeout; every failure (timeout, refused connection, 4xx/5xx, an answer that
 * is not that JSON or a score outside [0,1]) is an "unavailable" score with its reason, never an exception.
 */
@ApplicationScoped
public class FaceMatchClient {

    private static final Logger LOG = Logger.getLogger(FaceMatchClient.class);
    /** A score, a name and a version fit in far less; a longer answer is not one. */
    private static final int MAX_ANSWER_BYTES = 16 * 1024;

    private final FaceMatchConfig config;
    private final ObjectMapper json;
    private final HttpClient http;

    public FaceMatchClient(FaceMatchConfig config, ObjectMapper json) {
        this.config = config;
        this.json = json;
        this.http = HttpClient.newBuilder().connectTimeout(config.timeout()).followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }

    /** Blocks for at most the configured timeout. */
    public FaceMatchScore compare(FaceImage selfie, FaceImage registryPhoto) {
        if (config.url().isEmpty()) {
            LOG.warn("ikd.verification.face-match.provider=remote without ikd.verification.face-match.url");
            return FaceMatchScore.unavailable("layanan pembanding wajah belum dikonfigurasi",
                    "the face-match service is not configured");
        }
        URI url = config.url().get();
        try {
            HttpRequest.Builder request = HttpRequest.newBuilder(url).timeout(config.timeout())
                    .header("Content-Type", "application/json").header("Accept", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofByteArray(body(selfie, registryPhoto)));
            config.apiKey().filter(key -> !key.isBlank()).ifPresent(key -> request.header("X-API-Key", key));
            HttpResponse<InputStream> response = http.send(request.build(), HttpResponse.BodyHandlers.ofInputStream());
            try (InputStream in = response.body()) {
                if (response.statusCode() != 200) {
                    LOG.warnf("face-match provider %s answered %d", url.getHost(), response.statusCode());
                    return FaceMatchScore.unavailable("layanan pembanding wajah menjawab " + response.statusCode(),
                            "the face-match service answered " + response.statusCode());
                }
                return read(in.readNBytes(MAX_ANSWER_BYTES + 1), url);
            }
        } catch (HttpTimeoutException e) {
            LOG.warnf("face-match provider %s did not answer within %s", url.getHost(), config.timeout());
            return timedOut(config.timeout());
        } catch (IOException e) {
            LOG.warnf("face-match provider %s unreachable: %s", url.getHost(), e.getClass().getSimpleName());
            return FaceMatchScore.unavailable("layanan pembanding wajah tidak dapat dihubungi",
                    "the face-match service cannot be reached");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return timedOut(config.timeout());
        }
    }

    /** The reason shown when the provider took longer than {@code timeout}. */
    public static FaceMatchScore timedOut(Duration timeout) {
        String seconds = Long.toString(Math.max(1, timeout.toSeconds()));
        return FaceMatchScore.unavailable("layanan pembanding wajah tidak menjawab dalam " + seconds + " detik",
                "the face-match service did not answer within " + seconds + " s");
    }

    private byte[] body(FaceImage selfie, FaceImage registryPhoto) throws JsonProcessingException {
        return json.writeValueAsBytes(Map.of("selfie", image(selfie), "registryPhoto", image(registryPhoto)));
    }

    private static Map<String, String> image(FaceImage image) {
        return Map.of("contentType", image.contentType(), "data", Base64.getEncoder().encodeToString(image.content()));
    }

    private FaceMatchScore read(byte[] answer, URI url) {
        try {
            if (answer.length > MAX_ANSWER_BYTES) {
                throw new IllegalArgumentException("answer over " + MAX_ANSWER_BYTES + " bytes");
            }
            JsonNode root = json.readTree(answer);
            JsonNode score = root == null ? null : root.get("score");
            if (score == null || !score.isNumber()) {
                throw new IllegalArgumentException("no numeric score");
            }
            return FaceMatchScore.scored(score.asDouble(), text(root, "provider", url.getHost()), text(root, "version", "-"));
        } catch (IOException | IllegalArgumentException e) {
            LOG.warnf("face-match provider %s gave an answer that is not a score: %s", url.getHost(), e.getMessage());
            return FaceMatchScore.unavailable("jawaban layanan pembanding wajah tidak dapat dibaca",
                    "the face-match service's answer cannot be read");
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

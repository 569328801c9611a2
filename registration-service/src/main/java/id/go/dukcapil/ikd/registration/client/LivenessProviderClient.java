package id.go.dukcapil.ikd.registration.client;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Executor;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import id.go.dukcapil.ikd.registration.config.LivenessConfig;
import id.go.dukcapil.ikd.registration.config.RegistrationConfig;
import id.go.dukcapil.ikd.web.VertxContexts;
import io.smallrye.mutiny.Uni;

/**
 * A remote liveness provider (Dukcapil's biometric service or a vendor's) over HTTPS with the JDK's
 * client, asynchronous, so no thread waits on it. The contract: {@code POST} JSON
 * {@code {"challengeId", "moves": ["LEFT", …], "frames": [base64 JPEG, …]}} with
 * {@code Authorization: Bearer <api-key>}; the answer {@code {"live": true, "bestFrame": n}} or
 * {@code {"live": false, "reason": "NO_FACE" | "MULTIPLE_FACES" | "TOO_DARK" | "CHALLENGE_NOT_FOLLOWED" | …}}.
 * Anything else (no answer within the timeout, a status other than 200, a body not of that shape)
 * is a {@link Unavailable}.
 */
@ApplicationScoped
public class LivenessProviderClient {

    /** The provider's answer; {@code reason} when not live, {@code bestFrame} when live. */
    public record Answer(boolean live, String reason, int bestFrame) {
    }

    /** The provider could not be asked or did not answer as agreed; the message holds no personal data. */
    public static class Unavailable extends RuntimeException {
        public Unavailable(String message) {
            super(message, null, false, false);
        }
    }

    private final LivenessConfig.Remote config;
    private final ObjectMapper json;
    private final HttpClient http;

    public LivenessProviderClient(RegistrationConfig config, ObjectMapper json) {
        this.config = config.selfie().liveness().remote();
        this.json = json;
        this.http = HttpClient.newBuilder().connectTimeout(this.config.timeout())
                .followRedirects(HttpClient.Redirect.NEVER).build();
    }

    public Uni<Answer> check(UUID challengeId, List<String> moves, List<byte[]> frames) {
        String url = config.url().orElseThrow(() -> new Unavailable("ikd.registration.selfie.liveness.remote.url is not set"));
        HttpRequest request;
        try {
            request = HttpRequest.newBuilder(URI.create(url)).timeout(config.timeout())
                    .header("Content-Type", "application/json").header("Accept", "application/json")
                    .header("Authorization", "Bearer " + config.apiKey().orElse(""))
                    .POST(HttpRequest.BodyPublishers.ofByteArray(body(challengeId, moves, frames))).build();
        } catch (IllegalArgumentException e) {
            return Uni.createFrom().failure(new Unavailable("the provider's URL is malformed"));
        }
        // the JDK client completes on its own threads: the answer comes back on the caller's Vert.x context
        return Uni.createFrom().deferred(() -> {
            Executor back = VertxContexts.current();
            return Uni.createFrom().completionStage(() -> http.sendAsync(request, HttpResponse.BodyHandlers.ofByteArray()))
                    .ifNoItem().after(config.timeout().plus(Duration.ofMillis(500)))
                    .failWith(() -> new Unavailable("no answer within " + config.timeout()))
                    .map(this::answer)
                    .onFailure(failure -> !(failure instanceof Unavailable))
                    .transform(failure -> new Unavailable("asking the provider failed: "
                            + failure.getClass().getSimpleName()))
                    .emitOn(back);
        });
    }

    private byte[] body(UUID challengeId, List<String> moves, List<byte[]> frames) {
        ObjectNode body = json.createObjectNode();
        body.put("challengeId", challengeId.toString());
        ArrayNode moveList = body.putArray("moves");
        moves.forEach(moveList::add);
        ArrayNode frameList = body.putArray("frames");
        Base64.Encoder base64 = Base64.getEncoder();
        frames.forEach(frame -> frameList.add(base64.encodeToString(frame)));
        try {
            return json.writeValueAsBytes(body);
        } catch (java.io.IOException e) {
            throw new Unavailable("the request could not be written");
        }
    }

    private Answer answer(HttpResponse<byte[]> response) {
        if (response.statusCode() != 200) {
            throw new Unavailable("the provider answered HTTP " + response.statusCode());
        }
        JsonNode body;
        try {
            body = json.readTree(response.body());
        } catch (java.io.IOException e) {
            throw new Unavailable("the provider's answer is not JSON");
        }
        JsonNode live = body == null ? null : body.get("live");
        if (live == null || !live.isBoolean()) {
            throw new Unavailable("the provider's answer has no boolean 'live'");
        }
        if (live.booleanValue()) {
            JsonNode best = body.get("bestFrame");
            if (best == null || !best.isInt()) {
                throw new Unavailable("the provider's live answer has no integer 'bestFrame'");
            }
            return new Answer(true, null, best.intValue());
        }
        JsonNode reason = body.get("reason");
        return new Answer(false, reason != null && reason.isTextual() ? reason.textValue() : "", -1);
    }
}

package id.go.dukcapil.ikd.registration.client;

import java.net.URI;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import id.go.dukcapil.ikd.registration.config.LivenessConfig;
import id.go.dukcapil.ikd.registration.config.RegistrationConfig;
import id.go.dukcapil.ikd.web.ProviderCall;
import id.go.dukcapil.ikd.web.ProviderCall.Reason;
import id.go.dukcapil.ikd.web.ProviderCall.Unavailable;
import io.smallrye.mutiny.Uni;

/**
 * A remote liveness provider (Dukcapil's biometric service or a vendor's) through the platform's
 * {@link ProviderCall}. The contract: {@code POST} JSON
 * {@code {"challengeId", "moves": ["LEFT", …], "frames": [base64 JPEG, …]}} with
 * {@code Authorization: Bearer <api-key>}; the answer {@code {"live": true, "bestFrame": n}} or
 * {@code {"live": false, "reason": "NO_FACE" | "MULTIPLE_FACES" | "TOO_DARK" | "CHALLENGE_NOT_FOLLOWED" | …}}.
 * Anything else (no answer within the timeout, a status other than 200, a body not of that shape)
 * is an {@link Unavailable}.
 */
@ApplicationScoped
public class LivenessProviderClient {

    /** A verdict and a frame number fit in far less; a longer answer is not one. */
    private static final int MAX_ANSWER_BYTES = 16 * 1024;

    /** The provider's answer; {@code reason} when not live, {@code bestFrame} when live. */
    public record Answer(boolean live, String reason, int bestFrame) {
    }

    private final LivenessConfig.Remote config;
    private final ObjectMapper json;
    private final ProviderCall provider;

    public LivenessProviderClient(RegistrationConfig config, ObjectMapper json) {
        this.config = config.selfie().liveness().remote();
        this.json = json;
        this.provider = new ProviderCall(json, this.config.timeout(), MAX_ANSWER_BYTES);
    }

    public Uni<Answer> check(UUID challengeId, List<String> moves, List<byte[]> frames) {
        URI url;
        try {
            url = URI.create(config.url().orElseThrow(() -> new Unavailable(Reason.UNREACHABLE,
                    "ikd.registration.selfie.liveness.remote.url is not set")));
        } catch (IllegalArgumentException e) {
            return Uni.createFrom().failure(new Unavailable(Reason.UNREACHABLE, "the provider's URL is malformed"));
        } catch (Unavailable notSet) {
            return Uni.createFrom().failure(notSet);
        }
        return provider.post(url, Map.of("Authorization", "Bearer " + config.apiKey().orElse("")),
                body(challengeId, moves, frames)).map(LivenessProviderClient::answer);
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
            throw new IllegalStateException("the request could not be written", e);
        }
    }

    private static Answer answer(JsonNode body) {
        JsonNode live = body.get("live");
        if (live == null || !live.isBoolean()) {
            throw new Unavailable(Reason.OUT_OF_CONTRACT, "the provider's answer has no boolean 'live'");
        }
        if (live.booleanValue()) {
            JsonNode best = body.get("bestFrame");
            if (best == null || !best.isInt()) {
                throw new Unavailable(Reason.OUT_OF_CONTRACT, "the provider's live answer has no integer 'bestFrame'");
            }
            return new Answer(true, null, best.intValue());
        }
        JsonNode reason = body.get("reason");
        return new Answer(false, reason != null && reason.isTextual() ? reason.textValue() : "", -1);
    }
}

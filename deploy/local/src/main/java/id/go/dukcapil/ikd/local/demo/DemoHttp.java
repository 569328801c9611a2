package id.go.dukcapil.ikd.local.demo;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.Map;
import java.util.stream.Collectors;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;

/** The few HTTP calls the demo makes, JSON in and out, through the public APIs only. */
public final class DemoHttp {

    static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(30);

    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    /** An answer: its status and body, the body also as JSON (missing when it is not JSON). */
    public record Reply(String call, int status, String body, JsonNode json) {

        /** The JSON body when the status is one of {@code expected}, else a {@link DemoFailure} saying what came back. */
        public JsonNode expect(int... expected) {
            if (Arrays.stream(expected).noneMatch(s -> s == status)) {
                throw new DemoFailure(call + " → HTTP " + status + " (expected "
                        + Arrays.stream(expected).mapToObj(Integer::toString).collect(Collectors.joining("/"))
                        + "): " + abbreviated(body));
            }
            return json;
        }

        private static String abbreviated(String text) {
            return text.length() <= 600 ? text : text.substring(0, 600) + "…";
        }
    }

    public Reply get(String url, String bearer) {
        return send(request(url, bearer).GET().build());
    }

    public Reply postJson(String url, Object body, String bearer) {
        return postJson(url, body, bearer, null);
    }

    /**
     * With an {@code Idempotency-Key} (made once per step and sent with every try of it), the
     * request may be sent again, by this client or the gateway, without a second effect.
     */
    public Reply postJson(String url, Object body, String bearer, String idempotencyKey) {
        try {
            return send(keyed(request(url, bearer), idempotencyKey).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofByteArray(JSON.writeValueAsBytes(body))).build());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    public Reply postForm(String url, Map<String, String> form) {
        return postForm(url, form, null);
    }

    public Reply postForm(String url, Map<String, String> form, String idempotencyKey) {
        String body = form.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        return send(keyed(request(url, null), idempotencyKey).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build());
    }

    public Reply postMultipart(String url, Multipart multipart, String idempotencyKey) {
        return send(keyed(request(url, null), idempotencyKey).header("Content-Type", multipart.contentType())
                .POST(HttpRequest.BodyPublishers.ofByteArray(multipart.bytes())).build());
    }

    private static HttpRequest.Builder keyed(HttpRequest.Builder builder, String idempotencyKey) {
        return idempotencyKey == null ? builder : builder.header("Idempotency-Key", idempotencyKey);
    }

    private static HttpRequest.Builder request(String url, String bearer) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(url)).timeout(REQUEST_TIMEOUT)
                .header("Accept", "application/json").header("Accept-Language", "id");
        if (bearer != null) {
            builder.header("Authorization", "Bearer " + bearer);
        }
        return builder;
    }

    private Reply send(HttpRequest request) {
        String call = request.method() + " " + request.uri();
        try {
            HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            return new Reply(call, response.statusCode(), response.body(), parse(response.body()));
        } catch (IOException e) {
            throw new DemoFailure(call + " gagal / failed: " + e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DemoFailure(call + " interrupted");
        }
    }

    private static JsonNode parse(String body) {
        try {
            JsonNode json = body.isBlank() ? null : JSON.readTree(body);
            return json == null ? MissingNode.getInstance() : json;
        } catch (JsonProcessingException e) {
            return MissingNode.getInstance();
        }
    }

    /** A step of the demo that did not go as the journey expects; the message says what happened. */
    public static final class DemoFailure extends RuntimeException {
        DemoFailure(String message) {
            super(message);
        }
    }
}

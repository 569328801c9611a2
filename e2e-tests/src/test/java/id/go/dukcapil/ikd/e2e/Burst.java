package id.go.dukcapil.ikd.e2e;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Sends prepared requests all at once (each on a virtual thread, released together by a gate)
 * over loopback, and reads every answer: status, media type and the problem's {@code code}.
 * Bounded: each request waits at most {@link #REQUEST_TIMEOUT}.
 */
final class Burst {

    static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(90);
    /** What a refusal may be, by the rule: 400, 413, 429 or 503, each a problem+json with a code. */
    static final Set<Integer> REFUSALS = Set.of(400, 413, 429, 503);

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10)).followRedirects(HttpClient.Redirect.NEVER).build();

    /** One answer; {@code error} is set (and status -1) when none came: the connection failed or timed out. */
    record Answer(int status, String contentType, String code, String body, String error) {

        boolean isProblem() {
            return contentType != null && contentType.startsWith("application/problem+json") && code != null
                    && !code.isBlank();
        }

        /** {@code 429 RATE_LIMITED}, {@code 200}, {@code 500 (text/html)} or {@code no answer (…)}: how it is counted. */
        String label() {
            if (error != null) {
                return "no answer (" + error + ")";
            }
            if (code != null) {
                return status + " " + code;
            }
            return status + (status >= 400 ? " (" + (contentType == null ? "no body" : contentType) + ", no code)" : "");
        }
    }

    private Burst() {
    }

    static HttpRequest.Builder post(String url) {
        return HttpRequest.newBuilder(URI.create(url)).timeout(REQUEST_TIMEOUT);
    }

    /** Sends every request at the same moment and returns the answers in request order. */
    static List<Answer> send(List<HttpRequest> requests) {
        CountDownLatch gate = new CountDownLatch(1);
        List<Future<Answer>> futures = new ArrayList<>();
        try (ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
            for (HttpRequest request : requests) {
                futures.add(threads.submit(() -> {
                    gate.await();
                    return answer(request);
                }));
            }
            gate.countDown();
            List<Answer> answers = new ArrayList<>();
            for (Future<Answer> future : futures) {
                try {
                    answers.add(future.get(REQUEST_TIMEOUT.toSeconds() + 30, TimeUnit.SECONDS));
                } catch (Exception e) {
                    answers.add(new Answer(-1, null, null, "", e.toString()));
                }
            }
            return answers;
        }
    }

    static Answer answer(HttpRequest request) {
        try {
            HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
            String contentType = response.headers().firstValue("Content-Type").orElse(null);
            String body = response.body() == null ? "" : response.body();
            return new Answer(response.statusCode(), contentType, code(contentType, body), abbreviated(body), null);
        } catch (IOException e) {
            return new Answer(-1, null, null, "", e.getClass().getSimpleName()
                    + (e.getMessage() == null ? "" : ": " + abbreviated(e.getMessage())));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Answer(-1, null, null, "", "interrupted");
        }
    }

    private static String code(String contentType, String body) {
        if (contentType == null || !contentType.contains("json") || body.isBlank()) {
            return null;
        }
        try {
            JsonNode node = JSON.readTree(body);
            return node.hasNonNull("code") ? node.get("code").asText() : null;
        } catch (IOException e) {
            return null;
        }
    }

    private static String abbreviated(String text) {
        String flat = text.replaceAll("\\s+", " ").strip();
        return flat.length() <= 300 ? flat : flat.substring(0, 300) + "…";
    }
}

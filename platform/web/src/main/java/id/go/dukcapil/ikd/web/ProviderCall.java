package id.go.dukcapil.ikd.web;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;
import java.util.concurrent.Flow;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.smallrye.mutiny.Uni;

/**
 * The one way a service asks a remote provider (a national biometric service, a vendor's SDK
 * behind HTTPS) a question in JSON: {@code POST} of a JSON body, redirects never followed, the
 * whole exchange bounded by a timeout, an answer bounded in bytes and read as JSON. Asynchronous
 * on the JDK's client, so no thread waits for the provider; the answer arrives on the caller's
 * Vert.x context when there is one. Every failure is an {@link Unavailable} naming its
 * {@link Reason}; its message holds no personal data (never the body, only the host and status).
 */
public final class ProviderCall {

    /** Why the provider gave no usable answer. */
    public enum Reason {
        /** no answer within the timeout */
        TIMEOUT,
        /** the connection could not be made or broke */
        UNREACHABLE,
        /** an HTTP status other than 200 */
        STATUS,
        /** an answer that is not JSON, or longer than agreed */
        UNREADABLE,
        /** the answer is JSON but not of the agreed shape (the caller's finding) */
        OUT_OF_CONTRACT
    }

    /** The provider could not be asked or did not answer as agreed. */
    public static final class Unavailable extends RuntimeException {
        private final Reason reason;
        private final int status;

        public Unavailable(Reason reason, String message) {
            this(reason, 0, message);
        }

        private Unavailable(Reason reason, int status, String message) {
            super(message, null, false, false);
            this.reason = reason;
            this.status = status;
        }

        public Reason reason() {
            return reason;
        }

        /** The HTTP status for {@link Reason#STATUS}, else 0. */
        public int status() {
            return status;
        }
    }

    private final ObjectMapper json;
    private final Duration timeout;
    private final int maxAnswerBytes;
    private final HttpClient http;

    public ProviderCall(ObjectMapper json, Duration timeout, int maxAnswerBytes) {
        this.json = json;
        this.timeout = timeout;
        this.maxAnswerBytes = maxAnswerBytes;
        this.http = HttpClient.newBuilder().connectTimeout(timeout).followRedirects(HttpClient.Redirect.NEVER).build();
    }

    /** Posts {@code body} (JSON) to {@code url} with {@code headers}; the answer's JSON, or an {@link Unavailable}. */
    public Uni<JsonNode> post(URI url, Map<String, String> headers, byte[] body) {
        HttpRequest request;
        try {
            HttpRequest.Builder builder = HttpRequest.newBuilder(url).timeout(timeout)
                    .header("Content-Type", "application/json").header("Accept", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofByteArray(body));
            headers.forEach(builder::header);
            request = builder.build();
        } catch (IllegalArgumentException e) {
            return Uni.createFrom().failure(new Unavailable(Reason.UNREACHABLE, "the provider's URL is malformed"));
        }
        String host = url.getHost();
        return Uni.createFrom().deferred(() -> {
            Executor back = VertxContexts.current();
            return Uni.createFrom().completionStage(() -> http.sendAsync(request, bounded()))
                    // the request's timeout covers the wait for the headers; this one the body too
                    .ifNoItem().after(timeout.plus(Duration.ofMillis(500)))
                    .failWith(() -> new Unavailable(Reason.TIMEOUT, host + " did not answer within " + timeout))
                    .map(response -> read(response, host))
                    .onFailure(failure -> !(failure instanceof Unavailable))
                    .transform(failure -> unavailable(failure, host))
                    .emitOn(back);
        });
    }

    private JsonNode read(HttpResponse<byte[]> response, String host) {
        if (response.statusCode() != 200) {
            throw new Unavailable(Reason.STATUS, response.statusCode(), host + " answered HTTP " + response.statusCode());
        }
        try {
            JsonNode answer = json.readTree(response.body());
            if (answer == null || answer.isMissingNode()) {
                throw new Unavailable(Reason.UNREADABLE, host + " answered an empty body");
            }
            return answer;
        } catch (IOException e) {
            throw new Unavailable(Reason.UNREADABLE, host + " answered something that is not JSON");
        }
    }

    private Unavailable unavailable(Throwable failure, String host) {
        Throwable cause = failure instanceof CompletionException && failure.getCause() != null ? failure.getCause() : failure;
        if (cause instanceof Unavailable unavailable) {
            return unavailable;
        }
        if (cause instanceof HttpTimeoutException) {
            return new Unavailable(Reason.TIMEOUT, host + " did not answer within " + timeout);
        }
        return new Unavailable(Reason.UNREACHABLE, "asking " + host + " failed: " + cause.getClass().getSimpleName());
    }

    /** The body as bytes, refused (and the exchange cancelled) beyond {@code maxAnswerBytes}. */
    private HttpResponse.BodyHandler<byte[]> bounded() {
        return info -> new HttpResponse.BodySubscriber<>() {
            private final ByteArrayOutputStream received = new ByteArrayOutputStream();
            private final CompletableFuture<byte[]> body = new CompletableFuture<>();
            private Flow.Subscription subscription;

            @Override
            public CompletionStage<byte[]> getBody() {
                return body;
            }

            @Override
            public void onSubscribe(Flow.Subscription subscription) {
                this.subscription = subscription;
                subscription.request(Long.MAX_VALUE);
            }

            @Override
            public void onNext(List<ByteBuffer> buffers) {
                if (body.isDone()) {
                    return;
                }
                for (ByteBuffer buffer : buffers) {
                    byte[] bytes = new byte[buffer.remaining()];
                    buffer.get(bytes);
                    received.writeBytes(bytes);
                }
                if (received.size() > maxAnswerBytes && !body.isDone()) {
                    subscription.cancel();
                    body.completeExceptionally(new Unavailable(Reason.UNREADABLE,
                            "the answer is longer than " + maxAnswerBytes + " bytes"));
                }
            }

            @Override
            public void onError(Throwable failure) {
                body.completeExceptionally(failure);
            }

            @Override
            public void onComplete() {
                body.complete(received.toByteArray());
            }
        };
    }
}

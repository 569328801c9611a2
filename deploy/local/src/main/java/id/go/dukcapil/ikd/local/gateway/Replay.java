package id.go.dukcapil.ikd.local.gateway;

import java.util.List;
import java.util.Set;

import io.vertx.core.MultiMap;
import io.vertx.core.http.HttpMethod;

/**
 * Whether {@link Failover} may send a request to a second replica after the first died under it,
 * and how: only when a second send cannot have a second effect, and the whole request is still
 * at hand to send.
 */
enum Replay {

    /** Sent once, the body streamed: it may have taken effect, and its body is gone. */
    NEVER,
    /** An idempotent method without a body: sent again as it is. */
    AS_IS,
    /**
     * A POST or PATCH with an {@code Idempotency-Key} (the service answers a repeat with the first
     * answer, without a second effect) and a body of at most {@link #MAX_BUFFERED_BODY_BYTES}: the
     * body is read whole first, so the same bytes can be sent again.
     */
    BUFFERED;

    /**
     * The largest body held in memory to be sent again. The largest the services accept is a
     * registration with its selfie (registration-service's max-body-size, 3M), well under this.
     */
    static final long MAX_BUFFERED_BODY_BYTES = 4 * 1024 * 1024;

    static final String IDEMPOTENCY_KEY = "Idempotency-Key";

    /** RFC 9110 §9.2.2. POST and PATCH are not. */
    private static final Set<HttpMethod> IDEMPOTENT = Set.of(HttpMethod.GET, HttpMethod.HEAD, HttpMethod.OPTIONS,
            HttpMethod.PUT, HttpMethod.DELETE);
    private static final Set<HttpMethod> KEYED = Set.of(HttpMethod.POST, HttpMethod.PATCH);

    /** How a request with {@code method} and the client's {@code headers} may be sent again. */
    static Replay of(HttpMethod method, MultiMap headers) {
        long length = bodyLength(headers);
        if (IDEMPOTENT.contains(method)) {
            return length == 0 ? AS_IS : NEVER;
        }
        String key = headers.get(IDEMPOTENCY_KEY);
        boolean keyed = KEYED.contains(method) && key != null && !key.isBlank();
        return keyed && length >= 0 && length <= MAX_BUFFERED_BODY_BYTES ? BUFFERED : NEVER;
    }

    /**
     * The body's length as the client framed it: 0 without Content-Length (HTTP/1.1 requests have
     * no body then), -1 when it is chunked or the length is unclear.
     */
    private static long bodyLength(MultiMap headers) {
        if (headers.contains("Transfer-Encoding")) {
            return -1;
        }
        List<String> lengths = headers.getAll("Content-Length");
        if (lengths.isEmpty()) {
            return 0;
        }
        if (lengths.size() > 1) {
            return -1;
        }
        try {
            long length = Long.parseLong(lengths.get(0).strip());
            return length < 0 ? -1 : length;
        } catch (NumberFormatException e) {
            return -1;
        }
    }
}

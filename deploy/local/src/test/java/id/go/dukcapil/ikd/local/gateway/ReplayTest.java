package id.go.dukcapil.ikd.local.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import io.vertx.core.MultiMap;
import io.vertx.core.http.HttpMethod;

/** Which requests the gateway may send to a second replica, from the method and the client's headers. */
class ReplayTest {

    private static final String KEY = "3f0c9a6e-6d1b-4c55-9a57-2b8e4f1d7c10";

    @Test
    void anIdempotentMethodWithoutBodyIsSentAgainAsItIs() {
        assertThat(Replay.of(HttpMethod.GET, headers())).isEqualTo(Replay.AS_IS);
        assertThat(Replay.of(HttpMethod.DELETE, headers("Content-Length", "0"))).isEqualTo(Replay.AS_IS);
        assertThat(Replay.of(HttpMethod.PUT, headers("Content-Length", "12"))).isEqualTo(Replay.NEVER);
        assertThat(Replay.of(HttpMethod.GET, headers("Transfer-Encoding", "chunked"))).isEqualTo(Replay.NEVER);
    }

    @Test
    void aKeyedPostOrPatchWithABodyWithinTheLimitIsBuffered() {
        assertThat(Replay.of(HttpMethod.POST, headers("Idempotency-Key", KEY, "Content-Length", "512")))
                .isEqualTo(Replay.BUFFERED);
        assertThat(Replay.of(HttpMethod.PATCH, headers("idempotency-key", KEY, "content-length", "512")))
                .isEqualTo(Replay.BUFFERED);
        assertThat(Replay.of(HttpMethod.POST, headers("Idempotency-Key", KEY))).as("no body").isEqualTo(Replay.BUFFERED);
        assertThat(Replay.of(HttpMethod.POST,
                headers("Idempotency-Key", KEY, "Content-Length", Long.toString(Replay.MAX_BUFFERED_BODY_BYTES))))
                .isEqualTo(Replay.BUFFERED);
    }

    @Test
    void aPostWithoutAKeyOrWithABodyNotHeldWholeIsNeverSentAgain() {
        assertThat(Replay.of(HttpMethod.POST, headers("Content-Length", "512"))).isEqualTo(Replay.NEVER);
        assertThat(Replay.of(HttpMethod.POST, headers("Idempotency-Key", " ", "Content-Length", "512")))
                .isEqualTo(Replay.NEVER);
        assertThat(Replay.of(HttpMethod.POST,
                headers("Idempotency-Key", KEY, "Content-Length", Long.toString(Replay.MAX_BUFFERED_BODY_BYTES + 1))))
                .isEqualTo(Replay.NEVER);
        assertThat(Replay.of(HttpMethod.POST, headers("Idempotency-Key", KEY, "Transfer-Encoding", "chunked")))
                .isEqualTo(Replay.NEVER);
        assertThat(Replay.of(HttpMethod.POST, headers("Idempotency-Key", KEY, "Content-Length", "-1")))
                .isEqualTo(Replay.NEVER);
        assertThat(Replay.of(HttpMethod.POST, headers("Idempotency-Key", KEY, "Content-Length", "12x")))
                .isEqualTo(Replay.NEVER);
        assertThat(Replay.of(HttpMethod.POST,
                headers("Idempotency-Key", KEY, "Content-Length", "5", "Content-Length", "6"))).isEqualTo(Replay.NEVER);
    }

    @Test
    void aKeyOnlyCountsOnPostAndPatch() {
        assertThat(Replay.of(HttpMethod.PUT, headers("Idempotency-Key", KEY, "Content-Length", "512")))
                .isEqualTo(Replay.NEVER);
    }

    private static MultiMap headers(String... namesAndValues) {
        MultiMap headers = MultiMap.caseInsensitiveMultiMap();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            headers.add(namesAndValues[i], namesAndValues[i + 1]);
        }
        return headers;
    }
}

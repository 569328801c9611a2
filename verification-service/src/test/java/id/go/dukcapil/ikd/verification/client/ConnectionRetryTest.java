package id.go.dukcapil.ikd.verification.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.smallrye.mutiny.Uni;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;

/**
 * {@link ConnectionRetry} over real loopback sockets and Vert.x's HTTP client (the REST client's
 * transport, so the failures are the ones the clients meet): a connection refused once, a
 * connection reset before any answer, each retried once; a second failure, an answer with an
 * error status and a timeout are not retried again.
 */
class ConnectionRetryTest {

    private static final Duration PATIENCE = Duration.ofSeconds(10);

    private final Vertx vertx = Vertx.vertx();
    private final HttpClient http = vertx.createHttpClient(new HttpClientOptions().setConnectTimeout(2000));
    private final AtomicInteger attempts = new AtomicInteger();
    private Replica replica;

    @AfterEach
    void stop() {
        if (replica != null) {
            replica.close();
        }
        vertx.close().toCompletionStage().toCompletableFuture().join();
    }

    @Test
    void aConnectionRefusedOnceIsSentAgainAfterAShortPause() throws Exception {
        replica = new Replica(0, 200);
        int refusing = freePort(); // nothing listens there: the first attempt is refused
        long started = System.nanoTime();
        String answer = ConnectionRetry.idempotentRead(() -> get(attempts.incrementAndGet() == 1 ? refusing : replica.port))
                .await().atMost(PATIENCE);
        assertThat(answer).isEqualTo("200 answered");
        assertThat(attempts).hasValue(2);
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isGreaterThanOrEqualTo(ConnectionRetry.PAUSE.dividedBy(2));
    }

    @Test
    void aConnectionResetBeforeAnyAnswerIsSentAgain() throws Exception {
        replica = new Replica(1, 200);
        String answer = ConnectionRetry.idempotentRead(() -> get(replica.port)).await().atMost(PATIENCE);
        assertThat(answer).isEqualTo("200 answered");
        assertThat(replica.requests).hasValue(2);
    }

    @Test
    void aSecondConnectionFailureIsNotRetriedAgain() throws Exception {
        replica = new Replica(5, 200);
        assertThatThrownBy(() -> ConnectionRetry.idempotentRead(() -> get(replica.port)).await().atMost(PATIENCE))
                .satisfies(failure -> assertThat(ConnectionRetry.isConnectionFailure(failure)).isTrue());
        assertThat(replica.requests).hasValue(2);
    }

    @Test
    void anAnswerIsNeverRetriedWhateverItsStatus() throws Exception {
        replica = new Replica(0, 503);
        assertThat(ConnectionRetry.idempotentRead(() -> get(replica.port)).await().atMost(PATIENCE))
                .isEqualTo("503 answered");
        assertThat(replica.requests).hasValue(1);
    }

    @Test
    void aTimeoutIsNotAConnectionFailure() {
        assertThat(ConnectionRetry.isConnectionFailure(new java.util.concurrent.TimeoutException())).isFalse();
        assertThat(ConnectionRetry.isConnectionFailure(new RuntimeException(new java.net.SocketTimeoutException()))).isFalse();
        assertThat(ConnectionRetry.isConnectionFailure(new jakarta.ws.rs.ProcessingException(
                new java.net.ConnectException("Connection refused")))).isTrue();
    }

    /** A GET with Vert.x's client: "status answered", or the transport's failure. */
    private Uni<String> get(int port) {
        return Uni.createFrom().completionStage(() -> http.request(new RequestOptions().setMethod(HttpMethod.GET)
                .setHost("127.0.0.1").setPort(port).setURI("/api/v1/registrations/r/counter-codes/c"))
                .compose(request -> request.send().compose(response -> response.body()
                        .map(body -> response.statusCode() + " " + body.toString(StandardCharsets.UTF_8))))
                .toCompletionStage());
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    /** A replica on a raw socket: the first {@code resets} connections are reset after the request head, then it answers. */
    private static final class Replica implements AutoCloseable {
        final ServerSocket server;
        final int port;
        final AtomicInteger requests = new AtomicInteger();

        Replica(int resets, int status) throws IOException {
            server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
            port = server.getLocalPort();
            Thread.ofVirtual().start(() -> {
                while (!server.isClosed()) {
                    try (Socket socket = server.accept()) {
                        readHead(socket.getInputStream());
                        if (requests.incrementAndGet() <= resets) {
                            socket.setSoLinger(true, 0); // RST: the replica died under the request
                            continue;
                        }
                        OutputStream out = socket.getOutputStream();
                        out.write(("HTTP/1.1 " + status + " X\r\nContent-Length: 8\r\nConnection: close\r\n\r\nanswered")
                                .getBytes(StandardCharsets.US_ASCII));
                        out.flush();
                    } catch (IOException e) {
                        // closed by the test, or the client went away
                    }
                }
            });
        }

        private static void readHead(InputStream in) throws IOException {
            int matched = 0;
            for (int b; matched < 4 && (b = in.read()) >= 0;) {
                matched = (b == '\r' || b == '\n') ? matched + 1 : 0;
            }
        }

        @Override
        public void close() {
            try {
                server.close();
            } catch (IOException e) {
                // closing anyway
            }
        }
    }
}

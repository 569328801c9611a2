package id.go.dukcapil.ikd.local.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import id.go.dukcapil.ikd.local.suite.SuiteService;
import id.go.dukcapil.ikd.testing.FreePorts;

/**
 * The gateway when a replica dies under a request, over raw sockets so the death is exact: a
 * replica that reads a request and closes without answering, one that sends a head with a
 * {@code Content-Length} and closes mid-body, one that refuses connections. Every client gets an
 * answer or a closed connection at once (never a hang), a GET is retried once on the other
 * replica, a POST only when it has an {@code Idempotency-Key} and a body small enough to hold
 * (then with the very same bytes), and the dead replica is then skipped.
 */
class GatewayFailoverTest {

    private static final RouteTable ROUTES = RouteTable.read(Path.of("../../deploy/routes.yaml"));
    /** Far below the 30 s after which the campaign's clients gave up. */
    private static final int PATIENCE_MILLIS = 5000;
    private static final String KEY = "3f0c9a6e-6d1b-4c55-9a57-2b8e4f1d7c10";
    private static final String JSON = "Content-Type: application/json\r\n";
    /** A registration with a selfie: larger than one read, so the body reaches the gateway in pieces. */
    private static final String REGISTRATION = "{\"nik\":\"3171011203900001\",\"nama\":\"Andr\u00e9 Siti\","
            + "\"selfie\":\"" + "QUJD".repeat(50_000) + "\"}";

    private final List<RawReplica> replicas = new ArrayList<>();
    private Gateway gateway;
    private int apiPort;

    @AfterEach
    void stop() {
        if (gateway != null) {
            gateway.close();
        }
        replicas.forEach(RawReplica::close);
    }

    @Test
    void aPostWhoseReplicaDiesBeforeAnsweringGets502ReplicaLostAndIsNotSentAgain() throws Exception {
        RawReplica dying = replica(RawReplica.Behaviour.CLOSE_AFTER_REQUEST);
        RawReplica healthy = replica(RawReplica.Behaviour.ANSWER);
        start(dying, healthy);
        // the first request of the round robin goes to the first replica
        String answer = exchange("POST", "/api/v1/registrations", "x".repeat(20_000));
        assertThat(answer).startsWith("HTTP/1.1 502").contains("application/problem+json")
                .contains("\"code\":\"REPLICA_LOST\"").contains("Bad gateway");
        assertThat(dying.requests.get()).isEqualTo(1);
        assertThat(healthy.requests.get()).isZero(); // a POST may have taken effect: never sent twice
    }

    @Test
    void aKeyedPostWhoseReplicaDiesBeforeAnsweringIsSentWithTheSameBodyToTheOtherReplica() throws Exception {
        RawReplica dying = replica(RawReplica.Behaviour.CLOSE_AFTER_REQUEST);
        RawReplica healthy = replica(RawReplica.Behaviour.ANSWER);
        start(dying, healthy);
        String answer = exchange("POST", "/api/v1/registrations", "Idempotency-Key: " + KEY + "\r\n" + JSON,
                REGISTRATION);
        assertThat(answer).startsWith("HTTP/1.1 200").endsWith("replica POST /api/v1/registrations");
        assertThat(dying.requests.get()).isEqualTo(1);
        assertThat(gateway.lost(SuiteService.REGISTRATION, dying.port)).isEqualTo(1);
        byte[] sent = REGISTRATION.getBytes(StandardCharsets.UTF_8);
        assertThat(healthy.answered).singleElement().satisfies(received -> {
            assertThat(received.head()).startsWith("POST /api/v1/registrations ");
            assertThat(received.header("Idempotency-Key")).isEqualTo(KEY);
            assertThat(received.header("Content-Type")).isEqualTo("application/json");
            assertThat(received.header("Content-Length")).isEqualTo(Integer.toString(sent.length));
            assertThat(received.body()).isEqualTo(sent);
        });
    }

    @Test
    void theSamePostWithoutAKeyGets502AndIsNotSentAgain() throws Exception {
        RawReplica dying = replica(RawReplica.Behaviour.CLOSE_AFTER_REQUEST);
        RawReplica healthy = replica(RawReplica.Behaviour.ANSWER);
        start(dying, healthy);
        String answer = exchange("POST", "/api/v1/registrations", JSON, REGISTRATION);
        assertThat(answer).startsWith("HTTP/1.1 502").contains("\"code\":\"REPLICA_LOST\"");
        assertThat(dying.requests.get()).isEqualTo(1);
        assertThat(healthy.requests.get()).isZero();
    }

    @Test
    void aKeyedPostAboveTheBufferedLimitIsStreamedAndNotSentAgain() throws Exception {
        RawReplica dying = replica(RawReplica.Behaviour.CLOSE_AFTER_REQUEST);
        RawReplica healthy = replica(RawReplica.Behaviour.ANSWER);
        start(dying, healthy);
        String chunk = "x".repeat(1 << 20);
        long length = Replay.MAX_BUFFERED_BODY_BYTES + 1;
        List<String> parts = new ArrayList<>(List.of(chunk, chunk, chunk, chunk));
        parts.add("x".repeat((int) length - 4 * chunk.length()));
        String answer = slowUpload("Idempotency-Key: " + KEY + "\r\nContent-Length: " + length, parts);
        assertThat(answer).startsWith("HTTP/1.1 502").contains("\"code\":\"REPLICA_LOST\"");
        assertThat(dying.requests.get()).isEqualTo(1);
        assertThat(healthy.requests.get()).isZero();
    }

    @Test
    void aKeyedPostWhoseClientGoesAwayMidBodyIsDroppedBeforeAnyReplicaIsContacted() throws Exception {
        RawReplica first = replica(RawReplica.Behaviour.ANSWER);
        RawReplica second = replica(RawReplica.Behaviour.ANSWER);
        start(first, second);
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), apiPort)) {
            socket.getOutputStream().write(("POST /api/v1/registrations HTTP/1.1\r\nHost: localhost\r\n"
                    + "Idempotency-Key: " + KEY + "\r\nContent-Length: 1000\r\n\r\n" + "x".repeat(10))
                    .getBytes(StandardCharsets.US_ASCII));
            socket.getOutputStream().flush();
            Thread.sleep(100);
        }
        // the gateway keeps serving, and only the next request was sent to a replica
        assertThat(exchange("GET", "/api/v1/registrations/r1", null)).startsWith("HTTP/1.1 200");
        Thread.sleep(100);
        assertThat(gateway.served(SuiteService.REGISTRATION, first.port)
                + gateway.served(SuiteService.REGISTRATION, second.port)).isEqualTo(1);
        assertThat(first.requests.get() + second.requests.get()).isEqualTo(1);
    }

    @Test
    void aGetWhoseReplicaDiesBeforeAnsweringSucceedsOnTheOtherReplica() throws Exception {
        RawReplica dying = replica(RawReplica.Behaviour.CLOSE_AFTER_REQUEST);
        RawReplica healthy = replica(RawReplica.Behaviour.ANSWER);
        start(dying, healthy);
        String answer = exchange("GET", "/api/v1/registrations/r1", null);
        assertThat(answer).startsWith("HTTP/1.1 200").endsWith("replica GET /api/v1/registrations/r1");
        assertThat(dying.requests.get()).isEqualTo(1);
        assertThat(healthy.requests.get()).isEqualTo(1);
        // the dead replica is marked down: the next requests skip it
        for (int i = 0; i < 4; i++) {
            assertThat(exchange("GET", "/api/v1/registrations/r" + i, null)).startsWith("HTTP/1.1 200");
        }
        assertThat(dying.requests.get()).isEqualTo(1);
    }

    @Test
    void aReplicaDyingMidBodyClosesTheClientsConnectionAtOnce() throws Exception {
        RawReplica dying = replica(RawReplica.Behaviour.DIE_MID_BODY);
        start(dying, dying);
        long started = System.nanoTime();
        String answer = exchange("GET", "/api/v1/registrations/r1", null);
        // the head was already passed on: the connection closes before the promised 1000 bytes
        assertThat(answer).startsWith("HTTP/1.1 200").containsIgnoringCase("Content-Length: 1000");
        assertThat(answer.substring(answer.indexOf("\r\n\r\n") + 4)).hasSizeLessThan(1000);
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofMillis(PATIENCE_MILLIS));
        // and the gateway keeps serving
        assertThat(exchange("GET", "/api/v1/registrations/r2", null)).startsWith("HTTP/1.1 200");
    }

    @Test
    void aChunkedUploadWhoseReplicaDiesWhileTheClientIsStillSendingGets502() throws Exception {
        RawReplica dying = replica(RawReplica.Behaviour.CLOSE_AFTER_REQUEST);
        start(dying, dying);
        String chunk = "x".repeat(4000);
        List<String> parts = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            parts.add(Integer.toHexString(chunk.length()) + "\r\n" + chunk + "\r\n");
        }
        parts.add("0\r\n\r\n");
        assertThat(slowUpload("Transfer-Encoding: chunked", parts)).startsWith("HTTP/1.1 502")
                .contains("\"code\":\"REPLICA_LOST\"");
        assertThat(gateway.lost(SuiteService.REGISTRATION, dying.port)).isEqualTo(1);
    }

    @Test
    void aSizedUploadWhoseReplicaDiesWhileTheClientIsStillSendingGets502() throws Exception {
        RawReplica dying = replica(RawReplica.Behaviour.CLOSE_AFTER_REQUEST);
        start(dying, dying);
        String chunk = "x".repeat(4000);
        assertThat(slowUpload("Content-Length: " + 5 * chunk.length(), List.of(chunk, chunk, chunk, chunk, chunk)))
                .startsWith("HTTP/1.1 502").contains("\"code\":\"REPLICA_LOST\"");
    }

    @Test
    void anUploadToAServiceWithNoLiveReplicaGets503WhileTheClientIsStillSending() throws Exception {
        Map<SuiteService, List<Integer>> ports = new EnumMap<>(SuiteService.class);
        ports.put(SuiteService.REGISTRATION, List.of(FreePorts.next(), FreePorts.next())); // both refuse
        apiPort = FreePorts.next();
        gateway = Gateway.start(ROUTES, Map.of("api", apiPort), Map.of(), ports);
        // 4 MB: far more than the socket buffers hold, so an unread body would block the client
        String chunk = "x".repeat(1 << 20);
        assertThat(slowUpload("Content-Length: " + 4 * chunk.length(), List.of(chunk, chunk, chunk, chunk)))
                .startsWith("HTTP/1.1 503").contains("\"code\":\"NO_LIVE_REPLICA\"");
    }

    /** A multipart POST whose body parts come 150 ms apart (the replica dies meanwhile); the answer read meanwhile. */
    private String slowUpload(String framing, List<String> parts) throws Exception {
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), apiPort)) {
            socket.setSoTimeout(PATIENCE_MILLIS);
            OutputStream out = socket.getOutputStream();
            out.write(("POST /api/v1/registrations HTTP/1.1\r\nHost: localhost\r\n" + framing
                    + "\r\nContent-Type: multipart/form-data; boundary=b\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            Thread writer = Thread.ofVirtual().start(() -> {
                try {
                    for (String part : parts) {
                        out.write(part.getBytes(StandardCharsets.US_ASCII));
                        out.flush();
                        Thread.sleep(150);
                    }
                } catch (IOException | InterruptedException e) {
                    // the gateway may close once it answered: the answer is what counts
                }
            });
            // the answer's head and its JSON body, read while the client is still sending
            StringBuilder answer = new StringBuilder();
            InputStream in = socket.getInputStream();
            for (int b; !answer.toString().endsWith("}") && (b = in.read()) >= 0;) {
                answer.append((char) b);
            }
            // and the client is not left blocked on a body nobody reads
            assertThat(writer.join(Duration.ofMillis(PATIENCE_MILLIS))).as("the client finished sending").isTrue();
            return answer.toString();
        } catch (java.net.SocketTimeoutException hang) {
            throw new AssertionError("no answer within " + PATIENCE_MILLIS + " ms", hang);
        }
    }

    @Test
    void aGetWhoseReplicasBothDieIsTriedOnceMoreThenGets502() throws Exception {
        RawReplica first = replica(RawReplica.Behaviour.CLOSE_AFTER_REQUEST);
        RawReplica second = replica(RawReplica.Behaviour.CLOSE_AFTER_REQUEST);
        start(first, second);
        assertThat(exchange("GET", "/api/v1/registrations/r1", null)).startsWith("HTTP/1.1 502")
                .contains("\"code\":\"REPLICA_LOST\"");
        assertThat(first.requests.get() + second.requests.get()).isEqualTo(2); // retried once, not more
    }

    @Test
    void aRefusingReplicaIsSkippedAndMarkedDown() throws Exception {
        RawReplica healthy = replica(RawReplica.Behaviour.ANSWER);
        int refusing = FreePorts.next(); // nothing listens
        Map<SuiteService, List<Integer>> ports = new EnumMap<>(SuiteService.class);
        ports.put(SuiteService.REGISTRATION, List.of(refusing, healthy.port));
        apiPort = FreePorts.next();
        gateway = Gateway.start(ROUTES, Map.of("api", apiPort), Map.of(), ports);
        for (int i = 0; i < 4; i++) {
            assertThat(exchange("POST", "/api/v1/registrations", "{}")).startsWith("HTTP/1.1 200");
        }
        assertThat(healthy.requests.get()).isEqualTo(4);
        assertThat(gateway.served(SuiteService.REGISTRATION, refusing)).isZero();
    }

    private void start(RawReplica first, RawReplica second) {
        Map<SuiteService, List<Integer>> ports = new EnumMap<>(SuiteService.class);
        ports.put(SuiteService.REGISTRATION, List.of(first.port, second.port));
        apiPort = FreePorts.next();
        gateway = Gateway.start(ROUTES, Map.of("api", apiPort), Map.of(), ports);
    }

    /** One HTTP/1.1 exchange over a raw socket; what arrived until the gateway closed or the patience ran out. */
    private String exchange(String method, String path, String body) throws IOException {
        return exchange(method, path, body == null ? "" : "Content-Type: text/plain\r\n", body);
    }

    /** {@link #exchange(String, String, String)} with {@code headers} (lines ending in CRLF). */
    private String exchange(String method, String path, String headers, String body) throws IOException {
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), apiPort)) {
            socket.setSoTimeout(PATIENCE_MILLIS);
            byte[] content = body == null ? new byte[0] : body.getBytes(StandardCharsets.UTF_8);
            OutputStream out = socket.getOutputStream();
            out.write((method + " " + path + " HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n" + headers
                    + (body == null ? "" : "Content-Length: " + content.length + "\r\n")
                    + "\r\n").getBytes(StandardCharsets.US_ASCII));
            out.write(content);
            out.flush();
            ByteArrayOutputStream answer = new ByteArrayOutputStream();
            InputStream in = socket.getInputStream();
            byte[] chunk = new byte[8192];
            try {
                for (int n; (n = in.read(chunk)) >= 0;) {
                    answer.write(chunk, 0, n);
                }
            } catch (java.net.SocketException reset) {
                // a closed (reset) connection is an answer too: what came before it counts
            }
            return answer.toString(StandardCharsets.UTF_8);
        } catch (java.net.SocketTimeoutException hang) {
            throw new AssertionError("the gateway neither answered nor closed within " + PATIENCE_MILLIS + " ms", hang);
        }
    }

    @Test
    void theExchangeHelperDetectsAHang() throws Exception {
        // the helper must be able to fail: a listener that never answers is reported as a hang
        try (ServerSocket silent = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            apiPort = silent.getLocalPort();
            assertThatThrownBy(() -> exchange("GET", "/", null)).isInstanceOf(AssertionError.class)
                    .hasMessageContaining("neither answered nor closed");
        }
    }

    private RawReplica replica(RawReplica.Behaviour behaviour) throws IOException {
        RawReplica replica = new RawReplica(behaviour);
        replicas.add(replica);
        return replica;
    }
}

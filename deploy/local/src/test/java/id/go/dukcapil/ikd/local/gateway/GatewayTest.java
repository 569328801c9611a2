package id.go.dukcapil.ikd.local.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.sun.net.httpserver.HttpServer;

import id.go.dukcapil.ikd.local.suite.SuiteService;
import id.go.dukcapil.ikd.testing.FreePorts;

/**
 * The gateway with the project's route table over stand-in replicas (JDK HTTP servers that answer
 * with their own name and what they received): routing by host and path, round robin, a replica
 * that refuses connections skipped without a client error, 503 when none accepts, the forwarding
 * headers (replaced, not trusted from the client), and an event stream passed through as it is
 * written.
 */
class GatewayTest {

    private static final RouteTable ROUTES = RouteTable.read(Path.of("../../deploy/routes.yaml"));
    private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private final List<HttpServer> replicas = new ArrayList<>();
    private final ConcurrentLinkedQueue<String> received = new ConcurrentLinkedQueue<>();
    private CountDownLatch releaseStream;
    private Gateway gateway;
    private int apiPort;
    private int portalPort;
    private int registrationA;
    private int registrationB;
    private int verificationDead;

    @BeforeEach
    void start() throws IOException {
        releaseStream = new CountDownLatch(1);
        registrationA = replica("registration-A");
        registrationB = replica("registration-B");
        int activation = replica("activation-A");
        int token = replica("token-A");
        verificationDead = FreePorts.next(); // nothing listens: connections are refused
        Map<SuiteService, List<Integer>> replicaPorts = new EnumMap<>(SuiteService.class);
        replicaPorts.put(SuiteService.REGISTRATION, List.of(registrationA, registrationB));
        replicaPorts.put(SuiteService.ACTIVATION, List.of(FreePorts.next(), activation)); // the first refuses
        replicaPorts.put(SuiteService.TOKEN, List.of(token));
        replicaPorts.put(SuiteService.VERIFICATION, List.of(verificationDead));
        apiPort = FreePorts.next();
        portalPort = FreePorts.next();
        gateway = Gateway.start(ROUTES, Map.of("api", apiPort, "portal", portalPort), Map.of(), replicaPorts);
    }

    @AfterEach
    void stop() {
        releaseStream.countDown();
        gateway.close();
        replicas.forEach(server -> server.stop(0));
    }

    @Test
    void routesByHostAndPathRoundRobinOverTheReplicas() throws Exception {
        List<String> answers = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            answers.add(get(apiPort, "/api/v1/registrations/x").body());
        }
        assertThat(answers).containsExactlyInAnyOrder("registration-A GET /api/v1/registrations/x",
                "registration-A GET /api/v1/registrations/x", "registration-B GET /api/v1/registrations/x",
                "registration-B GET /api/v1/registrations/x");
        assertThat(answers.get(0)).isNotEqualTo(answers.get(1));
        assertThat(get(apiPort, "/api/v1/qr-tokens").body()).isEqualTo("token-A GET /api/v1/qr-tokens");
        assertThat(get(apiPort, "/.well-known/jwks.json?x=1").body()).isEqualTo("token-A GET /.well-known/jwks.json?x=1");
        assertThat(gateway.served(SuiteService.REGISTRATION, registrationA)).isEqualTo(2);
    }

    @Test
    void unknownPathsAndHostsGetRouteNotFound() throws Exception {
        for (String path : List.of("/q/health/ready", "/api/v1/operator/sessions", "/app.js", "/api/v1/registrationsX")) {
            HttpResponse<String> response = get(apiPort, path);
            assertThat(response.statusCode()).as(path).isEqualTo(404);
            assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
            assertThat(response.body()).contains("\"code\":\"ROUTE_NOT_FOUND\"").contains("\"status\":404");
        }
        assertThat(received).isEmpty();
    }

    @Test
    void aReplicaThatRefusesIsSkippedEvenForAPost() throws Exception {
        for (int i = 0; i < 4; i++) {
            HttpResponse<String> response = CLIENT.send(HttpRequest.newBuilder(
                    URI.create("http://127.0.0.1:" + apiPort + "/api/v1/activations"))
                    .POST(HttpRequest.BodyPublishers.ofString("{\"pin\":\"1\"}")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(response.body()).isEqualTo("activation-A POST /api/v1/activations {\"pin\":\"1\"}");
        }
        assertThat(received).hasSize(4); // each POST reached the live replica exactly once
    }

    @Test
    void noLiveReplicaIs503WithRetryAfter() throws Exception {
        HttpResponse<String> response = get(portalPort, "/api/v1/operator/cases");
        assertThat(response.statusCode()).isEqualTo(503);
        assertThat(response.headers().firstValue("Retry-After")).hasValue("5");
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(response.body()).contains("\"code\":\"NO_LIVE_REPLICA\"").contains("verification-service");
    }

    @Test
    void theForwardedHeadersAreTheConnectionsAddressNotTheClientsClaim() throws Exception {
        String answer = rawGet(InetAddress.getByName("127.0.0.2"), apiPort, "/api/v1/qr-tokens/headers",
                "X-Forwarded-For: 10.9.9.9\r\nForwarded: for=10.9.9.9\r\nX-Real-IP: 10.9.9.9\r\n");
        assertThat(answer).contains("x-forwarded-for=127.0.0.2").contains("forwarded=for=127.0.0.2;proto=http")
                .contains("x-forwarded-proto=http").doesNotContain("10.9.9.9");
    }

    @Test
    void anEventStreamArrivesAsItIsWrittenWithoutBuffering() throws Exception {
        HttpResponse<java.io.InputStream> response = CLIENT.send(HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + apiPort + "/api/v1/registrations/r1/events")).build(),
                HttpResponse.BodyHandlers.ofInputStream());
        assertThat(response.statusCode()).isEqualTo(200);
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(response.body(), StandardCharsets.UTF_8))) {
            // the replica holds the stream open after the first event: it must arrive before the end
            assertThat(lines.readLine()).isEqualTo("data: first");
            releaseStream.countDown();
            assertThat(lines.readLine()).isEmpty();
            assertThat(lines.readLine()).isEqualTo("data: second");
        }
    }

    private HttpResponse<String> get(int port, String path) throws Exception {
        return CLIENT.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /** A GET from {@code from} (another loopback address), with extra header lines. */
    private static String rawGet(InetAddress from, int port, String path, String headers) throws IOException {
        try (Socket socket = new Socket()) {
            socket.bind(new InetSocketAddress(from, 0));
            socket.connect(new InetSocketAddress("127.0.0.1", port), 5000);
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            out.write(("GET " + path + " HTTP/1.1\r\nHost: localhost:" + port + "\r\n" + headers
                    + "Connection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            out.flush();
            return new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    /** A stand-in replica: answers "name METHOD uri body"; /headers lists the forwarding headers; /events streams. */
    private int replica(String name) throws IOException {
        int port = FreePorts.next();
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 50);
        server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        server.createContext("/", exchange -> {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            String uri = exchange.getRequestURI().toString();
            received.add(name + " " + uri);
            if (uri.endsWith("/events")) {
                exchange.getResponseHeaders().set("Content-Type", "text/event-stream");
                exchange.sendResponseHeaders(200, 0);
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write("data: first\n\n".getBytes(StandardCharsets.UTF_8));
                    out.flush();
                    releaseStream.await(20, TimeUnit.SECONDS);
                    out.write("data: second\n\n".getBytes(StandardCharsets.UTF_8));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                return;
            }
            String answer;
            if (uri.endsWith("/headers")) {
                StringBuilder headers = new StringBuilder();
                for (String header : List.of("X-Forwarded-For", "Forwarded", "X-Forwarded-Proto", "X-Real-IP")) {
                    exchange.getRequestHeaders().getOrDefault(header, List.of()).forEach(value ->
                            headers.append(header.toLowerCase()).append('=').append(value).append('\n'));
                }
                answer = headers.toString();
            } else {
                answer = (name + " " + exchange.getRequestMethod() + " " + uri + " " + body).strip();
            }
            byte[] bytes = answer.getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, bytes.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        });
        server.start();
        replicas.add(server);
        return port;
    }
}

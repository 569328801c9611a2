package id.go.dukcapil.ikd.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/** A provider on loopback (the JDK's HTTP server) answering as each test scripts it. */
class ProviderCallTest {

    private static final int MAX_ANSWER = 1024;

    private HttpServer server;
    private final AtomicReference<String> receivedKey = new AtomicReference<>();
    private final ProviderCall call = new ProviderCall(new ObjectMapper(), Duration.ofSeconds(1), MAX_ANSWER);

    private interface Script {
        void answer(HttpExchange exchange) throws Exception;
    }

    private URI serve(Script script) throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/check", exchange -> {
            receivedKey.set(exchange.getRequestHeaders().getFirst("X-API-Key"));
            exchange.getRequestBody().readAllBytes();
            try {
                script.answer(exchange);
            } catch (Exception e) {
                // the client gave up (timeout): nothing to answer
            } finally {
                exchange.close();
            }
        });
        server.start();
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/check");
    }

    private static void send(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    @BeforeEach
    @AfterEach
    void stop() {
        if (server != null) {
            server.stop(0);
            server = null;
        }
    }

    @Test
    void anAnswerIsReadAsJsonAndTheHeadersAreSent() throws IOException {
        URI url = serve(exchange -> send(exchange, 200, "{\"score\": 0.5}"));
        JsonNode answer = call.post(url, Map.of("X-API-Key", "k-1"), "{}".getBytes()).await().indefinitely();
        assertThat(answer.get("score").asDouble()).isEqualTo(0.5);
        assertThat(receivedKey.get()).isEqualTo("k-1");
    }

    @Test
    void eachFailureNamesItsReason() throws IOException {
        assertThat(failure(serve(exchange -> send(exchange, 503, "{}")))).satisfies(f -> {
            assertThat(f.reason()).isEqualTo(ProviderCall.Reason.STATUS);
            assertThat(f.status()).isEqualTo(503);
        });
        stop();
        assertThat(failure(serve(exchange -> send(exchange, 200, "<html>not json</html>"))).reason())
                .isEqualTo(ProviderCall.Reason.UNREADABLE);
        stop();
        assertThat(failure(serve(exchange -> send(exchange, 200, "[" + "1,".repeat(MAX_ANSWER) + "1]"))).reason())
                .as("an answer longer than agreed").isEqualTo(ProviderCall.Reason.UNREADABLE);
        stop();
        assertThat(failure(serve(exchange -> Thread.sleep(3_000))).reason()).isEqualTo(ProviderCall.Reason.TIMEOUT);
        stop();
        // a redirect is not followed: its status is the answer
        assertThat(failure(serve(exchange -> {
            exchange.getResponseHeaders().add("Location", "http://127.0.0.1:9/elsewhere");
            send(exchange, 307, "");
        })).status()).isEqualTo(307);
        stop();
        assertThat(failure(URI.create("http://127.0.0.1:9/closed-port")).reason()).isEqualTo(ProviderCall.Reason.UNREACHABLE);
    }

    private ProviderCall.Unavailable failure(URI url) {
        AtomicReference<ProviderCall.Unavailable> caught = new AtomicReference<>();
        assertThatThrownBy(() -> call.post(url, Map.of(), "{}".getBytes()).await().atMost(Duration.ofSeconds(10)))
                .isInstanceOfSatisfying(ProviderCall.Unavailable.class, caught::set);
        return caught.get();
    }
}

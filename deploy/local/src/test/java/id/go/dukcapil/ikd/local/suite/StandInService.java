package id.go.dukcapil.ikd.local.suite;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import com.sun.net.httpserver.HttpServer;

/**
 * A stand-in for a service, run as a process of its own by {@link SupervisorTest}: it answers
 * {@code /q/health/ready} and {@code /q/health/live} on {@code QUARKUS_HTTP_PORT}, as a Quarkus
 * service does, and starts in a moment. Its liveness is DOWN (503) while the file named by
 * {@code STAND_IN_BROKEN_WHILE} exists.
 */
public final class StandInService {

    private StandInService() {
    }

    public static void main(String[] args) throws IOException {
        int port = Integer.parseInt(System.getenv("QUARKUS_HTTP_PORT"));
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 16);
        String brokenMarker = System.getenv("STAND_IN_BROKEN_WHILE");
        server.createContext("/q/health", exchange -> {
            // liveness DOWN while the marker file exists, as a service whose Kafka consumer was closed
            boolean broken = exchange.getRequestURI().getPath().endsWith("/live") && brokenMarker != null
                    && Files.exists(Path.of(brokenMarker));
            byte[] body = (broken ? "{\"status\":\"DOWN\"}" : "{\"status\":\"UP\"}").getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(broken ? 503 : 200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.start();
        System.out.println("stand-in service listening on " + port);
    }
}

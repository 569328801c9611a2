package id.go.dukcapil.ikd.testing;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;

import id.go.dukcapil.ikd.web.RegistryPhotoGrants;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * verification-service's registry-photo endpoint as activation- and token-service call it, on a real HTTP port:
 * tests put a photo for a registration and read back the grant that came with the request. The
 * grant's signature is checked by verification-service's own test (RegistryPhotoTest); here its
 * audience and registration claim are. Unknown registrations answer 404, as verification-service does.
 */
public class RegistryPhotoStub implements QuarkusTestResourceLifecycleManager {

    /** A photo as verification-service would answer it. */
    public record Photo(String contentType, byte[] content) {
    }

    /** Photos by registration; tests put them. */
    public static final Map<UUID, Photo> PHOTOS = new ConcurrentHashMap<>();
    /** The claims of the grant that came with the last request for each registration. */
    public static final Map<UUID, JsonNode> GRANTS = new ConcurrentHashMap<>();
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String PREFIX = "/api/v1/registry-photos/";
    private HttpServer server;

    @Override
    public Map<String, String> start() {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        server.createContext(PREFIX, exchange -> {
            try (exchange) {
                UUID registration = UUID.fromString(exchange.getRequestURI().getPath().substring(PREFIX.length()));
                String grant = exchange.getRequestHeaders().getFirst(RegistryPhotoGrants.HEADER);
                JsonNode claims = grant == null ? null : JSON.readTree(
                        Base64.getUrlDecoder().decode(grant.split("\\.")[1]));
                Photo photo = PHOTOS.get(registration);
                if (claims == null || !RegistryPhotoGrants.AUDIENCE.equals(claims.path("aud").asText(claims.path("aud").path(0).asText()))
                        || !registration.toString().equals(claims.path(RegistryPhotoGrants.REGISTRATION_CLAIM).asText())) {
                    send(exchange, 403, "application/problem+json", "{\"code\":\"PHOTO_GRANT_REQUIRED\"}".getBytes(StandardCharsets.UTF_8));
                    return;
                }
                GRANTS.put(registration, claims);
                if (photo == null) {
                    send(exchange, 404, "application/problem+json", "{\"code\":\"NOT_FOUND\"}".getBytes(StandardCharsets.UTF_8));
                    return;
                }
                send(exchange, 200, photo.contentType(), photo.content());
            }
        });
        server.start();
        return Map.of("quarkus.rest-client.verification-service.url",
                "http://127.0.0.1:" + server.getAddress().getPort());
    }

    private static void send(com.sun.net.httpserver.HttpExchange exchange, int status, String type, byte[] body)
            throws IOException {
        exchange.getResponseHeaders().set("Content-Type", type);
        exchange.sendResponseHeaders(status, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    @Override
    public void stop() {
        if (server != null) {
            server.stop(0);
        }
    }
}

package id.go.dukcapil.ikd.local.infra;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.regex.Pattern;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * The local SMS gateway: accepts what notification-service sends, exactly as the real gateway's
 * contract says, and shows it on a page instead of delivering it.
 *
 * <ul>
 * <li>{@code POST /sms} JSON {@code {"to":"+62...","message":"...","reference":"..."}} (an
 * {@code Authorization: Bearer} header is accepted and not checked) → 202 {@code {"id":"..."}};
 * a number not matching {@code ^\+62[0-9]{8,13}$}, a missing message or malformed JSON → 400
 * problem+json (a permanent failure for the sender).</li>
 * <li>{@code GET /} the messages, newest first; {@code GET /api/messages} the same as JSON.</li>
 * </ul>
 */
public final class SmsOutbox implements AutoCloseable {

    static final Pattern INDONESIAN_NUMBER = Pattern.compile("^\\+62[0-9]{8,13}$");
    private static final int MAX_BODY_BYTES = 64 * 1024;
    private static final ObjectMapper JSON = new ObjectMapper();

    /** One accepted SMS. */
    public record Sms(String id, String to, String message, String reference, Instant acceptedAt) {
    }

    private final List<Sms> accepted = new CopyOnWriteArrayList<>();
    private final HttpServer server;
    private final ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();

    private SmsOutbox(HttpServer server) {
        this.server = server;
    }

    public static SmsOutbox start(int port) {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 0);
            SmsOutbox outbox = new SmsOutbox(server);
            server.createContext("/", outbox::handle);
            server.setExecutor(outbox.executor);
            server.start();
            return outbox;
        } catch (IOException e) {
            throw new UncheckedIOException("could not start the SMS outbox on port " + port, e);
        }
    }

    /** Every SMS accepted so far, oldest first. */
    public List<Sms> messages() {
        return List.copyOf(accepted);
    }

    private void handle(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getPath();
        String method = exchange.getRequestMethod();
        if (path.equals("/sms")) {
            if ("POST".equals(method)) {
                accept(exchange);
            } else {
                Html.methodNotAllowed(exchange, "POST");
            }
            return;
        }
        if (!"GET".equals(method) && !"HEAD".equals(method)) {
            Html.methodNotAllowed(exchange, "GET, HEAD");
            return;
        }
        if (path.equals("/")) {
            Html.sendHtml(exchange, 200, listPage(newestFirst()));
        } else if (path.equals("/api/messages")) {
            Html.send(exchange, 200, "application/json", JSON.writeValueAsString(newestFirst().stream()
                    .map(sms -> Map.of("id", sms.id(), "to", sms.to(), "message", sms.message(),
                            "reference", sms.reference() == null ? "" : sms.reference(),
                            "acceptedAt", sms.acceptedAt().toString()))
                    .toList()));
        } else {
            Html.notFound(exchange);
        }
    }

    private void accept(HttpExchange exchange) throws IOException {
        JsonNode request;
        try (InputStream in = exchange.getRequestBody()) {
            byte[] body = in.readNBytes(MAX_BODY_BYTES + 1);
            if (body.length > MAX_BODY_BYTES) {
                problem(exchange, "sms-request-too-large", "Permintaan terlalu besar", "Request too large");
                return;
            }
            request = JSON.readTree(body);
        } catch (JsonProcessingException e) {
            problem(exchange, "sms-malformed-request", "Permintaan bukan JSON yang sah", "Request is not valid JSON");
            return;
        }
        String to = text(request, "to");
        String message = text(request, "message");
        if (to == null || !INDONESIAN_NUMBER.matcher(to).matches()) {
            problem(exchange, "sms-invalid-number", "Nomor tujuan tidak sah (harus +62 dan 8–13 digit)",
                    "Invalid destination number (must be +62 and 8–13 digits)");
            return;
        }
        if (message == null || message.isBlank()) {
            problem(exchange, "sms-empty-message", "Pesan kosong", "Empty message");
            return;
        }
        Sms sms = new Sms(UUID.randomUUID().toString(), to, message, text(request, "reference"), Instant.now());
        accepted.add(sms);
        Html.send(exchange, 202, "application/json", JSON.writeValueAsString(Map.of("id", sms.id())));
    }

    private static String text(JsonNode request, String field) {
        JsonNode node = request == null ? null : request.get(field);
        return node == null || !node.isTextual() ? null : node.asText();
    }

    private static void problem(HttpExchange exchange, String code, String titleId, String titleEn) throws IOException {
        Html.send(exchange, 400, "application/problem+json", JSON.writeValueAsString(Map.of(
                "type", "urn:ikd:local:" + code, "status", 400, "code", code,
                "title", titleId, "titleEn", titleEn)));
    }

    private List<Sms> newestFirst() {
        List<Sms> list = new ArrayList<>(accepted);
        Collections.reverse(list);
        return list;
    }

    private static String listPage(List<Sms> newestFirst) {
        StringBuilder body = new StringBuilder();
        body.append("<p>").append(Html.label(newestFirst.size() + " SMS terkirim ke kotak keluar ini",
                newestFirst.size() + " SMS sent to this outbox"))
                .append(" · <a href=\"/api/messages\">JSON</a></p>\n");
        if (newestFirst.isEmpty()) {
            body.append("<p>").append(Html.label("Belum ada SMS.", "No SMS yet.")).append("</p>\n");
        } else {
            body.append("<table><tr><th>").append(Html.label("Waktu", "Time"))
                    .append("</th><th>").append(Html.label("Nomor tujuan", "To"))
                    .append("</th><th>").append(Html.label("Pesan", "Message"))
                    .append("</th><th>").append(Html.label("Referensi", "Reference")).append("</th></tr>\n");
            for (Sms sms : newestFirst) {
                body.append("<tr><td>").append(Html.escape(MailInbox.TIME.format(sms.acceptedAt())))
                        .append("</td><td>").append(Html.escape(sms.to()))
                        .append("</td><td><pre>").append(Html.escape(sms.message()))
                        .append("</pre></td><td>").append(Html.escape(sms.reference())).append("</td></tr>\n");
            }
            body.append("</table>\n");
        }
        return Html.page("Kotak Keluar SMS", "SMS Outbox", 5, body.toString());
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}

package id.go.dukcapil.ikd.load;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Reads the local mail server's inbox ({@code GET /api/messages?since=T}: messages received
 * from T on, each with the instant the SMTP server received it) every 100 ms on a thread of its own, and
 * keeps the activation mail of each recipient: its receive time, PIN and link token. One poller
 * for the whole run, however many virtual users wait for mail.
 */
public final class MailWatcher implements AutoCloseable {

    private static final Pattern PIN = Pattern.compile("PIN aktivasi: (\\d{6})");
    private static final Pattern LINK_TOKEN = Pattern.compile("/activate\\?t=([A-Za-z0-9_.~%-]+)");
    private static final Duration POLL = Duration.ofMillis(100);
    private static final ObjectMapper JSON = new ObjectMapper();

    /** An activation mail as the SMTP server received it. */
    public record Mail(Instant receivedAt, String pin, String linkToken) {
    }

    private final String inbox;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private final Map<String, Mail> byRecipient = new ConcurrentHashMap<>();
    private final Thread poller;
    /** Asks again for a little of what it had already seen: a mail stored while the previous answer was written. */
    private static final Duration OVERLAP = Duration.ofSeconds(2);
    private volatile long since;
    private volatile boolean running = true;

    public MailWatcher(String mailInboxUrl) {
        this.inbox = mailInboxUrl + "/api/messages?since=";
        this.since = System.currentTimeMillis() - OVERLAP.toMillis();
        this.poller = Thread.ofPlatform().daemon().name("mail-watcher").start(this::pollLoop);
    }

    public Optional<Mail> mailFor(String email) {
        return Optional.ofNullable(byRecipient.get(email));
    }

    private void pollLoop() {
        while (running) {
            long asked = System.currentTimeMillis();
            JsonNode messages = fetch(since);
            if (messages != null) {
                messages.forEach(this::remember);
                since = asked - OVERLAP.toMillis();
            }
            try {
                Thread.sleep(POLL);
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    private void remember(JsonNode message) {
        String text = message.path("text").asText("");
        Matcher pin = PIN.matcher(text);
        Matcher link = LINK_TOKEN.matcher(text);
        String receivedAt = message.path("receivedAt").asText("");
        if (pin.find() && link.find() && !receivedAt.isEmpty()) {
            byRecipient.put(message.path("to").asText().trim(),
                    new Mail(Instant.parse(receivedAt), pin.group(1), link.group(1)));
        }
    }

    private JsonNode fetch(long since) {
        try {
            HttpResponse<byte[]> response = http.send(HttpRequest.newBuilder(URI.create(inbox + since))
                    .timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofByteArray());
            return response.statusCode() == 200 ? JSON.readTree(response.body()) : null;
        } catch (java.io.IOException e) {
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }

    @Override
    public void close() {
        running = false;
        poller.interrupt();
    }
}

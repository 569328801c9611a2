package id.go.dukcapil.ikd.registration;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.stream.Stream;

/** Reads a server-sent event stream as the app would, one complete event at a time. */
final class SseClient implements AutoCloseable {

    /** One event: its {@code event:} name, {@code id:} and {@code data:}. */
    record Event(String name, String id, String data) {
    }

    private final HttpClient client = HttpClient.newHttpClient();
    private final LinkedBlockingQueue<Event> events = new LinkedBlockingQueue<>();
    private final List<Event> seen = new ArrayList<>();
    private final HttpResponse<Stream<String>> response;

    SseClient(URI uri, Map<String, String> headers) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).header("Accept", "text/event-stream").GET();
        headers.forEach(request::header);
        response = client.send(request.build(), HttpResponse.BodyHandlers.ofLines());
        if (response.statusCode() == 200) {
            CompletableFuture.runAsync(this::read);
        }
    }

    int status() {
        return response.statusCode();
    }

    String contentType() {
        return response.headers().firstValue("Content-Type").orElse("");
    }

    private void read() {
        String name = null;
        String id = null;
        StringBuilder data = new StringBuilder();
        try {
            for (String line : (Iterable<String>) response.body()::iterator) {
                if (line.isEmpty()) {
                    if (!data.isEmpty()) {
                        events.add(new Event(name, id, data.toString()));
                    }
                    name = null;
                    id = null;
                    data.setLength(0);
                } else if (line.startsWith("event:")) {
                    name = line.substring(6).strip();
                } else if (line.startsWith("id:")) {
                    id = line.substring(3).strip();
                } else if (line.startsWith("data:")) {
                    data.append(line.substring(5).strip());
                }
            }
        } catch (RuntimeException closed) {
            // the test closed the stream
        }
    }

    /** The first event (since opening) that matches, waiting up to {@code timeout}. */
    Event await(Predicate<Event> match, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        for (Event event : seen) {
            if (match.test(event)) {
                return event;
            }
        }
        while (true) {
            long left = deadline - System.nanoTime();
            Event event = left <= 0 ? null : events.poll(left, TimeUnit.NANOSECONDS);
            if (event == null) {
                throw new AssertionError("no matching event within " + timeout + "; seen " + seen);
            }
            seen.add(event);
            if (match.test(event)) {
                return event;
            }
        }
    }

    List<Event> seen() {
        return seen;
    }

    @Override
    public void close() {
        response.body().close();
        client.close();
    }
}

package id.go.dukcapil.ikd.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;

/**
 * The citizen app's live stream (SSE) of one registration, opened at a given base URL (a
 * replica, or the gateway) and read on a thread of its own from the moment it is open, so that
 * nothing written meanwhile is missed.
 */
final class LiveStream implements AutoCloseable {

    private final InputStream body;
    private final List<String> dataLines = new CopyOnWriteArrayList<>();
    private final Thread reader;

    private LiveStream(InputStream body) {
        this.body = body;
        this.reader = Thread.ofVirtual().start(this::read);
    }

    static LiveStream open(String registrationService, Journey.Registration registration) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(registrationService + "/api/v1/registrations/"
                + registration.id() + "/events")).header("X-Registration-Secret", registration.secret())
                .header("Accept", "text/event-stream").build();
        HttpResponse<InputStream> response = HttpClient.newHttpClient().send(request,
                HttpResponse.BodyHandlers.ofInputStream());
        assertThat(response.statusCode()).as("the live stream at %s", registrationService).isEqualTo(200);
        return new LiveStream(response.body());
    }

    private void read() {
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(body, StandardCharsets.UTF_8))) {
            String line;
            while ((line = lines.readLine()) != null) {
                if (line.startsWith("data:")) {
                    dataLines.add(line);
                }
            }
        } catch (IOException closed) {
            // closed by the test
        }
    }

    /** The first data line matching {@code match}, waiting up to {@code timeout}. */
    String await(Predicate<String> match, Duration timeout) {
        Instant deadline = Instant.now().plus(timeout);
        while (Instant.now().isBefore(deadline)) {
            for (String line : dataLines) {
                if (match.test(line)) {
                    return line;
                }
            }
            Journey.sleep(Duration.ofMillis(200));
        }
        throw new AssertionError("no matching update within " + timeout.toSeconds() + " s; the stream had: " + dataLines);
    }

    @Override
    public void close() throws IOException {
        body.close();
        reader.interrupt();
    }
}

package id.go.dukcapil.ikd.campaign;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import id.go.dukcapil.ikd.local.suite.SuiteService;

/**
 * Reads every instance's {@code /q/health/ready} and {@code /q/health/group/messaging} twice a
 * second while a round runs, and remembers what it saw: whether any readiness or messaging check
 * was DOWN (an answer other than 200, or no connection), which checks only answered late (no
 * answer within 2 s: a busy machine, not a DOWN the instance reported), and when everything was
 * UP again after the fault.
 */
final class HealthWatch implements AutoCloseable {

    private static final Duration INTERVAL = Duration.ofMillis(500);
    private static final int NO_ANSWER_IN_TIME = -1;
    private static final int NO_CONNECTION = -2;
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();

    private final CampaignSuite suite;
    private final Thread thread;
    private volatile boolean running = true;
    private volatile boolean readyDownSeen;
    private volatile boolean messagingDownSeen;
    /** The last complete reading: when it started (System.nanoTime) and whether everything was UP. */
    record Reading(long startedNanos, boolean allUp) {
    }

    private volatile Reading last = new Reading(Long.MIN_VALUE, false);
    private final List<String> downSeen = new ArrayList<>(); // guarded by this

    HealthWatch(CampaignSuite suite) {
        this.suite = suite;
        this.thread = Thread.ofVirtual().name("health-watch").start(this::watch);
    }

    private void watch() {
        while (running) {
            long started = System.nanoTime();
            boolean everythingUp = true;
            for (SuiteService service : SuiteService.values()) {
                for (String instance : suite.instanceUrls(service)) {
                    int readyStatus = status(instance + "/q/health/ready");
                    int messagingStatus = status(instance + "/q/health/group/messaging");
                    boolean ready = readyStatus == 200;
                    boolean messaging = messagingStatus == 200;
                    if (!ready) {
                        // an answer that only came late is not a DOWN the instance reported
                        readyDownSeen |= readyStatus != NO_ANSWER_IN_TIME;
                        note(service.module() + " ready" + seen(readyStatus));
                    }
                    if (!messaging) {
                        messagingDownSeen |= messagingStatus != NO_ANSWER_IN_TIME;
                        note(service.module() + " messaging" + seen(messagingStatus));
                    }
                    everythingUp &= ready && messaging;
                }
            }
            last = new Reading(started, everythingUp);
            try {
                Thread.sleep(INTERVAL);
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    private synchronized void note(String what) {
        if (!downSeen.contains(what)) {
            downSeen.add(what);
        }
    }

    private static String seen(int status) {
        return switch (status) {
            case NO_ANSWER_IN_TIME -> " (no answer within 2 s)";
            case NO_CONNECTION -> " (no connection)";
            default -> " (" + status + ")";
        };
    }

    private static int status(String url) {
        try {
            return HTTP.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(2)).GET().build(),
                    HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (java.net.http.HttpConnectTimeoutException e) {
            return NO_CONNECTION;
        } catch (java.net.http.HttpTimeoutException e) {
            return NO_ANSWER_IN_TIME;
        } catch (IOException e) {
            return NO_CONNECTION;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }

    /** True when a reading that started after {@code sinceNanos} found every check of every instance UP. */
    boolean allUpSince(long sinceNanos) {
        Reading reading = last;
        return reading.allUp() && reading.startedNanos() - sinceNanos > 0;
    }

    boolean readyDownSeen() {
        return readyDownSeen;
    }

    boolean messagingDownSeen() {
        return messagingDownSeen;
    }

    synchronized List<String> downSeen() {
        return List.copyOf(downSeen);
    }

    @Override
    public void close() {
        running = false;
        thread.interrupt();
    }
}

package id.go.dukcapil.ikd.token;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.IntFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import id.go.dukcapil.ikd.testing.ProcessCpu;

/**
 * The load of {@link TokenServiceBench}: POSTs JSON bodies that are each used once (fresh PIN
 * proofs, fresh QR tokens), a fixed number in flight, a warm-up long enough for the JIT to
 * compile the whole request path, then a measured run. {@code wrk} (Debian package wrk) when it is
 * on the PATH: a separate, lean process, as a real client is; otherwise the JDK's HTTP client in
 * this JVM, which then also spends this JVM's CPU. CPU time per request of this JVM, PostgreSQL
 * and Kafka is read from /proc over the measured run.
 */
final class HttpLoad {

    /** The benchmark runs token-service in its own JVM (@QuarkusTest): its CPU is this JVM's. */
    static final String SERVICE_JVM = "service JVM";
    static final Duration WARM_UP = Duration.ofSeconds(20);
    static final Duration MEASURE = Duration.ofSeconds(10);
    /** Enough for a warm-up at 6,000 requests per second; past them wrk starts over (answers REPLAYED). */
    private static final int WARM_UP_BODIES = 120_000;
    private static final int JDK_CLIENT_BODIES = 80_000;

    /** Requests per second in the measured run, how many answers were the expected kind, and CPU per request. */
    record Result(double perSecond, long requests, long expected, Map<String, Double> cpuMillisPerRequest,
            Instant measuredFrom, Instant measuredTo) {

        String describe() {
            StringBuilder text = new StringBuilder(String.format("%,8.0f /s (%d of %d answers as expected; CPU per request:",
                    perSecond, expected, requests));
            cpuMillisPerRequest.forEach((who, millis) -> text.append(String.format(" %s %.2f ms", who, millis)));
            return text.append(String.format("; measured %s to %s)", measuredFrom, measuredTo)).toString();
        }
    }

    private final URI base;
    private final boolean wrk;
    /** Requests in flight: with group commit, more of them share each database round. */
    private final int connections;

    private HttpLoad(URI base, boolean wrk, int connections) {
        this.base = base;
        this.wrk = wrk;
        this.connections = connections;
    }

    static HttpLoad against(URI base, int connections) {
        return new HttpLoad(base, wrkAvailable(), connections);
    }

    String generator() {
        return (wrk ? "wrk (2 threads, a separate process)" : "the JDK HTTP client in the benchmark's JVM (wrk not found)")
                + ", " + connections + " connections";
    }

    /**
     * Warm-up then measurement; {@code bodies} makes that many request bodies, each to be sent once;
     * {@code expect} is a piece of text the expected answers contain.
     */
    Result post(String path, String bearer, IntFunction<List<String>> bodies, String expect) throws Exception {
        return wrk ? wrk(path, bearer, bodies, expect) : jdkClient(path, bearer, bodies.apply(JDK_CLIENT_BODIES), expect);
    }

    private Result wrk(String path, String bearer, IntFunction<List<String>> bodies, String expect) throws Exception {
        Path dir = Files.createDirectories(Path.of("target", "bench"));
        Path script = dir.resolve("post-lines.lua");
        try (InputStream in = HttpLoad.class.getResourceAsStream("/bench/post-lines.lua")) {
            Files.write(script, in.readAllBytes());
        }
        Path warmUpLines = dir.resolve("bodies-warm-up.txt");
        Files.write(warmUpLines, bodies.apply(WARM_UP_BODIES));
        WrkRun warmUp = runWrk(script, WARM_UP, environment(warmUpLines, bearer, path, expect));
        // the measured run gets bodies of its own, half again as many as the warm-up's rate would use
        Path measuredLines = dir.resolve("bodies-measured.txt");
        Files.write(measuredLines, bodies.apply((int) Math.max(10_000, warmUp.perSecond() * MEASURE.toSeconds() * 1.5)));
        Map<String, Long> before = ProcessCpu.snapshot(SERVICE_JVM);
        Instant from = Instant.now();
        WrkRun measured = runWrk(script, MEASURE, environment(measuredLines, bearer, path, expect));
        Map<String, Long> after = ProcessCpu.snapshot(SERVICE_JVM);
        return new Result(measured.perSecond(), measured.requests(), measured.expected(),
                ProcessCpu.millisPerRequest(before, after, measured.requests()), from, Instant.now());
    }

    private record WrkRun(double perSecond, long requests, long expected) {
    }

    private static Map<String, String> environment(Path bodies, String bearer, String path, String expect) {
        return Map.of("BODIES", bodies.toString(), "BEARER", bearer, "URLPATH", path, "EXPECT", expect, "THREADS", "2");
    }

    private WrkRun runWrk(Path script, Duration duration, Map<String, String> environment)
            throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder("wrk", "-t2", "-c" + connections, "-d" + duration.toSeconds() + "s",
                "--timeout", "10s", "-s", script.toString(), base.resolve("/").toString().replaceAll("/$", ""))
                .redirectErrorStream(true);
        builder.environment().putAll(environment);
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (process.waitFor() != 0) {
            throw new IllegalStateException("wrk failed:\n" + output);
        }
        return new WrkRun(Double.parseDouble(group(output, "Requests/sec:\\s+([0-9.]+)")),
                Long.parseLong(group(output, "(\\d+) requests in")),
                Long.parseLong(group(output, "expected answers: (\\d+)")));
    }

    private Result jdkClient(String path, String bearer, List<String> bodies, String expect) throws Exception {
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .executor(Executors.newVirtualThreadPerTaskExecutor()).build();
        Semaphore inFlight = new Semaphore(connections);
        AtomicLong answered = new AtomicLong();
        AtomicLong expected = new AtomicLong();
        long measureFrom = System.nanoTime() + WARM_UP.toNanos();
        long end = measureFrom + MEASURE.toNanos();
        Map<String, Long> before = null;
        Instant from = null;
        long answeredBefore = 0;
        long expectedBefore = 0;
        long measuredFrom = 0;
        for (int next = 0; System.nanoTime() < end && next < bodies.size(); next++) {
            if (before == null && System.nanoTime() >= measureFrom) {
                before = ProcessCpu.snapshot(SERVICE_JVM);
                from = Instant.now();
                answeredBefore = answered.get();
                expectedBefore = expected.get();
                measuredFrom = System.nanoTime();
            }
            HttpRequest request = HttpRequest.newBuilder(base.resolve(path)).header("Authorization", "Bearer " + bearer)
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(bodies.get(next))).build();
            inFlight.acquire();
            client.sendAsync(request, HttpResponse.BodyHandlers.ofString()).whenComplete((response, error) -> {
                answered.incrementAndGet();
                if (error == null && response.body().contains(expect)) {
                    expected.incrementAndGet();
                }
                inFlight.release();
            });
        }
        inFlight.acquire(connections);
        if (before == null) {
            throw new IllegalStateException("ran out of request bodies during the warm-up");
        }
        long requests = answered.get() - answeredBefore;
        return new Result(requests / ((System.nanoTime() - measuredFrom) / 1e9), requests,
                expected.get() - expectedBefore, ProcessCpu.millisPerRequest(before, ProcessCpu.snapshot(SERVICE_JVM), requests),
                from, Instant.now());
    }

    private static boolean wrkAvailable() {
        try {
            Process process = new ProcessBuilder("wrk", "--version").redirectErrorStream(true).start();
            process.getInputStream().readAllBytes();
            process.waitFor();
            return true;
        } catch (IOException | InterruptedException e) {
            return false;
        }
    }

    private static String group(String text, String regex) {
        Matcher matcher = Pattern.compile(regex).matcher(text);
        if (!matcher.find()) {
            throw new IllegalStateException("no '" + regex + "' in wrk's output:\n" + text);
        }
        return matcher.group(1);
    }
}

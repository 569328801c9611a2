package id.go.dukcapil.ikd.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.microsoft.playwright.Browser;
import com.microsoft.playwright.Playwright;

import id.go.dukcapil.ikd.e2e.Pictures.Picture;
import id.go.dukcapil.ikd.local.demo.Multipart;
import id.go.dukcapil.ikd.local.suite.LocalSuite;
import id.go.dukcapil.ikd.local.suite.ServiceProcess;
import id.go.dukcapil.ikd.local.suite.SuiteService;
import id.go.dukcapil.ikd.testing.HeadlessChromium;

/**
 * Hostile bursts against the real suite: the five services as separate processes from their
 * packaged applications, with the heap and JVM flags of {@code ./ikd} and Kubernetes
 * ({@link id.go.dukcapil.ikd.local.suite.ServiceJvm#JVM_OPTIONS}), on free loopback ports ({@link LocalSuite}). Each burst
 * is bounded in count and time. After each one, every process must still be the one started
 * (no exit), every service live, and every refusal a problem+json (400, 413, 429 or 503) with a
 * {@code code}. The figures are printed and written to {@code target/hostile-load.md}.
 *
 * <p>It runs on the journey tests' suite ({@link Suite#shared()}), after every journey class
 * ({@link Suite#HOSTILE_BURSTS}); one suite start serves both. Its last test kills
 * notification-service; only {@link QrLifetimeTest}, which needs token-service alone, comes after it.
 */
@Order(Suite.HOSTILE_BURSTS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class HostileLoadTest {

    private static final String ONE_MEGABYTE = "A".repeat(1 << 20);
    private static final Duration RECOVERY_WAIT = Duration.ofSeconds(240);
    private static final ObjectMapper JSON = new ObjectMapper();

    private static Suite suite;
    private static LocalSuite local;
    private static Journey journey;
    private static Journey.Registration citizen;
    private static Device citizenPhone;

    @BeforeAll
    static void startSuiteWithAnActivatedCitizen() {
        suite = Suite.shared();
        local = suite.local();
        journey = new Journey(suite);
        try (Playwright playwright = Playwright.create(); Browser browser = HeadlessChromium.launch(playwright)) {
            Journey.Activated activated = journey.approveAndActivate(browser, Journey.BAGUS_NIK, "hostile", "demo.operator");
            citizen = activated.registration();
            citizenPhone = activated.phone();
        }
        journey.openSession(citizen, citizenPhone, Journey.APP_PIN); // the first session sets the app PIN
    }

    @AfterAll
    static void writeFigures() {
        System.out.println("\n[hostile] figures:\n" + AttackReport.markdown());
        AttackReport.write(Path.of(System.getProperty("ikd.hostile.report", "target/hostile-load.md")));
    }

    // --- bursts of legitimate but expensive requests ---

    @Test
    @Order(1)
    void fiftyConcurrentAppPinChecks() {
        List<HttpRequest> requests = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            Burst.Answer challenge = Burst.answer(json(SuiteService.ACTIVATION, "/api/v1/citizen/session-challenges",
                    Map.of("registrationId", citizen.id())));
            assertThat(challenge.status()).as("session challenge %d: %s", i, challenge).isEqualTo(200);
            String nonce = field(challenge, "nonce");
            requests.add(json(SuiteService.ACTIVATION, "/api/v1/citizen/sessions",
                    Map.of("nonce", nonce, "deviceSignature", citizenPhone.sign(nonce), "appPin", Journey.APP_PIN)));
        }
        attack("App-PIN checks", "POST /api/v1/citizen/sessions, right PIN, one activated citizen",
                SuiteService.ACTIVATION, Set.of(200), requests);
    }

    @Test
    @Order(2)
    void fiftyConcurrentOperatorLogins() {
        List<HttpRequest> requests = Stream.generate(() -> json(SuiteService.VERIFICATION, "/api/v1/operator/sessions",
                Map.of("username", "demo.operator", "password", Journey.DEMO_PASSWORD))).limit(50).toList();
        attack("Operator logins", "POST /api/v1/operator/sessions, right password", SuiteService.VERIFICATION,
                Set.of(200), requests);
    }

    @Test
    @Order(3)
    void tenConcurrentMaximumSizeSelfies() {
        Picture selfie = Pictures.maximumSelfie();
        List<HttpRequest> requests = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            requests.add(registration(String.format("317101121200%04d", i + 2), selfie));
        }
        attack("Maximum-size selfies", "registration with a " + selfie.describe(), SuiteService.REGISTRATION,
                Set.of(202), requests);
    }

    // --- decompression bombs: every answer must be a refusal ---

    @Test
    @Order(4)
    void decompressionBombsToRegistrationAndTheVerifierUpload() {
        List<AttackReport.Row> rows = new ArrayList<>();
        for (Picture bomb : List.of(Pictures.pngBombOneBit(), Pictures.pngBombDeep(), Pictures.jpegBombFlat(),
                Pictures.jpegBombHeader())) {
            List<HttpRequest> selfies = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                selfies.add(registration(String.format("317101121200%04d", i + 20), bomb));
            }
            rows.add(attackRow("Decompression bombs", "selfie: " + bomb.describe(), SuiteService.REGISTRATION,
                    Set.of(), selfies));
            List<HttpRequest> uploads = Stream.generate(() -> {
                Multipart form = new Multipart().file("picture", "qr" + extension(bomb), bomb.contentType(), bomb.bytes());
                return verifierPagePost(form);
            }).limit(4).toList();
            rows.add(attackRow("Decompression bombs", "QR picture: " + bomb.describe(), SuiteService.TOKEN,
                    Set.of(), uploads));
        }
        assertPassed(rows);
    }

    // --- a 1 MB field to every form endpoint ---

    @Test
    @Order(5)
    void oneMegabyteFieldToEveryFormEndpoint() {
        String someCase = UUID.randomUUID().toString();
        List<AttackReport.Row> rows = new ArrayList<>();
        rows.add(formField(SuiteService.ACTIVATION, "/activate", "t=" + ONE_MEGABYTE + "&pin=123456&captcha=x"));
        rows.add(formField(SuiteService.ACTIVATION, "/activate/resend", "t=" + ONE_MEGABYTE));
        rows.add(formField(SuiteService.TOKEN, "/api/v1/relying-party/tokens",
                "grant_type=client_credentials&client_id=" + ONE_MEGABYTE + "&client_secret=x"));
        rows.add(formField(SuiteService.VERIFICATION, "/portal/login", "username=" + ONE_MEGABYTE + "&password=x"));
        rows.add(formField(SuiteService.VERIFICATION, "/portal/logout", "csrf=" + ONE_MEGABYTE));
        rows.add(formField(SuiteService.VERIFICATION, "/portal/scan", "code=" + ONE_MEGABYTE));
        rows.add(formField(SuiteService.VERIFICATION, "/portal/cases/" + someCase + "/decision",
                "decision=APPROVED&note=" + ONE_MEGABYTE));
        rows.add(formField(SuiteService.VERIFICATION, "/portal/cases/" + someCase + "/review",
                "decision=APPROVED&note=" + ONE_MEGABYTE));
        rows.add(attackRow("1 MB form field", "multipart field nik of 1 MB", SuiteService.REGISTRATION, Set.of(),
                List.of(multipart(SuiteService.REGISTRATION, "/api/v1/registrations",
                        registrationForm(ONE_MEGABYTE, Device.create(),
                                new Picture("selfie", "image/png", Selfie.png()))))));
        rows.add(attackRow("1 MB form field", "multipart field token of 1 MB", SuiteService.TOKEN, Set.of(),
                List.of(verifierPagePost(new Multipart().field("token", ONE_MEGABYTE)))));
        assertPassed(rows);
    }

    // --- afterwards: all up, and a killed service comes back ---

    @Test
    @Order(90)
    void everyServiceIsStillTheProcessStartedAndLive() {
        for (ServiceProcess process : local.processes()) {
            assertThat(process.exits()).as("%s exited during the run", process.service().module()).isEmpty();
            assertThat(process.isAlive()).as(process.service().module()).isTrue();
            assertThat(live(process.service())).as("%s /q/health/live", process.service().module()).isTrue();
        }
    }

    @Test
    @Order(100)
    void aServiceKilledWithSigkillIsRestartedAndReadyAgain() {
        ServiceProcess notification = local.process(SuiteService.NOTIFICATION);
        int restartsBefore = notification.restarts();
        long pid = notification.pid();

        notification.kill();

        await().atMost(RECOVERY_WAIT).pollInterval(Duration.ofSeconds(1))
                .until(() -> notification.restarts() == restartsBefore + 1 && notification.isReady());
        assertThat(notification.pid()).isNotEqualTo(pid);
        assertThat(notification.exits().getLast().code()).isEqualTo(137);
        assertThat(live(SuiteService.NOTIFICATION)).isTrue();
    }

    // --- how an attack is run and judged ---

    private static void attack(String attackClass, String sent, SuiteService target, Set<Integer> successes,
            List<HttpRequest> requests) {
        assertPassed(List.of(attackRow(attackClass, sent, target, successes, requests)));
    }

    private static AttackReport.Row formField(SuiteService target, String path, String form) {
        HttpRequest request = Burst.post(local.url(target) + path)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(BodyPublishers.ofString(form)).build();
        return attackRow("1 MB form field", "POST " + path + ", one field of 1 MB", target, Set.of(), List.of(request));
    }

    /**
     * Sends the burst and judges it: an answer is fine when its status is one of {@code successes},
     * or a refusal (400, 413, 429, 503) that is a problem+json with a code. Then every process must
     * be the one started, and every service live (a restarted one is waited for, so that the next
     * burst meets a whole suite).
     */
    private static AttackReport.Row attackRow(String attackClass, String sent, SuiteService target,
            Set<Integer> successes, List<HttpRequest> requests) {
        Map<SuiteService, Integer> exitsBefore = new HashMap<>();
        local.processes().forEach(p -> exitsBefore.put(p.service(), p.exits().size() + (p.isAlive() ? 0 : 1)));
        long logBefore = lines(local.logOf(target));
        long start = System.nanoTime();

        List<Burst.Answer> answers = Burst.send(requests);

        Duration took = Duration.ofNanos(System.nanoTime() - start);
        settle(target, exitsBefore.get(target), answers);
        List<String> failures = new ArrayList<>();
        Map<String, Integer> failed = new java.util.TreeMap<>();
        Map<String, String> sample = new HashMap<>();
        for (Burst.Answer answer : answers) {
            boolean fine = successes.contains(answer.status())
                    || (Burst.REFUSALS.contains(answer.status()) && answer.isProblem());
            if (!fine) {
                failed.merge(answer.label(), 1, Integer::sum);
                sample.putIfAbsent(answer.label(), answer.body());
            }
        }
        failed.forEach((label, n) -> failures.add((label + " × " + n + (sample.get(label).isEmpty() ? ""
                : ": " + abbreviate(sample.get(label), 160))).replace('|', '/')));
        List<String> deaths = new ArrayList<>();
        for (ServiceProcess process : local.processes()) {
            int before = exitsBefore.get(process.service());
            List<ServiceProcess.Exit> exits = process.exits();
            int now = exits.size() + (process.isAlive() ? 0 : 1);
            if (now > before) {
                int code = exits.size() > before ? exits.get(before).code() : process.exitCode();
                deaths.add(process.service().module() + " died (exit code " + code + ")");
            }
        }
        String afterwards = awaitWholeSuite();
        long logLines = Math.max(0, lines(local.logOf(target)) - logBefore);
        AttackReport.Row row = new AttackReport.Row(attackClass, sent, target.module(), requests.size(),
                AttackReport.count(answers), failures, deaths, logLines, took, afterwards);
        AttackReport.add(row);
        return row;
    }

    /**
     * An out-of-memory exit may trail the last answer: a moment after every burst, and up to a
     * minute after one that went unanswered (the target may still be decoding), unless the target
     * dies first. So a death is reported on the burst that caused it.
     */
    private static void settle(SuiteService target, int exitsBefore, List<Burst.Answer> answers) {
        ServiceProcess process = local.process(target);
        Duration wait = answers.stream().anyMatch(answer -> answer.error() != null) ? Duration.ofSeconds(60)
                : Duration.ofSeconds(2);
        long deadline = System.nanoTime() + wait.toNanos();
        while (System.nanoTime() < deadline && process.isAlive() && process.exits().size() <= exitsBefore) {
            Journey.sleep(Duration.ofMillis(250));
        }
    }

    private static void assertPassed(List<AttackReport.Row> rows) {
        List<String> failed = rows.stream().filter(row -> !row.passed()).map(AttackReport.Row::describe).toList();
        assertThat(failed).as("attacks that failed (answers that were not a success or a problem+json refusal,"
                + " or a process that died)").isEmpty();
    }

    /** Waits (bounded) until every service is ready again; says who had to come back. */
    private static String awaitWholeSuite() {
        long start = System.nanoTime();
        List<String> notLive = new ArrayList<>();
        for (ServiceProcess process : local.processes()) {
            if (!live(process.service())) {
                notLive.add(process.service().module());
            }
        }
        if (notLive.isEmpty()) {
            return "all five services live";
        }
        try {
            await().atMost(RECOVERY_WAIT).pollInterval(Duration.ofSeconds(1))
                    .until(() -> local.processes().stream().allMatch(ServiceProcess::isReady));
            return notLive + " not live right after; ready again (restarted) after "
                    + Duration.ofNanos(System.nanoTime() - start).toSeconds() + " s";
        } catch (org.awaitility.core.ConditionTimeoutException e) {
            return notLive + " NOT ready again within " + RECOVERY_WAIT.toSeconds() + " s";
        }
    }

    private static boolean live(SuiteService service) {
        Burst.Answer answer = Burst.answer(HttpRequest.newBuilder(
                java.net.URI.create("http://127.0.0.1:" + local.port(service) + "/q/health/live"))
                .timeout(Duration.ofSeconds(5)).GET().build());
        return answer.status() == 200 && answer.body().contains("UP");
    }

    // --- requests ---

    private static HttpRequest json(SuiteService service, String path, Map<String, String> body) {
        try {
            return Burst.post(local.url(service) + path).header("Content-Type", "application/json")
                    .POST(BodyPublishers.ofString(JSON.writeValueAsString(body))).build();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static HttpRequest registration(String nik, Picture selfie) {
        return multipart(SuiteService.REGISTRATION, "/api/v1/registrations", registrationForm(nik, Device.create(), selfie));
    }

    private static Multipart registrationForm(String nik, Device device, Picture selfie) {
        return new Multipart().field("nik", nik).field("email", Journey.uniqueEmail("hostile"))
                .field("phone", Journey.uniquePhone()).field("language", "id").field("deviceKey", device.publicJwk())
                .file("selfie", "selfie" + extension(selfie), selfie.contentType(), selfie.bytes());
    }

    private static HttpRequest multipart(SuiteService service, String path, Multipart form) {
        return Burst.post(local.url(service) + path).header("Content-Type", form.contentType())
                .POST(BodyPublishers.ofByteArray(form.bytes())).build();
    }

    /**
     * A post to the public verifier page as an attacker scripts it: the page's CSRF token is no
     * secret from whoever loads the page first (it stops other sites, not direct clients).
     */
    private static HttpRequest verifierPagePost(Multipart form) {
        String token = verifierPageCsrfToken();
        form.field("csrf", token);
        return Burst.post(local.url(SuiteService.TOKEN) + "/verify").header("Content-Type", form.contentType())
                .header("Cookie", "ikd_verify_csrf=" + token)
                .POST(BodyPublishers.ofByteArray(form.bytes())).build();
    }

    private static String verifierPageCsrfToken() {
        try {
            HttpResponse<String> page = HttpClient.newHttpClient().send(
                    HttpRequest.newBuilder(URI.create(local.url(SuiteService.TOKEN) + "/verify"))
                            .GET().build(), HttpResponse.BodyHandlers.ofString());
            return page.headers().allValues("Set-Cookie").stream()
                    .filter(cookie -> cookie.startsWith("ikd_verify_csrf="))
                    .map(cookie -> cookie.substring("ikd_verify_csrf=".length()).split(";", 2)[0])
                    .findFirst().orElseThrow(() -> new AssertionError("the verifier page set no CSRF cookie"));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String extension(Picture picture) {
        return picture.contentType().equals("image/png") ? ".png" : ".jpg";
    }

    private static String field(Burst.Answer answer, String name) {
        try {
            return JSON.readTree(answer.body()).get(name).asText();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static long lines(Path log) {
        try (Stream<String> lines = Files.lines(log, java.nio.charset.StandardCharsets.ISO_8859_1)) {
            return lines.count();
        } catch (IOException | java.io.UncheckedIOException e) {
            return 0;
        }
    }

    private static String abbreviate(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max) + "…";
    }
}

package id.go.dukcapil.ikd.local.demo;

import java.io.PrintStream;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;

import id.go.dukcapil.ikd.local.demo.DemoHttp.DemoFailure;
import id.go.dukcapil.ikd.local.demo.DemoHttp.Reply;
import id.go.dukcapil.ikd.local.infra.LocalPorts;
import id.go.dukcapil.ikd.local.process.PortCheck;
import id.go.dukcapil.ikd.local.suite.ServiceProcess;
import id.go.dukcapil.ikd.local.suite.SuiteService;

/**
 * {@code ./ikd demo}: one demo resident through the whole journey against a running
 * {@code ./ikd up}, through the public APIs only, each step numbered as in the SOP (1 app,
 * 2 registration, 3 counter verification, 4 approval and PIN email, 5 activation, 6 app PIN,
 * 7 QR) plus the relying party's check. Exit code 0 when the journey completes, 1 when a step
 * fails, 3 when the suite is not running.
 */
public final class DemoJourney {

    static final String DEMO_NIK = "3171011212000001"; // BAGUS WICAKSONO, office 3171-DEMO, local approval
    static final String OPERATOR_USERNAME = "demo.operator";
    static final String OPERATOR_PASSWORD = "Demo-IKD-2026!";
    static final String APP_PIN = "583920";
    static final String RELYING_PARTY_ID = "demo-verifier";
    static final String RELYING_PARTY_SECRET = "demo-verifier-secret";

    /** The case exists once verification-service has consumed RegistrationSubmitted from Kafka. */
    private static final Duration SCAN_WAIT = Duration.ofSeconds(30);
    private static final Duration MAIL_WAIT = Duration.ofSeconds(60);
    private static final Duration POLL_INTERVAL = Duration.ofMillis(500);
    private static final Pattern ACTIVATION_PIN = Pattern.compile("PIN aktivasi: (\\d{6})");
    private static final Pattern ACTIVATION_LINK = Pattern.compile("(https?://\\S+/activate\\?t=([A-Za-z0-9_.~%-]+))");

    private final PrintStream out;
    private final Map<String, String> publicUrls;
    private final BooleanSupplier suiteRunning;
    private final DemoHttp http = new DemoHttp();
    private final SecureRandom random = new SecureRandom();
    private final List<Timing> timings = new ArrayList<>();
    private String currentStep = "";

    private record Timing(String step, Duration took) {
    }

    private record Registration(String id, String shortCode) {
    }

    /** The operator's counter session and the case it opened, for the decision. */
    private record CounterCase(String operatorToken, String caseId) {
    }


    record ActivationMail(String subject, String text, String pin, String link, String linkToken) {
    }

    private DemoJourney(PrintStream out, Map<String, String> publicUrls, BooleanSupplier suiteRunning) {
        this.out = out;
        this.publicUrls = Map.copyOf(publicUrls);
        this.suiteRunning = suiteRunning;
    }

    /**
     * Runs the demo against {@code ./ikd up}, printing to {@code out}; returns the process exit
     * code. {@code publicUrls}: empty for the single topology; for {@code ./ikd up --ha} the
     * gateway's public hosts ({@code api}, {@code portal}, …), and every call goes through them,
     * as a phone's and an operator's would. {@code suiteRunning}: whether an {@code ./ikd up}
     * runs, which the demo then waits for until it is ready.
     */
    public static int run(PrintStream out, Map<String, String> publicUrls, BooleanSupplier suiteRunning) {
        return new DemoJourney(out, publicUrls, suiteRunning).run();
    }

    private int run() {
        List<String> notReady = SuiteReadiness.await(DemoJourney::notReadyComponents, suiteRunning,
                SuiteReadiness.PATIENCE, SuiteReadiness.INTERVAL, out);
        if (!notReady.isEmpty()) {
            out.println("✗ Suite IKD tidak berjalan / the IKD suite is not running (or not ready yet):");
            notReady.forEach(component -> out.println("    " + component));
            out.println("  Jalankan dulu / start it first: ./ikd up   (wait for \"IKD siap / IKD is ready\"), then ./ikd demo");
            return 3;
        }
        long start = System.nanoTime();
        out.println("Demo IKD: satu penduduk dari registrasi sampai QR terverifikasi / "
                + "one resident from registration to a verified QR");
        try {
            journey();
        } catch (DemoFailure | IllegalArgumentException | IllegalStateException e) {
            out.println();
            out.println("✗ Demo gagal pada langkah / failed at step " + currentStep + ":");
            out.println("    " + e.getMessage());
            out.println("  Log layanan / service logs: ./ikd logs registration|verification|activation|token|notification");
            return 1;
        }
        printSummary(Duration.ofNanos(System.nanoTime() - start));
        return 0;
    }

    private void journey() {
        DeviceKey deviceKey = step("1", "Aplikasi IKD dipasang: kunci perangkat dibuat",
                "IKD app installed: device key generated", () -> {
                    DeviceKey key = DeviceKey.generate();
                    out.println("    Kunci publik / public key (JWK): " + key.publicJwk());
                    return key;
                });
        String email = "bagus.demo." + HexFormat.of().formatHex(randomBytes(4)) + "@example.id";
        String phone = "+62812" + String.format("%08d", random.nextInt(100_000_000));
        Registration registration = step("2", "Registrasi di aplikasi IKD", "Registration in the IKD app",
                () -> register(deviceKey, email, phone));
        CounterCase counterCase = step("3", "Verifikasi di loket: operator memindai kode",
                "Counter verification: the operator scans the code", () -> scanAtCounter(registration));
        step("4a", "Operator menyetujui (KTP-el diperiksa)", "The operator approves (KTP-el checked)", () -> {
            approve(counterCase);
            return null;
        });
        ActivationMail mail = step("4b", "PIN aktivasi tiba lewat email", "The activation PIN arrives by email",
                () -> awaitActivationMail(email));
        step("5", "Aktivasi: tautan + PIN aktivasi + captcha", "Activation: link + activation PIN + captcha", () -> {
            activate(mail);
            return null;
        });
        String citizenToken = step("6", "Buka aplikasi: sesi dengan kunci perangkat, PIN aplikasi",
                "Open the app: session with the device key, app PIN", () -> openAppSession(registration, deviceKey));
        String qrToken = step("7", "Menu KTP Digital + PIN aplikasi: QR IKD diterbitkan",
                "KTP Digital menu + app PIN: the IKD QR is issued", () -> issueQr(citizenToken));
        step("8", "Pihak pengguna memverifikasi QR", "A relying party verifies the QR", () -> {
            verifyTwice(qrToken);
            return null;
        });
    }

    private Registration register(DeviceKey deviceKey, String email, String phone) {
        Multipart form = new Multipart()
                .field("nik", DEMO_NIK)
                .field("email", email)
                .field("phone", phone)
                .field("language", "id")
                .field("deviceKey", deviceKey.publicJwk())
                .file("selfie", "selfie.png", "image/png", SelfieImage.png());
        JsonNode registered = http.postMultipart(url(SuiteService.REGISTRATION, "/api/v1/registrations"), form,
                UUID.randomUUID().toString())
                .expect(202);
        JsonNode counterCode = registered.path("counterCode");
        out.println("    NIK " + DEMO_NIK + ", email " + email + ", telepon / phone " + phone
                + ", swafoto / selfie " + SelfieImage.WIDTH + "×" + SelfieImage.HEIGHT + " PNG");
        out.println("    → registrationId " + registered.path("registrationId").asText() + ", status "
                + registered.path("status").asText());
        out.println("    → kode loket / counter code: " + counterCode.path("shortCode").asText()
                + " (berlaku sampai / valid until " + counterCode.path("expiresAt").asText() + ")");
        return new Registration(registered.path("registrationId").asText(), counterCode.path("shortCode").asText());
    }

    private CounterCase scanAtCounter(Registration registration) {
        JsonNode session = http.postJson(url(SuiteService.VERIFICATION, "/api/v1/operator/sessions"),
                Map.of("username", OPERATOR_USERNAME, "password", OPERATOR_PASSWORD), null).expect(200);
        String operatorToken = session.path("accessToken").asText();
        out.println("    Operator " + OPERATOR_USERNAME + " masuk / signed in (kantor / office "
                + session.path("officeCode").asText() + ")");
        long deadline = System.nanoTime() + SCAN_WAIT.toNanos();
        Reply scan = http.postJson(url(SuiteService.VERIFICATION, "/api/v1/operator/scans"),
                Map.of("shortCode", registration.shortCode()), operatorToken);
        // 404 until verification-service has consumed the registration event from Kafka
        while (scan.status() == 404 && System.nanoTime() < deadline) {
            pause();
            scan = http.postJson(url(SuiteService.VERIFICATION, "/api/v1/operator/scans"),
                    Map.of("shortCode", registration.shortCode()), operatorToken);
        }
        JsonNode found = scan.expect(200);
        JsonNode registry = found.path("registry");
        out.println("    Kode " + registration.shortCode() + " dipindai / scanned → kasus / case "
                + found.path("caseId").asText() + " (" + found.path("status").asText() + ", "
                + found.path("approvalModel").asText() + ")");
        out.println("    Data registri / registry record: " + registry.path("fullName").asText() + ", lahir / born "
                + registry.path("birthDate").asText() + ", KTP-el " + registry.path("ktpElStatus").asText());
        List<String> flags = new ArrayList<>();
        found.path("flags").forEach(flag -> flags.add(flag.path("code").asText()));
        out.println("    Catatan / flags: " + (flags.isEmpty() ? "tidak ada / none" : String.join(", ", flags)));
        return new CounterCase(operatorToken, found.path("caseId").asText());
    }

    private void approve(CounterCase counterCase) {
        JsonNode decided = http.postJson(
                url(SuiteService.VERIFICATION, "/api/v1/operator/cases/" + counterCase.caseId() + "/decision"),
                Map.of("decision", "APPROVED", "channel", "COUNTER", "ktpElChecked", true), counterCase.operatorToken())
                .expect(200);
        out.println("    Keputusan / decision: " + decided.path("status").asText("APPROVED")
                + " di loket / at the counter");
    }

    private ActivationMail awaitActivationMail(String email) {
        String inbox = "http://127.0.0.1:" + LocalPorts.standard().mailInbox() + "/api/messages";
        long deadline = System.nanoTime() + MAIL_WAIT.toNanos();
        while (true) {
            Optional<ActivationMail> mail = activationMail(http.get(inbox, null).expect(200), email);
            if (mail.isPresent()) {
                printMail(email, mail.get());
                return mail.get();
            }
            if (System.nanoTime() > deadline) {
                throw new DemoFailure("no activation email for " + email + " in the mail inbox after "
                        + MAIL_WAIT.toSeconds() + " s (http://localhost:" + LocalPorts.standard().mailInbox() + ")");
            }
            pause();
        }
    }

    /** The newest message to {@code email} that carries an activation PIN and link. */
    static Optional<ActivationMail> activationMail(JsonNode messages, String email) {
        for (JsonNode message : messages) {
            String text = message.path("text").asText("");
            if (!message.path("to").asText().contains(email)) {
                continue;
            }
            Matcher pin = ACTIVATION_PIN.matcher(text);
            Matcher link = ACTIVATION_LINK.matcher(text);
            if (pin.find() && link.find()) {
                return Optional.of(new ActivationMail(message.path("subject").asText(), text, pin.group(1),
                        link.group(1), link.group(2)));
            }
        }
        return Optional.empty();
    }

    private void printMail(String email, ActivationMail mail) {
        out.println("    ┌─ Kepada / To: " + email);
        out.println("    │  Subjek / Subject: " + mail.subject());
        out.println("    │");
        mail.text().strip().lines().forEach(line -> out.println(("    │  " + line).stripTrailing()));
        out.println("    └─ PIN aktivasi (terlihat karena demo / visible because this is the demo): " + mail.pin());
    }

    private void activate(ActivationMail mail) {
        JsonNode issued = http.get(url(SuiteService.ACTIVATION, "/api/v1/activations/captcha-challenge"), null)
                .expect(200);
        ProofOfWork.Challenge challenge = new ProofOfWork.Challenge(issued.path("algorithm").asText(),
                issued.path("challenge").asText(), issued.path("maxnumber").asLong(), issued.path("salt").asText(),
                issued.path("signature").asText());
        long solving = System.nanoTime();
        long number = ProofOfWork.solve(challenge);
        out.printf("    Captcha (proof-of-work): angka / number %d dari / of 0…%d, %d ms%n", number,
                challenge.maxnumber(), Duration.ofNanos(System.nanoTime() - solving).toMillis());
        JsonNode activated = http.postJson(url(SuiteService.ACTIVATION, "/api/v1/activations"),
                Map.of("linkToken", mail.linkToken(), "pin", mail.pin(),
                        "captcha", ProofOfWork.payload(challenge, number)), null).expect(200);
        out.println("    → " + activated.path("status").asText() + " pada / at " + activated.path("activatedAt").asText());
    }

    private String openAppSession(Registration registration, DeviceKey deviceKey) {
        String nonce = http.postJson(url(SuiteService.ACTIVATION, "/api/v1/citizen/session-challenges"),
                Map.of("registrationId", registration.id()), null).expect(200).path("nonce").asText();
        JsonNode session = http.postJson(url(SuiteService.ACTIVATION, "/api/v1/citizen/sessions"),
                Map.of("nonce", nonce, "deviceSignature", deviceKey.sign(nonce), "appPin", APP_PIN), null)
                .expect(200);
        out.println("    Nonce ditandatangani kunci perangkat / nonce signed with the device key; PIN aplikasi / app PIN "
                + APP_PIN + " ditetapkan / set");
        out.println("    → sesi warga / citizen session " + session.path("expiresIn").asLong() + " s, subjek / subject "
                + session.path("subject").asText());
        return session.path("accessToken").asText();
    }

    private String issueQr(String citizenToken) {
        out.println("    PIN aplikasi / app PIN " + APP_PIN + " → bukti PIN / PIN proof (60 s, sekali pakai / single use)");
        // one try: token-service waits (bounded) for its projection to learn of the activation
        Reply minted = mintQr(citizenToken);
        JsonNode qr = minted.expect(201);
        String token = qr.path("token").asText();
        out.println("    Berlaku sampai / valid until " + qr.path("expiresAt").asText() + " ("
                + qr.path("expiresIn").asLong() + " s), " + token.length() + " karakter / characters");
        out.println();
        TerminalQr.of(token).lines().forEach(line -> out.println("    " + line));
        return token;
    }

    private Reply mintQr(String citizenToken) {
        String pinProof = http.postJson(url(SuiteService.ACTIVATION, "/api/v1/citizen/pin-proofs"),
                Map.of("appPin", APP_PIN), citizenToken).expect(200).path("pinProof").asText();
        return http.postJson(url(SuiteService.TOKEN, "/api/v1/qr-tokens"), Map.of("pinProof", pinProof), citizenToken);
    }

    private void verifyTwice(String qrToken) {
        JsonNode client = http.postForm(url(SuiteService.TOKEN, "/api/v1/relying-party/tokens"),
                Map.of("grant_type", "client_credentials", "client_id", RELYING_PARTY_ID,
                        "client_secret", RELYING_PARTY_SECRET)).expect(200);
        String verifierToken = client.path("access_token").asText();
        out.println("    Pihak pengguna / relying party " + RELYING_PARTY_ID + " masuk / signed in (scope "
                + client.path("scope").asText() + ")");
        JsonNode first = verify(qrToken, verifierToken);
        out.println("    Pemeriksaan pertama / first presentation:  " + outcome(first) + " — " + first.path("message").asText());
        first.path("attributes").properties().forEach(attribute ->
                out.printf("        %-18s %s%n", attribute.getKey(), attribute.getValue().asText()));
        if (!first.path("valid").asBoolean()) {
            throw new DemoFailure("the first presentation was refused: " + outcome(first));
        }
        JsonNode second = verify(qrToken, verifierToken);
        out.println("    Pemeriksaan kedua / second presentation:   " + outcome(second) + " — " + second.path("message").asText());
        if (second.path("valid").asBoolean() || !"REPLAYED".equals(second.path("reason").asText())) {
            throw new DemoFailure("the second presentation was not refused as REPLAYED: " + outcome(second));
        }
    }

    private JsonNode verify(String qrToken, String verifierToken) {
        return http.postJson(url(SuiteService.TOKEN, "/api/v1/verifications"), Map.of("token", qrToken), verifierToken)
                .expect(200);
    }

    private static String outcome(JsonNode verification) {
        return verification.path("valid").asBoolean() ? "VALID" : verification.path("reason").asText("INVALID");
    }

    private <T> T step(String number, String titleId, String titleEn, Supplier<T> action) {
        currentStep = number + " (" + titleEn + ")";
        out.println();
        out.println("[" + number + "] " + titleId + " / " + titleEn);
        long start = System.nanoTime();
        T result = action.get();
        Duration took = Duration.ofNanos(System.nanoTime() - start);
        timings.add(new Timing("[" + number + "] " + titleEn, took));
        out.println("    ⏱ " + seconds(took));
        return result;
    }

    private void printSummary(Duration total) {
        out.println();
        out.println("Waktu per langkah / Time per step");
        timings.forEach(timing -> out.printf("  %-58s %8s%n", timing.step(), seconds(timing.took())));
        out.printf("  %-58s %8s%n", "Total", seconds(total));
        out.println();
        out.println("✓ Demo selesai / completed: VALID pada pemeriksaan pertama, REPLAYED pada yang kedua / "
                + "VALID on the first presentation, REPLAYED on the second.");
    }

    /** Every service and the mail inbox must answer; the names of those that do not. */
    private static List<String> notReadyComponents() {
        List<String> notReady = new ArrayList<>();
        for (SuiteService service : SuiteService.values()) {
            int status = ServiceProcess.readiness(service.port());
            if (status != 200) {
                notReady.add(String.format("%-22s :%d  %s", service.module(), service.port(),
                        status == -1 ? "tidak berjalan / not running" : "belum siap / not ready (HTTP " + status + ")"));
            }
        }
        int inbox = LocalPorts.standard().mailInbox();
        if (!PortCheck.acceptsConnections(inbox)) {
            notReady.add(String.format("%-22s :%d  tidak berjalan / not running", "mail inbox", inbox));
        }
        return notReady;
    }

    /** The service's own port, or in the HA topology the gateway's public host that routes {@code path} to it. */
    private String url(SuiteService service, String path) {
        if (!publicUrls.isEmpty()) {
            return publicUrls.get(service == SuiteService.VERIFICATION ? "portal" : "api") + path;
        }
        return "http://127.0.0.1:" + service.port() + path;
    }

    private byte[] randomBytes(int count) {
        byte[] bytes = new byte[count];
        random.nextBytes(bytes);
        return bytes;
    }

    private static void pause() {
        try {
            Thread.sleep(POLL_INTERVAL);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DemoFailure("interrupted");
        }
    }

    private static String seconds(Duration duration) {
        return String.format(Locale.ROOT, "%.1f s", duration.toMillis() / 1000.0);
    }
}

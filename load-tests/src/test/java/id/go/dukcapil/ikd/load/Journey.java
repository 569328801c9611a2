package id.go.dukcapil.ikd.load;

import static io.gatling.javaapi.http.HttpDsl.ByteArrayBodyPart;
import static io.gatling.javaapi.core.CoreDsl.StringBody;
import static io.gatling.javaapi.http.HttpDsl.StringBodyPart;
import static io.gatling.javaapi.core.CoreDsl.asLongAs;
import static io.gatling.javaapi.core.CoreDsl.exec;
import static io.gatling.javaapi.core.CoreDsl.jsonPath;
import static io.gatling.javaapi.core.CoreDsl.pause;
import static io.gatling.javaapi.core.CoreDsl.responseTimeInMillis;
import static io.gatling.javaapi.http.HttpDsl.http;
import static io.gatling.javaapi.http.HttpDsl.status;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Function;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import id.go.dukcapil.ikd.local.demo.DeviceKey;
import id.go.dukcapil.ikd.local.demo.ProofOfWork;
import io.gatling.javaapi.core.Body;
import io.gatling.javaapi.core.ChainBuilder;
import io.gatling.javaapi.core.Session;
import io.gatling.javaapi.http.HttpRequestActionBuilder;

/**
 * The steps of a resident's journey as Gatling chains, through the public APIs only, as
 * {@code ./ikd demo} walks them: register (50 KB JPEG selfie), counter scan and approval, the
 * activation email at the SMTP server, activation (captcha + PIN), app session, PIN proof, QR
 * mint and verification. Each step's time also goes to {@link StepTimings}, with the waits
 * (Kafka until the case exists, approval until the email) that are not HTTP calls.
 */
public final class Journey {

    public static final String APP_PIN = "583920";
    static final String RELYING_PARTY_ID = "demo-verifier";
    static final String RELYING_PARTY_SECRET = "demo-verifier-secret";
    private static final Duration SCAN_WAIT = Duration.ofSeconds(60);
    private static final Duration MAIL_WAIT = Duration.ofSeconds(120);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final byte[] SELFIE = Selfie.jpeg();

    private final LoadSettings settings;
    private final StepTimings timings;

    public Journey(LoadSettings settings, StepTimings timings) {
        this.settings = settings;
        this.timings = timings;
    }

    /** Runs {@code request}, records its time under {@code step} when it succeeded, stops the user when not. */
    ChainBuilder timed(String step, HttpRequestActionBuilder request) {
        return exec(request.check(responseTimeInMillis().saveAs("rt"))).exec(session -> {
            if (session.isFailed()) {
                timings.failed(step);
            } else {
                timings.record(step, session.getInt("rt"));
            }
            return session;
        }).exitHereIfFailed();
    }

    static Body json(Function<Session, Map<String, ?>> body) {
        return StringBody(session -> {
            try {
                return JSON.writeValueAsString(body.apply(session));
            } catch (JsonProcessingException e) {
                throw new IllegalStateException(e);
            }
        });
    }

    /** A new phone: device key, contact details; {@code nik} must be in the session already. */
    public ChainBuilder newResident() {
        return exec(session -> {
            DeviceKey key = DeviceKey.generate();
            return session.set("deviceKey", key).set("jwk", key.publicJwk())
                    .set("email", "load." + UUID.randomUUID().toString().substring(0, 13) + "@example.id")
                    .set("phone", "+62812" + String.format("%08d", ThreadLocalRandom.current().nextInt(100_000_000)));
        });
    }

    public ChainBuilder register() {
        return timed("register (50 KB JPEG selfie)", http("register").post(settings.registration + "/api/v1/registrations")
                .bodyParts(StringBodyPart("nik", "#{nik}"), StringBodyPart("email", "#{email}"),
                        StringBodyPart("phone", "#{phone}"), StringBodyPart("language", "id"),
                        StringBodyPart("deviceKey", "#{jwk}"),
                        ByteArrayBodyPart("selfie", SELFIE).fileName("selfie.jpg").contentType("image/jpeg"))
                .asMultipartForm()
                .check(status().is(202), jsonPath("$.registrationId").saveAs("registrationId"),
                        jsonPath("$.counterCode.shortCode").saveAs("shortCode")))
                .exec(session -> session.set("registeredAt", System.currentTimeMillis()));
    }

    /** Scans the code until the case exists (verification-service learns of it from Kafka), then approves. */
    public ChainBuilder scanAndApprove(List<String> operatorTokens) {
        return exec(session -> session.set("operator", operatorTokens.get(
                ThreadLocalRandom.current().nextInt(operatorTokens.size()))).set("scanStatus", 404))
                .asLongAs(session -> session.getInt("scanStatus") == 404
                        && System.currentTimeMillis() - session.getLong("registeredAt") < SCAN_WAIT.toMillis())
                .on(exec(http("scan").post(settings.verification + "/api/v1/operator/scans")
                        .header("Authorization", "Bearer #{operator}").body(json(s -> Map.of("shortCode",
                                s.getString("shortCode")))).asJson()
                        .check(status().in(200, 404).saveAs("scanStatus"), responseTimeInMillis().saveAs("rt"),
                                jsonPath("$.caseId").optional().saveAs("caseId")))
                        .doIf(session -> session.getInt("scanStatus") == 404).then(pause(session -> scanRetryPause(
                                System.currentTimeMillis() - session.getLong("registeredAt")))))
                .exec(session -> {
                    if (session.getInt("scanStatus") != 200 || !session.contains("caseId")) {
                        timings.failed("scan");
                        return session.markAsFailed();
                    }
                    timings.record("registration → case at the counter (Kafka)",
                            System.currentTimeMillis() - session.getLong("registeredAt"));
                    timings.record("scan", session.getInt("rt"));
                    return session;
                }).exitHereIfFailed()
                .exec(timed("approve", http("approve")
                        .post(settings.verification + "/api/v1/operator/cases/#{caseId}/decision")
                        .header("Authorization", "Bearer #{operator}")
                        .body(json(s -> Map.of("decision", "APPROVED", "channel", "COUNTER", "ktpElChecked", true)))
                        .asJson().check(status().is(200))))
                .exec(session -> session.set("approvedAt", System.currentTimeMillis()));
    }

    /**
     * The pause before scanning again a code whose case has not arrived, {@code waitedMillis} after
     * the registration: a tenth of the wait, between 100 ms and 1 s. The Kafka hop is then timed to
     * within about 10 %, and a visit that waits long scans less often: at a fixed 100 ms, hundreds of
     * waiting visits kept scanning (464 requests a second over the run) and took verification-service's
     * CPU from the very cases they waited for (docs/performance.md, the counter on 2026-12-07, run 1).
     */
    static Duration scanRetryPause(long waitedMillis) {
        return Duration.ofMillis(Math.clamp(waitedMillis / 10, 100, 1_000));
    }

    /** Waits for the activation email; records approval → received by the SMTP server. */
    public ChainBuilder awaitMail(MailWatcher mail) {
        return asLongAs(session -> mail.mailFor(session.getString("email")).isEmpty()
                && System.currentTimeMillis() - session.getLong("approvedAt") < MAIL_WAIT.toMillis())
                .on(pause(Duration.ofMillis(50)))
                .exec(session -> {
                    var received = mail.mailFor(session.getString("email"));
                    if (received.isEmpty()) {
                        timings.failed("approval → PIN email at the SMTP server");
                        return session.markAsFailed();
                    }
                    long took = received.get().receivedAt().toEpochMilli() - session.getLong("approvedAt");
                    timings.record("approval → PIN email at the SMTP server", took,
                            received.get().receivedAt().toEpochMilli());
                    return session.set("pin", received.get().pin()).set("linkToken", received.get().linkToken());
                }).exitHereIfFailed();
    }

    /** Captcha (proof of work, solved here: the load generator's CPU) and activation with link + PIN. */
    public ChainBuilder activate() {
        return timed("captcha challenge", http("captcha challenge")
                .get(settings.activation + "/api/v1/activations/captcha-challenge")
                .check(status().is(200), jsonPath("$.algorithm").saveAs("alg"), jsonPath("$.challenge").saveAs("chal"),
                        jsonPath("$.maxnumber").ofLong().saveAs("max"), jsonPath("$.salt").saveAs("salt"),
                        jsonPath("$.signature").saveAs("sig")))
                .exec(session -> {
                    long started = System.nanoTime();
                    ProofOfWork.Challenge challenge = new ProofOfWork.Challenge(session.getString("alg"),
                            session.getString("chal"), session.getLong("max"), session.getString("salt"),
                            session.getString("sig"));
                    String payload = ProofOfWork.payload(challenge, ProofOfWork.solve(challenge));
                    timings.record("captcha solved (client CPU)", (System.nanoTime() - started) / 1_000_000);
                    return session.set("captcha", payload);
                })
                .exec(timed("activate (link + PIN + captcha)", http("activate")
                        .post(settings.activation + "/api/v1/activations")
                        .body(json(s -> Map.of("linkToken", s.getString("linkToken"), "pin", s.getString("pin"),
                                "captcha", s.getString("captcha")))).asJson()
                        .check(status().is(200))));
    }

    /** The app opens: nonce signed with the device key, app PIN; the citizen's bearer token. */
    public ChainBuilder openSession() {
        return timed("session challenge", http("session challenge")
                .post(settings.activation + "/api/v1/citizen/session-challenges")
                .body(json(s -> Map.of("registrationId", s.getString("registrationId")))).asJson()
                .check(status().is(200), jsonPath("$.nonce").saveAs("nonce")))
                .exec(timed("session (device signature + app PIN)", http("session")
                        .post(settings.activation + "/api/v1/citizen/sessions")
                        .body(json(s -> Map.of("nonce", s.getString("nonce"), "deviceSignature",
                                s.<DeviceKey>get("deviceKey").sign(s.getString("nonce")), "appPin", APP_PIN)))
                        .asJson().check(status().is(200), jsonPath("$.accessToken").saveAs("citizen"))));
    }

    /** App PIN → PIN proof → QR token, then the relying party verifies it. */
    public ChainBuilder mintAndVerify() {
        return timed("PIN proof", http("PIN proof").post(settings.activation + "/api/v1/citizen/pin-proofs")
                .header("Authorization", "Bearer #{citizen}").body(json(s -> Map.of("appPin", APP_PIN))).asJson()
                .check(status().is(200), jsonPath("$.pinProof").saveAs("pinProof")))
                .exec(timed("mint QR token", http("mint").post(settings.token + "/api/v1/qr-tokens")
                        .header("Authorization", "Bearer #{citizen}")
                        .body(json(s -> Map.of("pinProof", s.getString("pinProof")))).asJson()
                        .check(status().is(201), jsonPath("$.token").saveAs("qr"))))
                .exec(timed("verify QR (relying party)", http("verify").post(settings.token + "/api/v1/verifications")
                        .header("Authorization", "Bearer #{verifier}")
                        .body(json(s -> Map.of("token", s.getString("qr")))).asJson()
                        .check(status().is(200), jsonPath("$.valid").is("true"))));
    }

    /** A relying party's client-credentials token, fetched once per virtual user. */
    public ChainBuilder relyingParty() {
        return exec(http("relying party token").post(settings.token + "/api/v1/relying-party/tokens")
                .formParam("grant_type", "client_credentials").formParam("client_id", RELYING_PARTY_ID)
                .formParam("client_secret", RELYING_PARTY_SECRET)
                .check(status().is(200), jsonPath("$.access_token").saveAs("verifier"))).exitHereIfFailed();
    }
}

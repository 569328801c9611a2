package id.go.dukcapil.ikd.e2e;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

import id.go.dukcapil.ikd.local.demo.ProofOfWork;
import id.go.dukcapil.ikd.local.suite.LocalSuite;
import id.go.dukcapil.ikd.local.suite.ServiceProcess;
import id.go.dukcapil.ikd.local.suite.SuiteService;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;

/**
 * Issue 16, "multi-replica correctness", against the HA topology ({@code ./ikd up --ha}: two
 * replicas of each service, three brokers, the gateway). Each test sends the steps of one
 * person's journey to replica A and replica B in turn (directly, bypassing the gateway, so that
 * which replica answers is certain), and checks that what one replica did holds on the other:
 * the counter-code supersession, the activation captcha's single use, the app-PIN attempt limit,
 * the device rate limit, operator and citizen sessions, the QR's single use; that the live
 * stream of a citizen shows on both replicas what only one of them consumed; and that the outbox
 * relays of both replicas publish every event once, in order per key.
 */
@Order(Suite.HA_CLASSES_LAST)
class MultiReplicaTest {

    private static final String SITI_NIK = "3518145203900001"; // office 351814-KEC-BAGOR, local approval
    private static final String WRONG_PIN = "104729";

    private static Suite suite;
    private static LocalSuite local;
    private static Journey journey;

    @BeforeAll
    static void startTheHaTopology() {
        suite = Suite.sharedHa();
        local = suite.local();
        journey = new Journey(suite);
    }

    /** The replica's own URL: index 0 is A, 1 is B. */
    private static String replica(SuiteService service, int index) {
        List<ServiceProcess> replicas = local.replicas(service);
        assertThat(replicas).hasSize(2);
        return LocalSuite.urlOf(replicas.get(index));
    }

    @Test
    void aSupersededCounterCodeIsRefusedByEitherReplica() {
        Device phone = Device.create();
        Journey.Registration registration = journey.register(Journey.MARIA_NIK, Journey.uniqueEmail("maria"),
                Journey.uniquePhone(), "id", phone);
        JsonPath second = newCounterCode(replica(SuiteService.REGISTRATION, 0), registration);
        JsonPath third = newCounterCode(replica(SuiteService.REGISTRATION, 1), registration);
        assertThat(third.getInt("sequence")).isGreaterThan(second.getInt("sequence"));

        String operator = journey.operatorLogin("demo.operator");
        for (int verifier = 0; verifier < 2; verifier++) {
            for (String old : List.of(registration.shortCode(), second.getString("shortCode"))) {
                Response refused = scanAt(replica(SuiteService.VERIFICATION, verifier), operator, old);
                assertThat(refused.statusCode()).as("old code %s on verification replica %d", old, verifier).isEqualTo(410);
                assertThat(refused.jsonPath().getString("code")).isEqualTo("COUNTER_CODE_SUPERSEDED");
            }
        }
        Response current = scanAt(replica(SuiteService.VERIFICATION, 1), operator, third.getString("shortCode"));
        assertThat(current.statusCode()).isEqualTo(200);
        // the operator's session from the gateway works on either replica: the case opened on B is readable on A
        String caseId = current.jsonPath().getString("caseId");
        for (int verifier = 0; verifier < 2; verifier++) {
            given().auth().oauth2(operator).get(replica(SuiteService.VERIFICATION, verifier) + "/api/v1/operator/cases/" + caseId)
                    .then().statusCode(200);
        }
    }

    @Test
    void theDeviceRateLimitCountsTheRequestsOfBothReplicas() {
        Device phone = Device.create();
        int accepted = 0;
        Response last = null;
        // submissions-per-device is 10 an hour: alternating, each replica sees 5 of the first 10
        for (int i = 0; i < 11; i++) {
            last = registerAt(replica(SuiteService.REGISTRATION, i % 2), syntheticNik(), phone);
            if (last.statusCode() == 202) {
                accepted++;
            }
        }
        assertThat(accepted).isEqualTo(10);
        assertThat(last.statusCode()).isEqualTo(429);
        assertThat(last.jsonPath().getString("code")).isEqualTo("RATE_LIMITED");
        assertThat(last.header("Retry-After")).isNotBlank();
    }

    @Test
    void anActivationCaptchaIsUsedUpOnBothReplicas() {
        String activationA = replica(SuiteService.ACTIVATION, 0);
        String activationB = replica(SuiteService.ACTIVATION, 1);
        JsonPath issued = given().get(activationA + "/api/v1/activations/captcha-challenge").then().statusCode(200)
                .extract().jsonPath();
        ProofOfWork.Challenge challenge = new ProofOfWork.Challenge(issued.getString("algorithm"),
                issued.getString("challenge"), issued.getLong("maxnumber"), issued.getString("salt"),
                issued.getString("signature"));
        String solution = ProofOfWork.payload(challenge, ProofOfWork.solve(challenge));
        Map<String, String> attempt = Map.of("linkToken", randomToken(), "pin", "123456", "captcha", solution);

        Response first = given().contentType(ContentType.JSON).body(attempt).post(activationB + "/api/v1/activations");
        assertThat(first.statusCode()).as(first.asString()).isEqualTo(404);
        assertThat(first.jsonPath().getString("code")).isEqualTo("INVALID_LINK");
        for (String activation : List.of(activationA, activationB)) {
            Response again = given().contentType(ContentType.JSON).body(attempt).post(activation + "/api/v1/activations");
            assertThat(again.statusCode()).isEqualTo(400);
            assertThat(again.jsonPath().getString("code")).isEqualTo("CAPTCHA_FAILED");
        }
    }

    @Test
    void aCitizenStreamOnEitherReplicaShowsWhatOnlyOneReplicaConsumed() throws Exception {
        Device phone = Device.create();
        Journey.Registration registration = journey.register(Journey.BAGUS_NIK, Journey.uniqueEmail("bagus"),
                Journey.uniquePhone(), "id", phone);
        // one stream on each replica; the decision arrives from Kafka at one replica's consumer only
        try (LiveStream onA = LiveStream.open(replica(SuiteService.REGISTRATION, 0), registration);
                LiveStream onB = LiveStream.open(replica(SuiteService.REGISTRATION, 1), registration)) {
            String operator = journey.operatorLogin("demo.operator");
            var scanned = journey.scan(operator, Map.of("shortCode", registration.shortCode()));
            journey.decide(operator, scanned.getString("caseId"),
                    Map.of("decision", "APPROVED", "channel", "COUNTER", "ktpElChecked", true));
            assertThat(onA.await(line -> line.contains("APPROVED"), Duration.ofSeconds(90))).contains("APPROVED");
            assertThat(onB.await(line -> line.contains("APPROVED"), Duration.ofSeconds(90))).contains("APPROVED");
        }
    }

    @Test
    void citizenSessionsPinLimitsAndTheQrHoldAcrossReplicas() throws Exception {
        Device phone = Device.create();
        String email = Journey.uniqueEmail("siti");
        Journey.Registration registration = journey.register(SITI_NIK, email, Journey.uniquePhone(), "id", phone);
        String operator = journey.operatorLogin("bagor.operator");
        var scanned = journey.scan(operator, Map.of("shortCode", registration.shortCode()));
        journey.decide(operator, scanned.getString("caseId"),
                Map.of("decision", "APPROVED", "channel", "COUNTER", "ktpElChecked", true));
        Journey.ActivationMail mail = journey.awaitActivationMail(email);
        // the link in the email is the gateway's aktivasi host, as in production, and its page is served there
        assertThat(mail.activationUrl()).startsWith(local.publicUrl("aktivasi") + "/activate?t=");
        given().get(mail.activationUrl()).then().statusCode(200);
        activateThroughTheGateway(mail);
        await().atMost(Duration.ofSeconds(60))
                .until(() -> "ACTIVATED".equals(journey.status(registration).getString("status")));

        // the session is opened on A; the PIN proofs are asked of B, and the QR minted and checked on both
        Journey.CitizenSession session = openSessionAt(replica(SuiteService.ACTIVATION, 0), registration, phone);
        String proof = pinProofAt(replica(SuiteService.ACTIVATION, 1), session, Journey.APP_PIN).then().statusCode(200)
                .extract().path("pinProof");
        String qr = given().auth().oauth2(session.accessToken()).contentType(ContentType.JSON)
                .body(Map.of("pinProof", proof)).post(replica(SuiteService.TOKEN, 0) + "/api/v1/qr-tokens")
                .then().statusCode(201).extract().path("token");
        String relyingParty = journey.relyingPartyTokenAt(replica(SuiteService.TOKEN, 1));
        assertThat(journey.verifyAt(replica(SuiteService.TOKEN, 1), relyingParty, qr).getBoolean("valid")).isTrue();
        JsonPath replayed = journey.verifyAt(replica(SuiteService.TOKEN, 0), relyingParty, qr);
        assertThat(replayed.getBoolean("valid")).isFalse();
        assertThat(replayed.getString("reason")).isEqualTo("REPLAYED");

        // five wrong app PINs, alternating: the lock is the citizen's, not a replica's
        List<Integer> statuses = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            statuses.add(pinProofAt(replica(SuiteService.ACTIVATION, i % 2), session, WRONG_PIN).statusCode());
        }
        assertThat(statuses.subList(0, 4)).containsOnly(401);
        for (int activation = 0; activation < 2; activation++) {
            Response locked = pinProofAt(replica(SuiteService.ACTIVATION, activation), session, Journey.APP_PIN);
            assertThat(locked.statusCode()).as("the right PIN on replica %d after five wrong ones", activation)
                    .isEqualTo(423);
            assertThat(locked.jsonPath().getString("code")).isEqualTo("APP_PIN_LOCKED");
        }
    }

    @Test
    void theRelaysOfBothReplicasPublishEveryEventOnceAndInOrderPerKey() throws Exception {
        Map<Integer, Double> publishedBefore = publishedByReplica();
        List<Journey.Registration> registrations = new ArrayList<>();
        List<List<Integer>> sequences = new ArrayList<>();
        int codesEach = 4;
        try (ExecutorService citizens = Executors.newFixedThreadPool(6)) {
            List<Future<Map.Entry<Journey.Registration, List<Integer>>>> running = new ArrayList<>();
            for (int c = 0; c < 6; c++) {
                running.add(citizens.submit(() -> {
                    Journey.Registration registration = journey.register(syntheticNik(), Journey.uniqueEmail("relay"),
                            Journey.uniquePhone(), "id", Device.create());
                    List<Integer> issued = new ArrayList<>();
                    for (int i = 0; i < codesEach; i++) {
                        issued.add(newCounterCode(replica(SuiteService.REGISTRATION, i % 2), registration).getInt("sequence"));
                    }
                    return Map.entry(registration, issued);
                }));
            }
            for (var future : running) {
                registrations.add(future.get().getKey());
                sequences.add(future.get().getValue());
            }
        }
        Map<String, List<TopicReader.Event>> byKey = TopicReader.awaitEvents(local.kafkaBootstrapServers(),
                "ikd.registration", registrations.stream().map(Journey.Registration::id).toList(),
                events -> events.stream().filter(MultiReplicaTest::counterCodeIssued).count() > codesEach,
                Duration.ofSeconds(90));
        for (int c = 0; c < registrations.size(); c++) {
            List<TopicReader.Event> events = byKey.get(registrations.get(c).id());
            Set<String> ids = new HashSet<>();
            events.forEach(event -> assertThat(ids.add(event.id())).as("event %s published twice", event.id()).isTrue());
            assertThat(events.getFirst().type()).isEqualTo("id.go.dukcapil.ikd.registration.submitted.v1");
            List<Integer> published = events.stream().filter(MultiReplicaTest::counterCodeIssued)
                    .map(e -> sequence(e.payload())).toList();
            assertThat(published).as("the counter codes of one registration, in partition order")
                    .containsSubsequence(sequences.get(c)).isSorted().doesNotHaveDuplicates().startsWith(1)
                    .hasSize(1 + codesEach);
        }
        Map<Integer, Double> publishedAfter = publishedByReplica();
        System.out.printf("outbox events published by registration-service's relays: %s before, %s after%n",
                publishedBefore, publishedAfter);
        assertThat(publishedAfter.values().stream().mapToDouble(Double::doubleValue).sum()
                - publishedBefore.values().stream().mapToDouble(Double::doubleValue).sum())
                .as("events published by the two relays together").isGreaterThanOrEqualTo(6 * (1 + codesEach));
    }

    // --- helpers ---

    /** A NIK of the right form that the synthetic registry does not hold: for registrations nobody scans. */
    static String syntheticNik() {
        java.util.concurrent.ThreadLocalRandom random = java.util.concurrent.ThreadLocalRandom.current();
        return String.format("317101%02d%02d%02d%04d", random.nextInt(1, 29), random.nextInt(1, 13),
                random.nextInt(70, 100), random.nextInt(1001, 10000));
    }

    /** SOP step 5 as the activation page does it, through the gateway's api host: captcha, link token, PIN. */
    private static void activateThroughTheGateway(Journey.ActivationMail mail) {
        String api = local.publicUrl("api");
        JsonPath issued = given().get(api + "/api/v1/activations/captcha-challenge").then().statusCode(200)
                .extract().jsonPath();
        ProofOfWork.Challenge challenge = new ProofOfWork.Challenge(issued.getString("algorithm"),
                issued.getString("challenge"), issued.getLong("maxnumber"), issued.getString("salt"),
                issued.getString("signature"));
        String linkToken = mail.activationUrl().substring(mail.activationUrl().indexOf("?t=") + 3);
        given().contentType(ContentType.JSON).body(Map.of("linkToken", linkToken, "pin", mail.pin(),
                "captcha", ProofOfWork.payload(challenge, ProofOfWork.solve(challenge))))
                .post(api + "/api/v1/activations").then().statusCode(200);
    }

    private static JsonPath newCounterCode(String registrationService, Journey.Registration registration) {
        return given().header("X-Registration-Secret", registration.secret())
                .post(registrationService + "/api/v1/registrations/" + registration.id() + "/counter-code")
                .then().statusCode(200).extract().jsonPath();
    }

    private static Response scanAt(String verificationService, String operator, String shortCode) {
        // a case appears once RegistrationSubmitted has arrived: wait for that, not for the answer we test
        Response response = null;
        for (int i = 0; i < 60; i++) {
            response = given().auth().oauth2(operator).contentType(ContentType.JSON).body(Map.of("shortCode", shortCode))
                    .post(verificationService + "/api/v1/operator/scans");
            if (response.statusCode() != 404) {
                return response;
            }
            Journey.sleep(Duration.ofMillis(500));
        }
        return response;
    }

    static Response registerAt(String registrationService, String nik, Device device) {
        return given().multiPart("nik", nik).multiPart("email", Journey.uniqueEmail("limit"))
                .multiPart("phone", Journey.uniquePhone()).multiPart("language", "id")
                .multiPart("deviceKey", device.publicJwk()).multiPart("selfie", "selfie.png", Selfie.png(), "image/png")
                .post(registrationService + "/api/v1/registrations");
    }

    private static Journey.CitizenSession openSessionAt(String activationService, Journey.Registration registration,
            Device device) {
        String nonce = given().contentType(ContentType.JSON).body(Map.of("registrationId", registration.id()))
                .post(activationService + "/api/v1/citizen/session-challenges").then().statusCode(200).extract().path("nonce");
        JsonPath session = given().contentType(ContentType.JSON)
                .body(Map.of("nonce", nonce, "deviceSignature", device.sign(nonce), "appPin", Journey.APP_PIN))
                .post(activationService + "/api/v1/citizen/sessions").then().statusCode(200).extract().jsonPath();
        return new Journey.CitizenSession(session.getString("accessToken"), session.getString("subject"));
    }

    private static Response pinProofAt(String activationService, Journey.CitizenSession session, String appPin) {
        return given().auth().oauth2(session.accessToken()).contentType(ContentType.JSON).body(Map.of("appPin", appPin))
                .post(activationService + "/api/v1/citizen/pin-proofs");
    }

    private static final Pattern PUBLISHED = Pattern.compile("(?m)^ikd_outbox_published_total(?:\\{[^}]*})? ([0-9.E+-]+)$");

    /** {@code ikd_outbox_published_total} of each registration-service replica, by port. */
    private static Map<Integer, Double> publishedByReplica() {
        Map<Integer, Double> published = new java.util.TreeMap<>();
        for (ServiceProcess replica : local.replicas(SuiteService.REGISTRATION)) {
            String metrics = given().get(LocalSuite.urlOf(replica) + "/q/metrics").then().statusCode(200).extract().asString();
            Matcher matcher = PUBLISHED.matcher(metrics);
            published.put(replica.port(), matcher.find() ? Double.parseDouble(matcher.group(1)) : 0.0);
        }
        return published;
    }

    /** CloudEvents type of CounterCodeIssued; the first code (sequence 1) is issued with the registration. */
    private static boolean counterCodeIssued(TopicReader.Event event) {
        return event.type().equals("id.go.dukcapil.ikd.registration.counter-code-issued.v1");
    }

    private static int sequence(String payload) {
        Matcher matcher = Pattern.compile("\"sequence\"\\s*:\\s*(\\d+)").matcher(payload);
        assertThat(matcher.find()).as("sequence in %s", payload).isTrue();
        return Integer.parseInt(matcher.group(1));
    }

    private static String randomToken() {
        byte[] bytes = new byte[32];
        new SecureRandom().nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    static String utf8(byte[] bytes) {
        return bytes == null ? null : new String(bytes, StandardCharsets.UTF_8);
    }
}

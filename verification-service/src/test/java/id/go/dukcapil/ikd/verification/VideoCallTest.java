package id.go.dukcapil.ikd.verification;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;

import jakarta.inject.Inject;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

import id.go.dukcapil.ikd.testing.IkdTestResource;
import id.go.dukcapil.ikd.verification.TestSupport.Registration;
import id.go.dukcapil.ikd.verification.service.VideoCallHousekeeping;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;

/** The video call's rules through its API: who may ask, rejoin, signal, answer, and what is refused with which code. */
@QuarkusTest
@QuarkusTestResource(value = IkdTestResource.class, initArgs = @ResourceArg(name = "database", value = "verification"))
@QuarkusTestResource(RegistrationServiceStub.class)
class VideoCallTest {

    @Inject
    Pool pool;

    @Inject
    VideoCallHousekeeping housekeeping;

    static void videoCalls(String office, boolean enabled) {
        given().auth().oauth2(TestSupport.login("admin")).contentType(ContentType.JSON).body(Map.of("enabled", enabled))
                .put("/api/v1/admin/offices/" + office + "/video-calls").then().statusCode(200)
                .body("videoCalls", equalTo(enabled));
    }

    static Response request(String code) {
        return given().contentType(ContentType.JSON).body(Map.of("counterCode", code)).post("/api/v1/video-calls");
    }

    /** Waits until the registration's case has reached the office (through Kafka); the call it then opened. */
    static String awaitCase(String code) {
        // twice a second: asking is limited per address (40 per 5 s under the test profile)
        Awaitility.await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(500))
                .until(() -> request(code).statusCode() != 404);
        return request(code).then().statusCode(201).extract().path("callId");
    }

    static String caseIdOf(UUID registrationId) {
        List<Map<String, Object>> cases = given().auth().oauth2(TestSupport.login("demo.operator"))
                .get("/api/v1/operator/cases").then().statusCode(200).extract().jsonPath().getList("$");
        return cases.stream().filter(c -> registrationId.toString().equals(c.get("registrationId"))).findFirst()
                .map(c -> c.get("caseId").toString()).orElseThrow();
    }

    private static Response signal(String callId, String token, String kind, Object body) {
        return given().contentType(ContentType.JSON).header("X-Call-Token", token).body(Map.of("kind", kind, "body", body))
                .post("/api/v1/video-calls/" + callId + "/signals");
    }

    @Test
    void anOfficeWithoutVideoCallsSendsTheCitizenToItsServicePlace() {
        videoCalls("3171-DEMO", false);
        Registration registration = TestSupport.submit("3171017004980001");
        String code = TestSupport.counterJws(registration, registration.expiresAt());
        Awaitility.await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(500))
                .until(() -> request(code).statusCode() == 409);
        request(code).then().body("code", equalTo("VIDEO_CALLS_NOT_OFFERED"))
                .body("detail", org.hamcrest.Matchers.containsString("tempat pelayanan"));
        videoCalls("3171-DEMO", true);
        request(code).then().statusCode(201);
    }

    @Test
    void sukodadiOffersNoVideoCallsAndTapinAndBagorDo() {
        List<Map<String, Object>> list = given().auth().oauth2(TestSupport.login("admin")).get("/api/v1/admin/offices").then()
                .statusCode(200).extract().jsonPath().getList("$");
        Map<String, Object> offices = new java.util.HashMap<>();
        list.forEach(office -> offices.put((String) office.get("code"), office.get("videoCalls")));
        assertThat(offices).containsEntry("352417-KEC-SUKODADI", false).containsEntry("6305-DISDUKCAPIL", true)
                .containsEntry("351814-KEC-BAGOR", true);
    }

    @Test
    void askingAgainRejoinsTheCallAndTheOldLinkStops() {
        videoCalls("3171-DEMO", true);
        Registration registration = TestSupport.submit("3171011212000001");
        String code = TestSupport.counterJws(registration, registration.expiresAt());
        awaitCase(code);
        Response first = request(code);
        Response second = request(code);
        second.then().statusCode(201).body("status", equalTo("WAITING"));
        String callId = second.path("callId");
        assertThat(first.<String>path("callId")).isEqualTo(callId);
        assertThat(first.<String>path("token")).isNotEqualTo(second.path("token"));

        given().header("X-Call-Token", first.<String>path("token")).get("/api/v1/video-calls/" + callId).then()
                .statusCode(401).body("code", equalTo("CALL_TOKEN_INVALID"));
        // the stream says so in its status, before it begins: a page that lost the call stops asking
        for (String stale : List.of(first.<String>path("token"), "not-the-token")) {
            given().header("X-Call-Token", stale).accept("text/event-stream").get("/api/v1/video-calls/" + callId + "/signals")
                    .then().statusCode(401).contentType("application/problem+json").body("code", equalTo("CALL_TOKEN_INVALID"));
        }
        String token = second.path("token");
        given().header("X-Call-Token", token).get("/api/v1/video-calls/" + callId).then().statusCode(200)
                .body("consented", equalTo(false));

        signal(callId, token, "offer", Map.of("sdp", "v=0")).then().statusCode(202);
        signal(callId, token, "shell", Map.of()).then().statusCode(400).body("code", equalTo("SIGNAL_INVALID"));
        signal(callId, token, "candidate", Map.of("sdp", "x".repeat(20_000))).then().statusCode(400)
                .body("code", equalTo("SIGNAL_INVALID"));
        signal(callId, "not-the-token", "offer", Map.of("sdp", "v=0")).then().statusCode(401);

        given().header("X-Call-Token", token).post("/api/v1/video-calls/" + callId + "/consent").then().statusCode(204);
        given().header("X-Call-Token", token).delete("/api/v1/video-calls/" + callId).then().statusCode(204);
        given().header("X-Call-Token", token).get("/api/v1/video-calls/" + callId).then().statusCode(200)
                .body("status", equalTo("ENDED")).body("endedId", equalTo("Pemohon meninggalkan panggilan"));
        signal(callId, token, "offer", Map.of("sdp", "v=0")).then().statusCode(410).body("code", equalTo("CALL_ENDED"));
    }

    @Test
    void askingForCallsIsLimitedPerAddressAndEachSideHoldsFewStreams() throws Exception {
        videoCalls("3171-DEMO", true);
        Registration registration = TestSupport.submit("3171011212000001");
        String code = TestSupport.counterJws(registration, registration.expiresAt());
        awaitCase(code);
        Response joined = request(code);
        String callId = joined.path("callId");
        String token = joined.path("token");

        // a side's fifth stream on this replica is refused; closing one lets another in
        HttpClient http = HttpClient.newHttpClient();
        List<HttpResponse<InputStream>> streams = new java.util.ArrayList<>();
        try {
            for (int i = 0; i < 4; i++) {
                HttpResponse<InputStream> stream = openStream(http, callId, token);
                assertThat(stream.statusCode()).isEqualTo(200);
                streams.add(stream);
            }
            // a stream's 200 goes out before it is counted: wait until the four are
            AtomicReference<String> refusal = new AtomicReference<>();
            Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> {
                HttpResponse<InputStream> fifth = openStream(http, callId, token);
                if (fifth.statusCode() == 429) {
                    refusal.set(new String(fifth.body().readAllBytes()));
                    return true;
                }
                fifth.body().close();
                return false;
            });
            assertThat(refusal.get()).contains("CALL_STREAMS_EXCEEDED");
            streams.remove(0).body().close();
            Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> {
                HttpResponse<InputStream> again = openStream(http, callId, token);
                if (again.statusCode() == 200) {
                    streams.add(again);
                    return true;
                }
                again.body().close();
                return false;
            });
        } finally {
            for (HttpResponse<InputStream> stream : streams) {
                stream.body().close();
            }
        }

        // 150 requests at once from one address: whichever 5 s windows they fall in, one holds more than 40
        List<Integer> statuses = java.util.Collections.synchronizedList(new java.util.ArrayList<>());
        java.util.concurrent.ExecutorService senders = java.util.concurrent.Executors.newFixedThreadPool(16);
        try {
            List<java.util.concurrent.Future<?>> sent = new java.util.ArrayList<>();
            for (int i = 0; i < 150; i++) {
                sent.add(senders.submit(() -> statuses.add(request("not-a-code").statusCode())));
            }
            for (java.util.concurrent.Future<?> one : sent) {
                one.get(60, java.util.concurrent.TimeUnit.SECONDS);
            }
        } finally {
            senders.shutdownNow();
        }
        assertThat(statuses).contains(429).allMatch(status -> status == 400 || status == 429);
        Response limited = request(code);
        if (limited.statusCode() == 429) {
            limited.then().body("code", equalTo("RATE_LIMITED")).header("Retry-After", org.hamcrest.Matchers.notNullValue());
        }
        // the window passes and the citizen can ask again
        Awaitility.await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(500))
                .until(() -> request(code).statusCode() == 201);
    }

    private static HttpResponse<InputStream> openStream(HttpClient http, String callId, String token) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(RestAssured.baseURI + ":" + RestAssured.port
                + "/api/v1/video-calls/" + callId + "/signals")).header("X-Call-Token", token)
                .header("Accept", "text/event-stream").timeout(Duration.ofSeconds(20)).GET().build();
        return http.send(request, HttpResponse.BodyHandlers.ofInputStream());
    }

    @Test
    void forgedAndExpiredCodesAreRefused() {
        Registration registration = TestSupport.submit("3171011212000001");
        request("eyJhbGciOiJub25lIn0.eyJzdWIiOiJ4In0.").then().statusCode(400).body("code", equalTo("INVALID_COUNTER_CODE"));
        request(TestSupport.counterJws(registration, Instant.now().minusSeconds(60))).then().statusCode(410)
                .body("code", equalTo("COUNTER_CODE_EXPIRED"));
        given().contentType(ContentType.JSON).body("{}").post("/api/v1/video-calls").then().statusCode(400)
                .body("code", equalTo("VALIDATION_FAILED"));
    }

    @Test
    void aWaitingCitizenWhoseSilenceOutlastsTheBoundIsANoShow() {
        videoCalls("3171-DEMO", true);
        Registration registration = TestSupport.submit("3171011212000001");
        String code = TestSupport.counterJws(registration, registration.expiresAt());
        awaitCase(code);
        Response call = request(code);
        String callId = call.path("callId");
        signal(callId, call.path("token"), "candidate", Map.of("candidate", "a=candidate:1 1 udp 1 192.0.2.7 5000 typ host"))
                .then().statusCode(202);
        pool.preparedQuery("update video_call set citizen_seen_at = now() - interval '10 minutes' where id = $1")
                .execute(Tuple.of(UUID.fromString(callId))).await().indefinitely();

        // the office's queue no longer shows it; the housekeeping ends it as a no-show
        String session = PortalLogin.session("demo.operator");
        given().cookie("ikd_operator_session", session).get("/portal/video-calls").then().statusCode(200)
                .body(org.hamcrest.Matchers.not(org.hamcrest.Matchers.containsString(callId)));
        housekeeping.tidy().await().indefinitely();
        Integer ended = pool.preparedQuery("select count(*) from video_call where id = $1 and status = 'ENDED' and end_reason = 'NO_SHOW'")
                .execute(Tuple.of(UUID.fromString(callId))).await().indefinitely().iterator().next().getInteger(0);
        assertThat(ended).isEqualTo(1);
        assertThat(signalsOf(callId)).as("kept a while after the end, for the pages to read").isEqualTo(1);
        pool.preparedQuery("update video_call set ended_at = now() - interval '11 minutes' where id = $1")
                .execute(Tuple.of(UUID.fromString(callId))).await().indefinitely();
        housekeeping.tidy().await().indefinitely();
        assertThat(signalsOf(callId)).as("the addresses in the signals are not kept").isZero();
    }

    private int signalsOf(String callId) {
        return pool.preparedQuery("select count(*) from video_call_signal where call_id = $1")
                .execute(Tuple.of(UUID.fromString(callId))).await().indefinitely().iterator().next().getInteger(0);
    }

    @Test
    void theOperatorsScriptRequestsNeedTheCsrfTokenAndAnotherOfficesCallIsNotFound() {
        videoCalls("3171-DEMO", true);
        Registration registration = TestSupport.submit("3171011212000001");
        String code = TestSupport.counterJws(registration, registration.expiresAt());
        awaitCase(code);
        String callId = request(code).path("callId");
        PortalLogin.Visitor operator = PortalLogin.visitor("demo.operator");

        // answering takes the CSRF field of the form; without it nothing happens
        given().redirects().follow(false).cookie("ikd_operator_session", operator.session())
                .cookie("ikd_portal_csrf", operator.csrf()).contentType("application/x-www-form-urlencoded")
                .post("/portal/video-calls/" + callId + "/answer").then().statusCode(303);
        given().cookie("ikd_operator_session", operator.session()).get("/portal/video-calls").then()
                .body(org.hamcrest.Matchers.containsString("Jawab"));
        given().redirects().follow(false).cookie("ikd_operator_session", operator.session())
                .cookie("ikd_portal_csrf", operator.csrf()).contentType("application/x-www-form-urlencoded")
                .formParam("csrf", operator.csrf()).post("/portal/video-calls/" + callId + "/answer").then()
                .statusCode(303).header("Location", org.hamcrest.Matchers.endsWith("/portal/video-calls/" + callId));

        given().cookie("ikd_operator_session", operator.session()).cookie("ikd_portal_csrf", operator.csrf())
                .contentType(ContentType.JSON).body(Map.of("kind", "offer", "body", Map.of("sdp", "v=0")))
                .post("/portal/video-calls/" + callId + "/signals").then().statusCode(403).body("code", equalTo("FORBIDDEN"));
        given().cookie("ikd_operator_session", operator.session()).cookie("ikd_portal_csrf", operator.csrf())
                .header("X-CSRF-Token", operator.csrf()).contentType(ContentType.JSON)
                .body(Map.of("kind", "offer", "body", Map.of("sdp", "v=0")))
                .post("/portal/video-calls/" + callId + "/signals").then().statusCode(202);
        // no consent yet: the code sent in the call is not scanned
        given().cookie("ikd_operator_session", operator.session()).cookie("ikd_portal_csrf", operator.csrf())
                .header("X-CSRF-Token", operator.csrf()).contentType(ContentType.JSON).body(Map.of("counterCode", code))
                .post("/portal/video-calls/" + callId + "/scan").then().statusCode(409).body("code", equalTo("CONSENT_REQUIRED"));

        PortalLogin.Visitor elsewhere = PortalLogin.visitor("tapin.operator");
        given().redirects().follow(false).cookie("ikd_operator_session", elsewhere.session())
                .cookie("ikd_portal_csrf", elsewhere.csrf()).contentType("application/x-www-form-urlencoded")
                .formParam("csrf", elsewhere.csrf()).post("/portal/video-calls/" + callId + "/answer").then()
                .statusCode(404);
        given().cookie("ikd_operator_session", elsewhere.session()).get("/portal/video-calls").then().statusCode(200)
                .body(org.hamcrest.Matchers.not(org.hamcrest.Matchers.containsString(callId)));

        // the citizen leaves the answered call: a line of the buku pelayanan with the call's duration, and the metrics
        double endedBefore = metric("ikd_video_calls_ended_total{reason=\"CITIZEN_LEFT\"");
        double timedBefore = metric("ikd_video_calls_duration_seconds_count");
        String token = request(code).path("token");
        given().header("X-Call-Token", token).delete("/api/v1/video-calls/" + callId).then().statusCode(204);
        List<Map<String, Object>> book = given().auth().oauth2(TestSupport.login("demo.operator"))
                .get("/api/v1/operator/service-log").then().statusCode(200).extract().jsonPath().getList("$");
        Map<String, Object> ended = book.stream()
                .filter(entry -> "VIDEO_CALL_ENDED".equals(entry.get("action"))
                        && registration.registrationId().toString().equals(entry.get("registrationId")))
                .findFirst().orElseThrow(() -> new AssertionError("no VIDEO_CALL_ENDED line for the call in " + book));
        assertThat(((Number) ended.get("durationSeconds")).longValue()).isGreaterThanOrEqualTo(0);
        assertThat(ended.get("note")).isEqualTo("Pemohon meninggalkan panggilan / The citizen left the call");
        assertThat(metric("ikd_video_calls_ended_total{reason=\"CITIZEN_LEFT\"")).isEqualTo(endedBefore + 1);
        assertThat(metric("ikd_video_calls_duration_seconds_count")).isEqualTo(timedBefore + 1);
        assertThat(metric("ikd_video_calls_answered_total")).isGreaterThanOrEqualTo(1);
        assertThat(metric("ikd_video_calls_requested_total{kind=\"rejoin\"")).isGreaterThanOrEqualTo(1);
    }

    /**
     * The value of the Prometheus scrape's sample whose line starts with {@code prefix} (name and
     * labels), 0 if absent; the value is the line's second field (an exemplar may follow it).
     */
    private static double metric(String prefix) {
        String scrape = given().get("/q/metrics").then().statusCode(200).extract().asString();
        return scrape.lines().filter(line -> line.startsWith(prefix)).findFirst()
                .map(line -> Double.parseDouble(line.split(" ")[1])).orElse(0.0);
    }
}

package id.go.dukcapil.ikd.verification;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import id.go.dukcapil.ikd.testing.IkdTestResource;
import id.go.dukcapil.ikd.verification.service.VideoBookingHousekeeping;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.RestAssured;
import io.restassured.config.HttpClientConfig;
import io.restassured.config.RestAssuredConfig;
import io.restassured.http.ContentType;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * Every lookup made inside a transaction reads on that transaction's connection (issue 22): with
 * a pool of one connection, a lookup on a second one waits for itself for ever. The service runs
 * here with one connection, and each path that reads inside its transaction must answer: the
 * counter scan and the decision (the registry lookup that deadlocked the pool at 50 approvals/s),
 * a video-call booking, its move and cancellation (the office of the booking event), the
 * housekeeping's no-show (the office's schedule), and a complaint's steps (the complaint's office).
 * A request that deadlocks is not answered within the client's 20 s and fails the test.
 */
@QuarkusTest
@TestProfile(OneConnectionTest.OneConnection.class)
@QuarkusTestResource(value = IkdTestResource.class, initArgs = @ResourceArg(name = "database", value = "verification"))
@QuarkusTestResource(RegistrationServiceStub.class)
class OneConnectionTest {

    public static class OneConnection implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("quarkus.datasource.reactive.max-size", "1");
        }
    }

    private static RestAssuredConfig previous;

    @Inject
    Pool pool;
    @Inject
    VideoBookingHousekeeping housekeeping;

    @BeforeAll
    static void answersWithinTwentySeconds() {
        previous = RestAssured.config;
        RestAssured.config = RestAssuredConfig.config().httpClient(HttpClientConfig.httpClientConfig()
                .setParam("http.connection.timeout", 20_000).setParam("http.socket.timeout", 20_000));
    }

    @AfterAll
    static void restore() {
        RestAssured.config = previous;
    }

    @Test
    void aScanAndADecisionAnswer() {
        // a resident of the demo office's area (31.71), whose case comes to demo.operator's queue
        String nik = pool.preparedQuery("""
                select nik from registry_resident r
                where nik like '3171%' and ktp_el_status = 'PRINTED' and life_status <> 'DECEASED'
                  and domicile_status <> 'MOVED'
                  and not exists (select 1 from verification_case c where c.nik = r.nik)
                order by md5(nik || $1) limit 1""").execute(Tuple.of(UUID.randomUUID().toString()))
                .await().indefinitely().iterator().next().getString(0);
        TestSupport.Registration registration = TestSupport.submit(nik);
        String operator = TestSupport.login("demo.operator");
        String caseId = VerificationFlowTest.awaitQueued(operator, registration.registrationId());

        VerificationFlowTest.scan(operator, Map.of("shortCode", registration.shortCode())).statusCode(200)
                .body("caseId", equalTo(caseId));
        VerificationFlowTest.decide(operator, caseId, Map.of("decision", "APPROVED", "channel", "COUNTER", "ktpElChecked", true))
                .statusCode(200).body("status", equalTo("APPROVED"));
    }

    @Test
    void aBookingItsMoveItsCancellationAndANoShowAnswer() {
        VideoBookingTest.schedule(VideoBookingTest.TAPIN, 15, 2);
        String code = VideoBookingTest.tapinCitizen();
        UUID registrationId = VideoBookingTest.registrationOf(code);
        String a = VideoBookingTest.emptySlot(code, 2, 0);
        String b = VideoBookingTest.emptySlot(code, 2, 1);
        VideoBookingTest.book(code, a).then().statusCode(201);
        given().header("X-Counter-Code", code).contentType(ContentType.JSON).body(Map.of("slotStart", b))
                .put("/api/v1/video-bookings/current").then().statusCode(200);
        given().header("X-Counter-Code", code).delete("/api/v1/video-bookings/current").then().statusCode(200);
        VideoBookingTest.book(code, a).then().statusCode(201);

        pool.preparedQuery("update video_booking set slot_start = now() - interval '1 hour', "
                + "slot_end = now() - interval '45 minutes' where registration_id = $1 and status = 'BOOKED'")
                .execute(Tuple.of(registrationId)).await().indefinitely();
        housekeeping.tidy().await().atMost(Duration.ofSeconds(20));
        String status = pool.preparedQuery("select status from video_booking where registration_id = $1 "
                + "order by slot_start limit 1").execute(Tuple.of(registrationId)).await().indefinitely()
                .iterator().next().getString("status");
        assertThat(status).isEqualTo("NO_SHOW");
    }

    @Test
    void aComplaintsStepsAnswer() {
        String ticket = ComplaintTest.file(ComplaintTest.complaint(ComplaintTest.solvedCaptcha())).then().statusCode(201)
                .extract().path("ticket");
        String operator = TestSupport.login("tapin.operator");
        String id = given().auth().oauth2(operator).queryParam("status", "RECEIVED").get("/api/v1/operator/complaints")
                .then().statusCode(200).extract().jsonPath().param("t", ticket).getString("find { it.ticket == t }.id");
        given().auth().oauth2(operator).contentType(ContentType.JSON).body(Map.of("status", "VERIFYING", "note", "lanjut"))
                .post("/api/v1/operator/complaints/" + id + "/status").then().statusCode(200)
                .body("status", equalTo("VERIFYING"));
        given().auth().oauth2(operator).contentType(ContentType.JSON).body(Map.of("answer", "Sudah kami tindak lanjuti."))
                .post("/api/v1/operator/complaints/" + id + "/closure").then().statusCode(200)
                .body("status", equalTo("CLOSED"));
    }
}

package id.go.dukcapil.ikd.registration;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import java.net.URI;
import java.net.URL;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import id.go.dukcapil.ikd.events.CentralReviewChanged;
import id.go.dukcapil.ikd.events.CentralReviewState;
import id.go.dukcapil.ikd.events.Channel;
import id.go.dukcapil.ikd.events.Decision;
import id.go.dukcapil.ikd.events.OfficeContact;
import id.go.dukcapil.ikd.events.RejectionReason;
import id.go.dukcapil.ikd.events.VerificationDecided;
import id.go.dukcapil.ikd.testing.IkdTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

/** "Menunggu verifikasi pusat" on the citizen's timeline, from CentralReviewChanged (issue 17, item 8). */
@QuarkusTest
@QuarkusTestResource(value = IkdTestResource.class, initArgs = @ResourceArg(name = "database", value = "registration"))
class CentralReviewTimelineTest {

    private static final String BASE = "/api/v1/registrations/";
    private static final OfficeContact OFFICE = new OfficeContact("1376-DISDUKCAPIL", "Disdukcapil Kota Payakumbuh",
            "Jl. Veteran", "+62752123456", null, null, null);

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;
    @TestHTTPResource("/api/v1/registrations/")
    URL api;

    @Test
    void theTimelineShowsTheCentralReviewWithItsExpectedTimeOnceEachAndTheStreamPushesIt() throws Exception {
        String[] registration = Citizens.registered();
        UUID id = UUID.fromString(registration[0]);
        UUID caseId = UUID.randomUUID();
        Instant expected = Instant.now().plus(Duration.ofHours(20)).truncatedTo(ChronoUnit.SECONDS);
        try (SseClient stream = new SseClient(URI.create(api + registration[0] + "/events"),
                Map.of(Citizens.SECRET_HEADER, registration[1]))) {
            stream.await(e -> "registration".equals(e.name()) && e.data().contains("SUBMITTED"), Duration.ofSeconds(10));
            CentralReviewChanged pending = new CentralReviewChanged(id, caseId, CentralReviewState.PENDING, expected,
                    Instant.now());
            String eventId = Citizens.publish(bootstrap, pending);
            Citizens.publish(bootstrap, pending, eventId); // redelivered: no second step
            SseClient.Event pushed = stream.await(e -> e.data().contains("\"kind\":\"CENTRAL_REVIEW_PENDING\""),
                    Duration.ofSeconds(30));
            assertThat(pushed.data()).contains("Menunggu verifikasi pusat").contains("Awaiting central verification")
                    .contains("\"expectedBy\":\"" + expected + "\"");
        }
        Response status = given().header(Citizens.SECRET_HEADER, registration[1]).get(BASE + id);
        status.then().statusCode(200).body("status", equalTo("PENDING_VERIFICATION"));
        Map<String, Object> step = status.jsonPath().getMap("timeline.find { it.kind == 'CENTRAL_REVIEW_PENDING' }");
        assertThat(Instant.parse((String) step.get("expectedBy"))).isEqualTo(expected);
        assertThat(status.jsonPath().getString("timeline.find { it.kind == 'CENTRAL_REVIEW_PENDING' }.text.id"))
                .startsWith("Menunggu verifikasi pusat");
        assertThat(status.jsonPath().getString("timeline.find { it.kind == 'CENTRAL_REVIEW_PENDING' }.text.en"))
                .startsWith("Awaiting central verification");

        // returned to the office, submitted again, decided: a step each, the decision's own step last
        Citizens.publish(bootstrap, new CentralReviewChanged(id, caseId, CentralReviewState.RETURNED, null, Instant.now()));
        Instant again = expected.plus(Duration.ofHours(2));
        Citizens.publish(bootstrap, new CentralReviewChanged(id, caseId, CentralReviewState.PENDING, again, Instant.now()));
        Citizens.publish(bootstrap, new CentralReviewChanged(id, caseId, CentralReviewState.DONE, null, Instant.now()));
        Citizens.publish(bootstrap, new VerificationDecided(id, UUID.randomUUID(), Decision.REJECTED,
                RejectionReason.DATA_MISMATCH, null, Channel.COUNTER, null, OFFICE,
                "op-1", Instant.now(), "budi@example.id", "+6281234567890", "id", null, null));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().header(Citizens.SECRET_HEADER, registration[1])
                .get(BASE + id).then().body("status", equalTo("REJECTED")).body("timeline.kind", hasItem("REJECTED")));
        Response after = given().header(Citizens.SECRET_HEADER, registration[1]).get(BASE + id);
        List<String> kinds = after.jsonPath().getList("timeline.kind");
        // DONE adds no step of its own: the decision's step is the answer
        assertThat(kinds).startsWith("SUBMITTED", "CENTRAL_REVIEW_PENDING", "CENTRAL_REVIEW_RETURNED",
                "CENTRAL_REVIEW_PENDING", "REJECTED").containsOnlyOnce("REJECTED");
        assertThat(after.jsonPath().getString("timeline[2].text.id")).contains("mengembalikan data Anda ke kantor");
        assertThat(after.jsonPath().getString("timeline[2].nextStep.en")).contains("nothing you need to do");
        assertThat(after.jsonPath().getString("timeline[2].expectedBy")).isNull();
        assertThat(Instant.parse(after.jsonPath().getString("timeline[3].expectedBy"))).isEqualTo(again);
    }

    @Test
    void aLateCentralReviewStepDoesNotReopenADecidedRegistration() {
        String[] registration = Citizens.registered();
        UUID id = UUID.fromString(registration[0]);
        Citizens.publish(bootstrap, new VerificationDecided(id, UUID.randomUUID(), Decision.REJECTED,
                RejectionReason.FACE_MISMATCH, null, Channel.COUNTER, null, OFFICE, "op-1", Instant.now(),
                "budi@example.id", "+6281234567890", "id", null, null));
        Citizens.publish(bootstrap, new CentralReviewChanged(id, UUID.randomUUID(), CentralReviewState.PENDING,
                Instant.now().plus(Duration.ofHours(8)), Instant.now()));
        Citizens.publish(bootstrap, new CentralReviewChanged(id, UUID.randomUUID(), CentralReviewState.RETURNED, null,
                Instant.now()));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().header(Citizens.SECRET_HEADER, registration[1])
                .get(BASE + id).then().body("status", equalTo("REJECTED")));
        // the marker after them: once it is there, the central review events were handled (same partition, in order)
        Citizens.publish(bootstrap, new CentralReviewChanged(id, UUID.randomUUID(), CentralReviewState.DONE, null,
                Instant.now()));
        await().pollDelay(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(given()
                .header(Citizens.SECRET_HEADER, registration[1]).get(BASE + id).jsonPath().getList("timeline.kind",
                        String.class)).doesNotContain("CENTRAL_REVIEW_PENDING", "CENTRAL_REVIEW_RETURNED"));
    }
}

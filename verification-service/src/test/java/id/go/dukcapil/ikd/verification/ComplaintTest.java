package id.go.dukcapil.ikd.verification;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.matchesPattern;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import id.go.dukcapil.ikd.events.ComplaintUpdated;
import id.go.dukcapil.ikd.events.EventJson;
import id.go.dukcapil.ikd.events.EventType;
import id.go.dukcapil.ikd.events.Topics;
import id.go.dukcapil.ikd.testing.IkdTestResource;
import id.go.dukcapil.ikd.testing.TopicProbe;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;

/** Complaints (pengaduan): filed without login with a captcha, worked by the office to closure, the citizen told. */
@QuarkusTest
@QuarkusTestResource(value = IkdTestResource.class, initArgs = @ResourceArg(name = "database", value = "verification"))
@QuarkusTestResource(RegistrationServiceStub.class)
class ComplaintTest {

    static final String TAPIN = "6305-DISDUKCAPIL";

    /** A solved captcha of the complaint form, as the widget submits it. */
    static String solvedCaptcha() {
        JsonPath challenge = given().get("/api/v1/complaints/captcha-challenge").then().statusCode(200).extract().jsonPath();
        String salt = challenge.getString("salt");
        String target = challenge.getString("challenge");
        long max = challenge.getLong("maxnumber");
        for (long number = 0; number <= max; number++) {
            if (sha256Hex(salt + number).equals(target)) {
                String json = "{\"algorithm\":\"SHA-256\",\"challenge\":\"" + target + "\",\"number\":" + number
                        + ",\"salt\":\"" + salt + "\",\"signature\":\"" + challenge.getString("signature") + "\"}";
                return Base64.getEncoder().encodeToString(json.getBytes(StandardCharsets.UTF_8));
            }
        }
        throw new AssertionError("the captcha challenge has no solution");
    }

    static Map<String, Object> complaint(String captcha) {
        Map<String, Object> body = new HashMap<>(Map.of("officeCode", TAPIN, "category", "SERVICE",
                "text", "Antrean di loket IKD sangat panjang dan petugas tidak ada.", "email", "warga.tapin@example.id",
                "phone", "0812 3456 7890", "language", "id", "captcha", captcha));
        body.put("registrationReference", "IKD-7K3M-Q9TX-2BHC");
        return body;
    }

    /** Files {@code body}, waiting out the address's window if another test filled it. */
    static Response file(Map<String, Object> body) {
        for (int i = 0; i < 5; i++) {
            Response r = given().contentType(ContentType.JSON).body(body).post("/api/v1/complaints");
            if (r.statusCode() != 429) {
                return r;
            }
            sleep(Duration.ofSeconds(Long.parseLong(r.header("Retry-After"))));
        }
        throw new AssertionError("still rate limited");
    }

    @Test
    void aComplaintFromFilingToClosureTellsTheCitizenEachStep() {
        try (TopicProbe events = TopicProbe.fromNow(TestSupport.bootstrap(), Topics.VERIFICATION)) {
            JsonPath filed = file(complaint(solvedCaptcha())).then().statusCode(201).extract().jsonPath();
            String ticket = filed.getString("ticket");
            assertThat(ticket).matches("ADU-6305-DISDUKCAPIL-\\d{8}-\\d+");
            assertThat(filed.getString("dueAt")).endsWith(" WITA");
            ComplaintUpdated received = event(events, ticket, "RECEIVED");
            assertThat(received.email()).isEqualTo("warga.tapin@example.id");
            assertThat(received.phone()).isEqualTo("+6281234567890");
            assertThat(received.office().officeCode()).isEqualTo(TAPIN);

            // the citizen follows it with the ticket and either contact; a wrong contact learns nothing
            given().queryParam("ticket", ticket).queryParam("contact", "0812-3456-7890").get("/api/v1/complaints/status")
                    .then().statusCode(200).body("status", equalTo("RECEIVED")).body("statusId", equalTo("Diterima"))
                    .body("timeZone", equalTo("WITA"));
            given().queryParam("ticket", ticket).queryParam("contact", "someone@example.id").get("/api/v1/complaints/status")
                    .then().statusCode(404).contentType("application/problem+json").body("code", equalTo("COMPLAINT_NOT_FOUND"));

            String operator = TestSupport.login("tapin.operator");
            String id = given().auth().oauth2(operator).queryParam("status", "RECEIVED").get("/api/v1/operator/complaints")
                    .then().statusCode(200).extract().jsonPath().param("t", ticket).getString("find { it.ticket == t }.id");
            assertThat(id).isNotNull();
            // another office neither lists nor opens it
            String bagor = TestSupport.login("bagor.operator");
            assertThat(given().auth().oauth2(bagor).get("/api/v1/operator/complaints").then().statusCode(200).extract()
                    .jsonPath().getList("ticket")).doesNotContain(ticket);
            given().auth().oauth2(bagor).get("/api/v1/operator/complaints/" + id).then().statusCode(403)
                    .body("code", equalTo("COMPLAINT_OF_ANOTHER_OFFICE"));

            post(operator, id, "assignment", Map.of("assignee", "tapin.operator", "note", "Saya tangani.")).statusCode(200)
                    .body("assignee", equalTo("tapin.operator"));
            post(operator, id, "notes", Map.of("note", "Cek jadwal loket hari itu.")).statusCode(200);
            for (String status : List.of("VERIFYING", "MEDIATING", "COORDINATING")) {
                post(operator, id, "status", Map.of("status", status, "note", "lanjut")).statusCode(200)
                        .body("status", equalTo(status));
                assertThat(event(events, ticket, status).answer()).isNull();
            }
            post(operator, id, "status", Map.of("status", "VERIFYING")).statusCode(409)
                    .contentType("application/problem+json").body("code", equalTo("COMPLAINT_STATUS_NOT_ALLOWED"));
            post(operator, id, "status", Map.of("status", "CLOSED")).statusCode(422).body("code", equalTo("ANSWER_REQUIRED"));
            post(operator, id, "closure", Map.of("answer", " ")).statusCode(400);

            String answer = "Loket IKD kini buka dengan dua petugas setiap hari kerja.";
            JsonPath closed = post(operator, id, "closure", Map.of("answer", answer)).statusCode(200).extract().jsonPath();
            assertThat(closed.getString("status")).isEqualTo("CLOSED");
            assertThat(closed.getString("closedAt")).endsWith(" WITA");
            assertThat(closed.getList("history.author")).contains("warga", "tapin.operator");
            assertThat(closed.getList("history.note")).contains("Saya tangani.", "Cek jadwal loket hari itu.", answer);
            assertThat(event(events, ticket, "CLOSED").answer()).isEqualTo(answer);
            post(operator, id, "closure", Map.of("answer", "lagi")).statusCode(409).body("code", equalTo("COMPLAINT_CLOSED"));

            JsonPath seen = given().queryParam("ticket", ticket.toLowerCase()).queryParam("contact", "Warga.Tapin@example.id")
                    .get("/api/v1/complaints/status").then().statusCode(200).extract().jsonPath();
            assertThat(seen.getString("answer")).isEqualTo(answer);
            assertThat(seen.getList("steps.status")).containsExactly("RECEIVED", "VERIFYING", "MEDIATING", "COORDINATING",
                    "CLOSED");
            assertThat(seen.getMap("$")).doesNotContainKeys("history", "assignee", "email", "phone");
        }
    }

    @Test
    void aCaptchaIsRequiredSolvedAndUsedOnce() {
        file(complaint("bm90IGEgc29sdXRpb24=")).then().statusCode(400).contentType("application/problem+json")
                .body("code", equalTo("CAPTCHA_FAILED"));
        String captcha = solvedCaptcha();
        file(complaint(captcha)).then().statusCode(201);
        file(complaint(captcha)).then().statusCode(400).body("code", equalTo("CAPTCHA_FAILED"));
        Map<String, Object> noCaptcha = complaint(captcha);
        noCaptcha.remove("captcha");
        file(noCaptcha).then().statusCode(400).body("code", equalTo("VALIDATION_FAILED"));
    }

    @Test
    void aComplaintNeedsAContactAndAKnownOffice() {
        Map<String, Object> noContact = complaint(solvedCaptcha());
        noContact.remove("email");
        noContact.remove("phone");
        file(noContact).then().statusCode(422).body("code", equalTo("CONTACT_REQUIRED"));
        Map<String, Object> badPhone = complaint(solvedCaptcha());
        badPhone.put("phone", "12");
        file(badPhone).then().statusCode(422).body("code", equalTo("CONTACT_REQUIRED"));
        Map<String, Object> unknownOffice = complaint(solvedCaptcha());
        unknownOffice.put("officeCode", "9999-NOWHERE");
        file(unknownOffice).then().statusCode(404).body("code", equalTo("OFFICE_NOT_FOUND"));
        Map<String, Object> phoneOnly = complaint(solvedCaptcha());
        phoneOnly.remove("email");
        phoneOnly.put("category", "APPLICATION");
        file(phoneOnly).then().statusCode(201).body("ticket", matchesPattern("ADU-6305-DISDUKCAPIL-\\d{8}-\\d+"));
    }

    @Test
    void filingIsLimitedPerAddress() {
        given().get("/api/v1/operator/complaints").then().statusCode(401);
        sleep(Duration.ofSeconds(3)); // a fresh window of the test profile's 5 per 3 s
        Response limited = null;
        for (int i = 0; i < 8 && limited == null; i++) {
            Response r = given().contentType(ContentType.JSON).body(complaint("bm90IGEgc29sdXRpb24="))
                    .post("/api/v1/complaints");
            if (r.statusCode() == 429) {
                limited = r;
            } else {
                assertThat(r.statusCode()).isEqualTo(400);
            }
        }
        assertThat(limited).as("429 within the allowance").isNotNull();
        assertThat(limited.contentType()).startsWith("application/problem+json");
        assertThat(limited.jsonPath().getString("code")).isEqualTo("RATE_LIMITED");
        assertThat(limited.header("Retry-After")).isNotBlank();
    }

    private static io.restassured.response.ValidatableResponse post(String token, String id, String action,
            Map<String, ?> body) {
        return given().auth().oauth2(token).contentType(ContentType.JSON).body(body)
                .post("/api/v1/operator/complaints/" + id + "/" + action).then();
    }

    private static ComplaintUpdated event(TopicProbe events, String ticket, String status) {
        ConsumerRecord<String, String> record = events.await(r -> EventType.COMPLAINT_UPDATED.type()
                .equals(TopicProbe.header(r, "ce_type")) && r.value().contains("\"" + ticket + "\"")
                && r.value().contains("\"status\":\"" + status + "\""), Duration.ofSeconds(30));
        return EventJson.read(record.value(), ComplaintUpdated.class);
    }

    private static String sha256Hex(String text) {
        try {
            return java.util.HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void sleep(Duration d) {
        try {
            Thread.sleep(d.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}

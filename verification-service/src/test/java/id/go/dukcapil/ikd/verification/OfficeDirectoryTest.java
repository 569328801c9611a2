package id.go.dukcapil.ikd.verification;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.Map;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

import id.go.dukcapil.ikd.testing.IkdTestResource;
import id.go.dukcapil.ikd.verification.domain.OfficeTimeZone;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;

/** The public office directory: the five seed offices as their SOPs publish them, found without a login. */
@QuarkusTest
@QuarkusTestResource(value = IkdTestResource.class, initArgs = @ResourceArg(name = "database", value = "verification"))
@QuarkusTestResource(RegistrationServiceStub.class)
@org.junit.jupiter.api.TestMethodOrder(org.junit.jupiter.api.MethodOrderer.OrderAnnotation.class)
class OfficeDirectoryTest {

    private static JsonPath office(String code) {
        return given().get("/api/v1/offices/" + code).then().statusCode(200).contentType("application/json")
                .extract().jsonPath();
    }

    @Test
    void everySeedOfficeKeepsItsProvincesTimeZone() {
        JsonPath all = given().get("/api/v1/offices").then().statusCode(200).extract().jsonPath();
        List<Map<String, Object>> offices = all.getList("$");
        assertThat(offices).extracting(o -> o.get("code")).contains("6305-DISDUKCAPIL", "351814-KEC-BAGOR",
                "352417-KEC-SUKODADI", "1376-DISDUKCAPIL", "3513-DISDUKCAPIL", "DITJEN-DUKCAPIL");
        for (Map<String, Object> o : offices) {
            @SuppressWarnings("unchecked")
            Map<String, Object> zone = (Map<String, Object>) o.get("timeZone");
            assertThat(zone.get("code")).as(String.valueOf(o.get("code")))
                    .isEqualTo(OfficeTimeZone.ofArea((String) o.get("areaCode")).name());
        }
        JsonPath tapin = office("6305-DISDUKCAPIL");
        assertThat(tapin.getString("timeZone.code")).isEqualTo("WITA");
        assertThat(tapin.getString("timeZone.zoneId")).isEqualTo("Asia/Makassar");
        assertThat(tapin.getString("timeZone.utcOffset")).isEqualTo("+08:00");
    }

    @Test
    void anOfficeCreatedByAnAdminTakesItsZoneFromItsProvince() {
        String admin = TestSupport.login("admin");
        given().auth().oauth2(admin).contentType("application/json").body(Map.of("code", "9171-DISDUKCAPIL",
                "name", "Dinas Kependudukan dan Pencatatan Sipil Kota Jayapura", "level", "REGENCY", "areaCode", "91.71",
                "approvalModel", "LOCAL", "verificationMinutes", 5, "validationMinutes", 5, "activationMinutes", 10,
                "completionMinutes", 60)).post("/api/v1/admin/offices").then().statusCode(201)
                .body("timeZone", equalTo("WIT"));
        assertThat(office("9171-DISDUKCAPIL").getString("timeZone.zoneId")).isEqualTo("Asia/Jayapura");
        given().auth().oauth2(admin).contentType("application/json").body(Map.of("code", "9901-NOWHERE",
                "name", "Nowhere", "level", "REGENCY", "areaCode", "99.01", "approvalModel", "LOCAL",
                "verificationMinutes", 5, "validationMinutes", 5, "activationMinutes", 10, "completionMinutes", 60))
                .post("/api/v1/admin/offices").then().statusCode(400).contentType("application/problem+json")
                .body("code", equalTo("VALIDATION_FAILED"));
    }

    @Test
    void everyChannelTheSopsPublishIsListed() {
        JsonPath tapin = office("6305-DISDUKCAPIL");
        assertThat(tapin.getList("complaintChannels.kind")).containsExactly("IN_PERSON", "LETTER", "PHONE", "EMAIL",
                "INSTAGRAM", "FACEBOOK", "WHATSAPP", "WEBSITE");
        assertThat(tapin.getList("complaintChannels.value")).contains("0517-32454", "dukcapil.rantau777@gmail.com",
                "@disdukcapiltapin", "0811-5113-141");

        JsonPath bagor = office("351814-KEC-BAGOR");
        assertThat(bagor.getList("complaintChannels.kind")).contains("LAPOR", "WHATSAPP", "INSTAGRAM", "TIKTOK", "EMAIL");
        assertThat(bagor.getString("complaintChannels.find { it.kind == 'WHATSAPP' }.label")).isEqualTo("Iwan");
        assertThat(bagor.getString("complaintChannels.find { it.kind == 'WHATSAPP' }.link"))
                .isEqualTo("https://wa.me/6285899434853");

        assertThat(office("1376-DISDUKCAPIL").getList("complaintChannels.kind")).contains("SUGGESTION_BOX", "PHONE",
                "INSTAGRAM", "TWITTER");
        JsonPath probolinggo = office("3513-DISDUKCAPIL");
        assertThat(probolinggo.getString("complaintChannels.find { it.label == 'Lapor Kand4' }.value"))
                .isEqualTo("0821-3100-1001");

        // Sukodadi's SOP publishes no contact: it still has a way in, never an empty list
        JsonPath sukodadi = office("352417-KEC-SUKODADI");
        assertThat(sukodadi.getList("complaintChannels.kind")).contains("IN_PERSON", "LAPOR");
        assertThat(sukodadi.getBoolean("hoursPublished")).isFalse();

        JsonPath ditjen = office("DITJEN-DUKCAPIL");
        assertThat(ditjen.getString("address")).contains("Pasar Minggu").doesNotContain("Medan Merdeka");
        assertThat(ditjen.getString("complaintChannels.find { it.label == 'Halo Dukcapil' }.value")).isEqualTo("1500537");
    }

    @Test
    void searchByNameOrByAreaCode() {
        given().queryParam("q", "tapin").get("/api/v1/offices").then().statusCode(200)
                .body("code", equalTo(List.of("6305-DISDUKCAPIL")));
        // the offices in East Java, and only those
        List<String> eastJava = given().queryParam("area", "35").get("/api/v1/offices").then().statusCode(200)
                .extract().jsonPath().getList("code");
        assertThat(eastJava).contains("351814-KEC-BAGOR", "352417-KEC-SUKODADI", "3513-DISDUKCAPIL")
                .doesNotContain("6305-DISDUKCAPIL", "DITJEN-DUKCAPIL");
        // a district of Tapin finds the Dinas that covers it, with or without dots
        given().queryParam("area", "630504").get("/api/v1/offices").then().statusCode(200)
                .body("code", equalTo(List.of("6305-DISDUKCAPIL")));
        given().queryParam("q", "kecamatan").queryParam("area", "35.24").get("/api/v1/offices").then().statusCode(200)
                .body("code", equalTo(List.of("352417-KEC-SUKODADI")));
        // a wildcard typed is a character, not a pattern
        given().queryParam("q", "%").get("/api/v1/offices").then().statusCode(200).body("size()", equalTo(0));
    }

    @Test
    void mistakesAreProblemsInBothLanguages() {
        given().header("Accept-Language", "id").queryParam("area", "6").get("/api/v1/offices").then().statusCode(400)
                .contentType("application/problem+json").body("code", equalTo("VALIDATION_FAILED"))
                .body("detail", containsString("Kode wilayah"));
        given().get("/api/v1/offices/NO-SUCH-OFFICE").then().statusCode(404).contentType("application/problem+json")
                .body("code", equalTo("OFFICE_NOT_FOUND"));
    }

    @Test
    void thePageNeedsNoLoginAndShowsHoursZoneAndChannels() {
        Response page = given().redirects().follow(false).queryParam("q", "bagor").get("/offices");
        page.then().statusCode(200).contentType(containsString("text/html"))
                .header("Content-Security-Policy", containsString("default-src 'self'"))
                .body(containsString("Kecamatan Bagor")).body(containsString("href=\"https://wa.me/6285899434853\""))
                .body(containsString("(Iwan)")).body(containsString("TikTok"))
                .body(containsString("Belum diterbitkan oleh kantor"))
                .body(not(containsString("id=\"office-6305-DISDUKCAPIL\"")));
        given().get("/offices/6305-DISDUKCAPIL").then().statusCode(200).body(containsString("data-zone=\"WITA\""))
                .body(containsString("Waktu Indonesia Tengah"));
        given().get("/offices/3171-DEMO").then().statusCode(200).body(containsString("Jumat <small>Friday</small> 08:00–11:00 WIB"));
        given().get("/offices/NO-SUCH").then().statusCode(404).body(containsString("Kantor tidak ditemukan"));
        given().queryParam("area", "abc").get("/offices").then().statusCode(400).body(containsString("id=\"notice\""));
    }

    /** Last: it fills this address's window, which the other tests share (all come from 127.0.0.1). */
    @Test
    @org.junit.jupiter.api.Order(Integer.MAX_VALUE)
    void theDirectoryIsRateLimitedPerAddress() {
        // 30 a window of 2 s in tests: 80 requests, 16 at a time, fill at least one window even on a
        // loaded machine (one after the other they came too slowly there to fill any)
        List<Response> answers;
        ExecutorService clients = Executors.newFixedThreadPool(16);
        try {
            answers = clients.invokeAll(java.util.Collections.nCopies(80,
                    (Callable<Response>) () -> given().get("/api/v1/offices/DITJEN-DUKCAPIL"))).stream()
                    .map(OfficeDirectoryTest::answer).toList();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        } finally {
            clients.shutdownNow();
        }
        List<Integer> statuses = answers.stream().map(Response::statusCode).toList();
        Response limited = answers.stream().filter(r -> r.statusCode() == 429).findFirst().orElse(null);
        assertThat(statuses).contains(429).allMatch(s -> s == 200 || s == 429);
        assertThat(limited.contentType()).startsWith("application/problem+json");
        assertThat(limited.jsonPath().getString("code")).isEqualTo("RATE_LIMITED");
        assertThat(Integer.parseInt(limited.header("Retry-After"))).isBetween(1, 2);
        // and it lets go when the window has passed
        Awaitility.await().atMost(Duration.ofSeconds(6)).pollInterval(Duration.ofMillis(500))
                .until(() -> given().get("/api/v1/offices/DITJEN-DUKCAPIL").statusCode() == 200);
        given().get("/api/v1/offices").then().statusCode(200).body("code", hasItem("DITJEN-DUKCAPIL"));
    }

    private static Response answer(Future<Response> future) {
        try {
            return future.get();
        } catch (InterruptedException | ExecutionException e) {
            throw new AssertionError(e);
        }
    }
}

package id.go.dukcapil.ikd.registration;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.matchesPattern;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.X509EncodedKeySpec;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;

import javax.imageio.ImageIO;

import jakarta.inject.Inject;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.hibernate.Hibernate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import id.go.dukcapil.ikd.events.CounterCodeIssued;
import id.go.dukcapil.ikd.events.EventJson;
import id.go.dukcapil.ikd.events.EventType;
import id.go.dukcapil.ikd.events.RegistrationSubmitted;
import id.go.dukcapil.ikd.events.RegistrationWithdrawn;
import id.go.dukcapil.ikd.events.Topics;
import id.go.dukcapil.ikd.events.WithdrawalReason;
import id.go.dukcapil.ikd.registration.repository.RegistrationRepository;
import id.go.dukcapil.ikd.testing.IkdTestResource;
import id.go.dukcapil.ikd.testing.TopicProbe;
import id.go.dukcapil.ikd.web.CaseGrants;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.vertx.VertxContextSupport;
import io.restassured.response.Response;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;

/** SOP step 2 against the real PostgreSQL and Kafka: what is stored, published and refused. */
@QuarkusTest
@QuarkusTestResource(value = IkdTestResource.class, initArgs = @ResourceArg(name = "database", value = "registration"))
class RegistrationSubmissionTest {

    @Inject
    Pool pool;
    @Inject
    RegistrationRepository registrations;
    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;
    @ConfigProperty(name = "mp.jwt.verify.publickey.location")
    String publicKeyLocation;

    private final ObjectMapper json = new ObjectMapper();

    @Test
    void validRegistrationIsStoredAndPublishedWithItsFirstCounterCode() throws Exception {
        String nik = Citizens.nik();
        Map<String, String> form = Citizens.form(nik);
        form.put("email", "Budi.Santoso@Example.ID");
        form.put("phone", "+62 812-3456-7890");
        try (TopicProbe probe = TopicProbe.fromNow(bootstrap, Topics.REGISTRATION)) {
            Response response = Citizens.register(form);
            response.then().statusCode(202)
                    .body("status", equalTo("PENDING_VERIFICATION"))
                    .body("registrationSecret", matchesPattern("[A-Za-z0-9_-]{43}"))
                    .body("counterCode.sequence", equalTo(1))
                    .body("counterCode.shortCode", matchesPattern("[2-9A-HJ-NP-Z]{4}-[2-9A-HJ-NP-Z]{4}"))
                    .body("timeZone", equalTo("WIB")); // Kabupaten Bandung's office
            String id = response.path("registrationId");

            ConsumerRecord<String, String> submitted = probe.await(
                    r -> id.equals(r.key()) && EventType.REGISTRATION_SUBMITTED.type().equals(TopicProbe.header(r, "ce_type")),
                    Duration.ofSeconds(30));
            assertThat(TopicProbe.header(submitted, "ce_specversion")).isEqualTo("1.0");
            assertThat(TopicProbe.header(submitted, "ce_source")).isEqualTo("/ikd/registration-service");
            assertThat(TopicProbe.header(submitted, "ce_id")).isNotBlank();
            assertThat(TopicProbe.header(submitted, "content-type")).startsWith("application/json");
            RegistrationSubmitted event = EventJson.read(submitted.value(), RegistrationSubmitted.class);
            assertThat(event.registrationId()).isEqualTo(UUID.fromString(id));
            assertThat(event.nik()).isEqualTo(nik);
            assertThat(event.email()).isEqualTo("budi.santoso@example.id");
            assertThat(event.phone()).isEqualTo("+6281234567890");
            assertThat(event.language()).isEqualTo("id");
            assertThat(event.supersedes()).isNull();
            assertThat(event.shortCode()).isEqualTo(response.<String>path("counterCode.shortCode"));
            assertThat(json.readTree(event.deviceKeyJwk()).get("crv").asText()).isEqualTo("P-256");

            ConsumerRecord<String, String> code = probe.await(
                    r -> id.equals(r.key()) && EventType.COUNTER_CODE_ISSUED.type().equals(TopicProbe.header(r, "ce_type")),
                    Duration.ofSeconds(30));
            CounterCodeIssued issued = EventJson.read(code.value(), CounterCodeIssued.class);
            assertThat(issued.sequence()).isEqualTo(1);
            assertThat(issued.shortCode()).isEqualTo(event.shortCode());
            assertThat(Duration.between(issued.issuedAt(), issued.expiresAt())).isEqualTo(Duration.ofMinutes(10));

            String payload = response.path("counterCode.payload");
            JsonNode claims = verifiedCounterCode(payload);
            assertThat(claims.get("sub").asText()).isEqualTo(id);
            assertThat(claims.get("jti").asText()).isEqualTo(issued.codeId().toString());
            assertThat(claims.get("sc").asText()).isEqualTo(issued.shortCode());
            assertThat(claims.get("iss").asText()).isEqualTo(IkdTestResource.ISSUER);
            assertThat(claims.get("exp").asLong() - claims.get("iat").asLong()).isEqualTo(600);

            // the selfie is stored sealed, and the operator gets back a real image
            byte[] stored = storedSelfie(id);
            assertThat(stored).isNotNull();
            byte[] shown = Citizens.asOperatorOfTheCase("operator", id).get("/api/v1/registrations/" + id + "/selfie")
                    .then().statusCode(200).contentType("image/jpeg").header("Cache-Control", "no-store")
                    .extract().asByteArray();
            assertThat(ImageIO.read(new ByteArrayInputStream(shown)).getWidth()).isEqualTo(480);
            assertThat(indexOf(stored, Arrays.copyOf(shown, 64))).as("stored bytes are not the plain image").isEqualTo(-1);
            assertThat(event.selfieSha256()).isEqualTo(sha256Hex(shown));

            // the rate limits counted this submission by address and device, under keyed names only
            List<String> buckets = new ArrayList<>();
            pool.query("select bucket from rate_limit_window").execute().await().indefinitely()
                    .forEach(row -> buckets.add(row.getString("bucket")));
            assertThat(buckets).isNotEmpty().allSatisfy(bucket -> assertThat(bucket).matches("[A-Za-z0-9_-]{22}"));
            assertThat(String.join(" ", buckets)).doesNotContain("127.0.0.1").doesNotContain("address")
                    .doesNotContain("device");
        }
    }

    @Test
    void selfieIsForTheOfficeHandlingTheCaseOnly() {
        String id = Citizens.registered()[0];
        String other = Citizens.registered()[0];
        given().get("/api/v1/registrations/" + id + "/selfie").then().statusCode(401)
                .contentType("application/problem+json").body("code", equalTo("UNAUTHORIZED"));
        given().auth().oauth2(Citizens.operatorToken("citizen")).get("/api/v1/registrations/" + id + "/selfie")
                .then().statusCode(403).contentType("application/problem+json").body("code", equalTo("FORBIDDEN"));
        // an operator's token alone, whatever the office, no longer opens a citizen's selfie
        given().auth().oauth2(Citizens.operatorToken("operator")).get("/api/v1/registrations/" + id + "/selfie")
                .then().statusCode(403).contentType("application/problem+json").body("code", equalTo("CASE_GRANT_REQUIRED"));
        // a grant for another registration, another office's operator with this office's grant,
        // another operator's grant, a bearer token passed off as a grant: all refused alike
        given().auth().oauth2(Citizens.operatorToken("operator"))
                .header(CaseGrants.HEADER, Citizens.caseGrant("op-test", other, "3204-DISDUKCAPIL"))
                .get("/api/v1/registrations/" + id + "/selfie").then().statusCode(403)
                .body("code", equalTo("CASE_GRANT_REQUIRED"));
        given().auth().oauth2(Citizens.operatorToken("operator", "3171-DEMO"))
                .header(CaseGrants.HEADER, Citizens.caseGrant("op-test", id, "3204-DISDUKCAPIL"))
                .get("/api/v1/registrations/" + id + "/selfie").then().statusCode(403)
                .body("code", equalTo("CASE_GRANT_REQUIRED"));
        given().auth().oauth2(Citizens.operatorToken("operator"))
                .header(CaseGrants.HEADER, Citizens.caseGrant("op-other", id, "3204-DISDUKCAPIL"))
                .get("/api/v1/registrations/" + id + "/selfie").then().statusCode(403)
                .body("code", equalTo("CASE_GRANT_REQUIRED"));
        given().auth().oauth2(Citizens.operatorToken("operator"))
                .header(CaseGrants.HEADER, Citizens.operatorToken("operator"))
                .get("/api/v1/registrations/" + id + "/selfie").then().statusCode(403)
                .body("code", equalTo("CASE_GRANT_REQUIRED"));

        Citizens.asOperatorOfTheCase("supervisor", id).get("/api/v1/registrations/" + id + "/selfie")
                .then().statusCode(200);
        String unknown = UUID.randomUUID().toString();
        Citizens.asOperatorOfTheCase("operator", unknown).get("/api/v1/registrations/" + unknown + "/selfie")
                .then().statusCode(404).contentType("application/problem+json").body("code", equalTo("SELFIE_NOT_AVAILABLE"));
    }

    @Test
    void pngIsAcceptedAndStoredAsJpeg() {
        Response response = Citizens.register(Citizens.form(Citizens.nik()), Citizens.image("png", 400, 400), "me.png", "image/png");
        response.then().statusCode(202);
        Citizens.asOperatorOfTheCase("operator", response.path("registrationId"))
                .get("/api/v1/registrations/" + response.path("registrationId") + "/selfie")
                .then().statusCode(200).contentType("image/jpeg");
    }

    static Stream<Arguments> invalidFields() {
        return Stream.of(
                Arguments.of("nik", "320412170590001", "NIK_MALFORMED"),
                Arguments.of("nik", "32041217059000011", "NIK_MALFORMED"),
                Arguments.of("nik", "32041217059O0001", "NIK_MALFORMED"),
                Arguments.of("nik", "３２０４１２１７０５９０００１", "NIK_MALFORMED"),
                Arguments.of("nik", "9904121705900001", "NIK_UNKNOWN_PROVINCE"),
                Arguments.of("nik", "3200121705900001", "NIK_INVALID_REGENCY"),
                Arguments.of("nik", "3204001705900001", "NIK_INVALID_DISTRICT"),
                Arguments.of("nik", "3204123002900001", "NIK_INVALID_BIRTH_DATE"),
                Arguments.of("nik", "3204122902930001", "NIK_INVALID_BIRTH_DATE"),
                Arguments.of("nik", "3204127205900001", "NIK_INVALID_BIRTH_DATE"),
                Arguments.of("nik", "3204121713900001", "NIK_INVALID_BIRTH_DATE"),
                Arguments.of("nik", "3204121705900000", "NIK_INVALID_SERIAL"),
                Arguments.of("email", "not-an-email", "EMAIL_INVALID"),
                Arguments.of("email", "budi@example.id\r\nBcc: all@example.id", "EMAIL_INVALID"),
                Arguments.of("email", "a".repeat(65) + "@example.id", "EMAIL_INVALID"),
                Arguments.of("email", "budi@localhost", "EMAIL_INVALID"),
                Arguments.of("phone", "0212345678", "PHONE_INVALID"),
                Arguments.of("phone", "+6581234567", "PHONE_INVALID"),
                Arguments.of("phone", "08123", "PHONE_INVALID"),
                Arguments.of("language", "fr", "LANGUAGE_INVALID"),
                Arguments.of("deviceKey", "not json", "DEVICE_KEY_INVALID"),
                Arguments.of("deviceKey", "{\"kty\":\"RSA\",\"n\":\"AQAB\",\"e\":\"AQAB\"}", "DEVICE_KEY_INVALID"),
                Arguments.of("deviceKey", "{\"kty\":\"EC\",\"crv\":\"P-256\",\"x\":\"" + "A".repeat(43) + "\",\"y\":\""
                        + "A".repeat(43) + "\"}", "DEVICE_KEY_INVALID"));
    }

    @ParameterizedTest(name = "{0} = {1} -> {2}")
    @MethodSource("invalidFields")
    void invalidFieldIsRefusedWithItsCodeAndNothingStored(String field, String value, String code) {
        Map<String, String> form = Citizens.form(Citizens.nik());
        form.put(field, value);
        long before = registrationCount();
        Citizens.register(form).then().statusCode(400).contentType("application/problem+json")
                .body("code", equalTo(code)).body("field", equalTo(field));
        assertThat(registrationCount()).isEqualTo(before);
    }

    @Test
    void women40DayOffsetAndLeapDayAreValidBirthDates() {
        Map<String, String> woman = Citizens.form("3204125705900001".substring(0, 12) + "0042");
        Citizens.register(woman).then().statusCode(202);
        Map<String, String> leapDay = Citizens.form("3204126902920017");
        Citizens.register(leapDay).then().statusCode(202);
    }

    @Test
    void aRegistrationIsReadWithoutItsSealedSelfie() throws Throwable {
        String id = Citizens.register(Citizens.form(Citizens.nik())).then().statusCode(202).extract().path("registrationId");
        // a scan, a status poll and a decision load the row: tens of KB of selfie each time if it came with it
        boolean selfieLoaded = VertxContextSupport.subscribeAndAwait(() -> Panache.withSession(
                () -> registrations.findById(UUID.fromString(id)).map(r -> Hibernate.isPropertyInitialized(r, "selfieSealed"))));
        assertThat(selfieLoaded).as("the sealed selfie loaded with the registration").isFalse();
        assertThat(storedSelfie(id)).isNotNull();
        Citizens.asOperatorOfTheCase("operator", id).get("/api/v1/registrations/" + id + "/selfie").then().statusCode(200)
                .contentType("image/jpeg");
    }

    @Test
    void privateDeviceKeyIsRefused() {
        String key = Citizens.deviceKey();
        Map<String, String> form = Citizens.form(Citizens.nik());
        form.put("deviceKey", key.replace("}", ",\"d\":\"" + "A".repeat(43) + "\"}"));
        Citizens.register(form).then().statusCode(400).body("code", equalTo("DEVICE_KEY_INVALID"));
    }

    static Stream<Arguments> invalidSelfies() {
        byte[] text = "this is not an image at all, just text pretending".getBytes(StandardCharsets.UTF_8);
        byte[] truncatedJpeg = Arrays.copyOf(Citizens.selfie(), 200);
        byte[] tooBig = new byte[2 * 1024 * 1024 + 1];
        System.arraycopy(Citizens.selfie(), 0, tooBig, 0, Citizens.selfie().length);
        return Stream.of(
                Arguments.of("text as text/plain", text, "notes.txt", "text/plain", 400, "SELFIE_NOT_AN_IMAGE"),
                Arguments.of("text claiming image/jpeg", text, "selfie.jpg", "image/jpeg", 400, "SELFIE_NOT_AN_IMAGE"),
                Arguments.of("truncated JPEG", truncatedJpeg, "selfie.jpg", "image/jpeg", 400, "SELFIE_NOT_AN_IMAGE"),
                Arguments.of("GIF claiming image/png", Citizens.image("gif", 400, 400), "selfie.png", "image/png", 415,
                        "SELFIE_UNSUPPORTED_FORMAT"),
                Arguments.of("over 2 MB", tooBig, "selfie.jpg", "image/jpeg", 413, "SELFIE_TOO_LARGE"),
                Arguments.of("4100 x 300 PNG (a small file, refused from its header)", Citizens.image("png", 4100, 300), "selfie.png",
                        "image/png", 400, "SELFIE_TOO_MANY_PIXELS"),
                Arguments.of("64 x 64 thumbnail", Citizens.image("jpeg", 64, 64), "selfie.jpg", "image/jpeg", 400,
                        "SELFIE_TOO_SMALL"),
                Arguments.of("empty file", new byte[0], "selfie.jpg", "image/jpeg", 400, "SELFIE_MISSING"));
    }

    @ParameterizedTest(name = "{0} -> {5}")
    @MethodSource("invalidSelfies")
    void invalidSelfieIsRefusedWithItsCodeAndNothingStored(String description, byte[] selfie, String fileName,
            String mimeType, int status, String code) {
        long before = registrationCount();
        Citizens.register(Citizens.form(Citizens.nik()), selfie, fileName, mimeType).then().statusCode(status)
                .contentType("application/problem+json").body("code", equalTo(code));
        assertThat(registrationCount()).isEqualTo(before);
    }

    @Test
    void missingSelfieIsRefused() {
        long before = registrationCount();
        var request = given();
        Citizens.form(Citizens.nik()).forEach(request::multiPart);
        request.post("/api/v1/registrations").then().statusCode(400).body("code", equalTo("SELFIE_MISSING"));
        assertThat(registrationCount()).isEqualTo(before);
    }

    @Test
    void bodyOverTheHttpLimitIsRefusedBeforeItIsRead() {
        long before = registrationCount();
        Citizens.register(Citizens.form(Citizens.nik()), new byte[4 * 1024 * 1024], "selfie.jpg", "image/jpeg")
                .then().statusCode(413).contentType("application/problem+json").body("code", equalTo("PAYLOAD_TOO_LARGE"));
        assertThat(registrationCount()).isEqualTo(before);
    }

    @Test
    void jsonInsteadOfAFormIsRefused() {
        given().contentType("application/json").body("{\"nik\":\"3204121705900001\"}").post("/api/v1/registrations")
                .then().statusCode(415).contentType("application/problem+json").body("code", equalTo("UNSUPPORTED_MEDIA_TYPE"));
    }

    @Test
    void duplicateNikIsIndistinguishableAndNeitherCancelsTheOther() {
        String nik = Citizens.nik();
        Map<String, String> first = Citizens.form(nik);
        Map<String, String> stranger = Citizens.form(nik); // anyone who read the citizen's KTP
        try (TopicProbe probe = TopicProbe.fromNow(bootstrap, Topics.REGISTRATION)) {
            Response a = Citizens.register(first);
            Response b = Citizens.register(stranger);
            Response c = Citizens.register(Citizens.form(Citizens.nik()));
            assertThat(b.statusCode()).isEqualTo(a.statusCode()).isEqualTo(c.statusCode()).isEqualTo(202);
            assertThat(shape(b)).isEqualTo(shape(a)).isEqualTo(shape(c));
            assertThat(b.<String>path("status")).isEqualTo(a.path("status"));
            assertThat(b.<Integer>path("counterCode.sequence")).isEqualTo(a.<Integer>path("counterCode.sequence"));

            String firstId = a.path("registrationId");
            String strangerId = b.path("registrationId");
            ConsumerRecord<String, String> submitted = probe.await(r -> strangerId.equals(r.key())
                    && EventType.REGISTRATION_SUBMITTED.type().equals(TopicProbe.header(r, "ce_type")), Duration.ofSeconds(30));
            assertThat(EventJson.read(submitted.value(), RegistrationSubmitted.class).supersedes()).isNull();
            // the relay publishes in commit order: nothing withdrew the first before or after the stranger's
            assertThat(probe.collect(r -> firstId.equals(r.key())
                    && EventType.REGISTRATION_WITHDRAWN.type().equals(TopicProbe.header(r, "ce_type")),
                    Duration.ofSeconds(2))).isEmpty();

            given().header(Citizens.SECRET_HEADER, a.<String>path("registrationSecret")).get("/api/v1/registrations/" + firstId)
                    .then().statusCode(200).body("status", equalTo("PENDING_VERIFICATION"))
                    .body("selfieErased", equalTo(false)).body("timeline[-1].kind", equalTo("SUBMITTED"))
                    .body("timeZone", equalTo("WIB"));
            assertThat(storedSelfie(firstId)).isNotNull();
            assertThat(pendingCount(nik)).isEqualTo(2);
        }
    }

    @Test
    void pendingRegistrationsPerNikAreLimited() {
        String nik = Citizens.nik();
        String[] first = null;
        for (int i = 0; i < 3; i++) {
            Response accepted = Citizens.register(Citizens.form(nik));
            accepted.then().statusCode(202);
            if (first == null) {
                first = new String[] { accepted.path("registrationId"), accepted.path("registrationSecret") };
            }
        }
        long before = registrationCount();
        Citizens.register(Citizens.form(nik)).then().statusCode(429).contentType("application/problem+json")
                .body("code", equalTo("NIK_PENDING_LIMIT")).body("title", matchesPattern(".*NIK.*"));
        given().header("Accept-Language", "en").multiPart("selfie", "selfie.jpg", Citizens.selfie(), "image/jpeg")
                .multiPart("nik", nik).multiPart("email", Citizens.email()).multiPart("phone", "081234567890")
                .multiPart("deviceKey", Citizens.deviceKey()).post("/api/v1/registrations")
                .then().statusCode(429).body("code", equalTo("NIK_PENDING_LIMIT"))
                .body("title", equalTo("Too many registrations of this NIK await verification"));
        assertThat(registrationCount()).isEqualTo(before);
        assertThat(pendingCount(nik)).isEqualTo(3);

        // a withdrawn one frees its place
        given().header(Citizens.SECRET_HEADER, first[1]).delete("/api/v1/registrations/" + first[0]).then().statusCode(204);
        Citizens.register(Citizens.form(nik)).then().statusCode(202);
        assertThat(pendingCount(nik)).isEqualTo(3);
    }

    /**
     * Twelve submissions of one NIK at once: exactly the limit's three are accepted, whatever their
     * order. Without the NIK's lock, or with the count reading a snapshot taken before the lock was
     * held, several see fewer than three pending and all of those are stored.
     */
    @Test
    void pendingLimitHoldsForSubmissionsAtOnce() throws Exception {
        String nik = Citizens.nik();
        int submissions = 12;
        List<Response> responses = Citizens.atOnce(
                Collections.nCopies(submissions, () -> submitPastTheBulkhead(nik)));
        assertThat(responses).filteredOn(response -> response.statusCode() == 202).hasSize(3);
        assertThat(responses).filteredOn(response -> response.statusCode() != 202)
                .extracting(response -> response.statusCode() + " " + response.path("code"))
                .containsOnly("429 NIK_PENDING_LIMIT");
        assertThat(pendingCount(nik)).isEqualTo(3);
    }

    /**
     * A submission of {@code nik}, sent again while the image-decode bulkhead answers 503 (full, or
     * its wait over on a busy build machine), as the app does after {@code Retry-After}: such a
     * submission never reached the NIK's count, and the test is about the count. Each attempt has
     * a device key of its own, since a device's submissions are limited too.
     */
    private static Response submitPastTheBulkhead(String nik) throws InterruptedException {
        for (int attempt = 1;; attempt++) {
            Response response = Citizens.register(Citizens.form(nik));
            if (response.statusCode() != 503 || attempt == 20) {
                return response;
            }
            Thread.sleep(250);
        }
    }

    /**
     * Prints how long a new NIK and an already pending one take (the figures back the no-enumeration
     * claim; they are not asserted, since timing on a shared build machine is noise).
     */
    @Test
    void newAndDuplicateNikTakeTheSameWork() {
        int rounds = 8;
        long[] fresh = new long[rounds];
        long[] duplicate = new long[rounds];
        for (int i = 0; i < rounds; i++) {
            String nik = Citizens.nik();
            Map<String, String> first = Citizens.form(nik);
            long start = System.nanoTime();
            Citizens.register(first).then().statusCode(202);
            fresh[i] = System.nanoTime() - start;
            start = System.nanoTime();
            Citizens.register(Citizens.form(nik)).then().statusCode(202);
            duplicate[i] = System.nanoTime() - start;
        }
        Arrays.sort(fresh);
        Arrays.sort(duplicate);
        System.out.printf("registration timing over %d rounds: new NIK median %.1f ms, pending NIK median %.1f ms%n",
                rounds, fresh[rounds / 2] / 1e6, duplicate[rounds / 2] / 1e6);
    }

    @Test
    void submissionsPerDeviceKeyAreLimited() {
        String deviceKey = Citizens.deviceKey();
        for (int i = 0; i < 3; i++) {
            Map<String, String> form = Citizens.form(Citizens.nik());
            form.put("deviceKey", deviceKey);
            Citizens.register(form).then().statusCode(202);
        }
        Map<String, String> form = Citizens.form(Citizens.nik());
        form.put("deviceKey", deviceKey);
        long before = registrationCount();
        Response refused = Citizens.register(form);
        refused.then().statusCode(429).contentType("application/problem+json").body("code", equalTo("RATE_LIMITED"));
        assertThat(Long.parseLong(refused.header("Retry-After"))).isBetween(1L, 3600L);
        assertThat(registrationCount()).isEqualTo(before);
    }

    @Test
    void openApiDescribesEveryEndpointAndItsErrors() {
        given().accept("application/json").get("/q/openapi").then().statusCode(200)
                .body("paths.'/api/v1/registrations'.post.responses.keySet()", org.hamcrest.Matchers.hasItems("202", "400", "413", "415", "429"))
                .body("paths.'/api/v1/registrations/{id}'.get.responses.keySet()", org.hamcrest.Matchers.hasItems("200", "401"))
                .body("paths.'/api/v1/registrations/{id}'.delete.responses.keySet()", org.hamcrest.Matchers.hasItems("204", "401", "409"))
                .body("paths.'/api/v1/registrations/{id}/events'.get.responses.keySet()", org.hamcrest.Matchers.hasItems("200", "401"))
                .body("paths.'/api/v1/registrations/{id}/counter-code'.post.responses.keySet()",
                        org.hamcrest.Matchers.hasItems("200", "401", "409", "429"))
                .body("paths.'/api/v1/registrations/{id}/selfie'.get.responses.keySet()",
                        org.hamcrest.Matchers.hasItems("200", "401", "403", "404"));
    }

    private static java.util.Set<String> shape(Response response) {
        java.util.Set<String> keys = new java.util.TreeSet<>();
        response.jsonPath().<String, Object>getMap("$").keySet().forEach(keys::add);
        response.jsonPath().<String, Object>getMap("counterCode").keySet().forEach(key -> keys.add("counterCode." + key));
        return keys;
    }

    private JsonNode verifiedCounterCode(String compact) throws Exception {
        String[] parts = compact.split("\\.");
        assertThat(parts).hasSize(3);
        Base64.Decoder decoder = Base64.getUrlDecoder();
        JsonNode header = json.readTree(decoder.decode(parts[0]));
        assertThat(header.get("typ").asText()).isEqualTo("ikd-counter+jwt");
        assertThat(header.get("alg").asText()).isEqualTo("ES256");
        Signature verifier = Signature.getInstance("SHA256withECDSAinP1363Format");
        verifier.initVerify(suitePublicKey());
        verifier.update((parts[0] + "." + parts[1]).getBytes(StandardCharsets.US_ASCII));
        assertThat(verifier.verify(decoder.decode(parts[2]))).as("signed with the suite key").isTrue();
        return json.readTree(decoder.decode(parts[1]));
    }

    private PublicKey suitePublicKey() throws Exception {
        String pem = Files.readString(Path.of(java.net.URI.create(publicKeyLocation)));
        String base64 = pem.replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
        return KeyFactory.getInstance("EC").generatePublic(new X509EncodedKeySpec(Base64.getDecoder().decode(base64)));
    }

    private long registrationCount() {
        return pool.query("select count(*) from registration").execute().await().indefinitely()
                .iterator().next().getLong(0);
    }

    private long pendingCount(String nik) {
        return pool.preparedQuery("select count(*) from registration where nik = $1 and status = 'PENDING_VERIFICATION'")
                .execute(Tuple.of(nik)).await().indefinitely().iterator().next().getLong(0);
    }

    private byte[] storedSelfie(String id) {
        var row = pool.preparedQuery("select selfie_sealed from registration where id = $1")
                .execute(Tuple.of(UUID.fromString(id))).await().indefinitely().iterator().next();
        return row.getBuffer(0) == null ? null : row.getBuffer(0).getBytes();
    }

    private static int indexOf(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i <= haystack.length - needle.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }

    private static String sha256Hex(byte[] data) throws Exception {
        return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(data));
    }
}

package id.go.dukcapil.ikd.verification;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import javax.imageio.ImageIO;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import id.go.dukcapil.ikd.crypto.AesGcmSealer;
import id.go.dukcapil.ikd.messaging.RetentionJob;
import id.go.dukcapil.ikd.testing.IkdTestResource;
import id.go.dukcapil.ikd.verification.TestSupport.Registration;
import id.go.dukcapil.ikd.verification.service.VideoCallHousekeeping;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * Stills captured from a video call (issue 18): refused without an answered call and both of the
 * citizen's consents, bounded in count and image, stored sealed (the column is not the JPEG, and it
 * opens only under the stills key with the row's id), shown only to the case's office and never
 * cached, counted in the buku pelayanan, and erased under the selfie's rules.
 */
@QuarkusTest
@QuarkusTestResource(value = IkdTestResource.class, initArgs = @ResourceArg(name = "database", value = "verification"))
@QuarkusTestResource(RegistrationServiceStub.class)
class VideoCallStillsTest {

    /** The test profile's ikd.video-call.stills.key. */
    private static final String TEST_KEY = "dGVzdC1vbmx5LXN0aWxscy1rZXktMzItYnl0ZXMteHg=";

    @Inject
    Pool pool;
    @Inject
    VideoCallHousekeeping housekeeping;
    @Inject
    RetentionJob retention;
    @Inject
    MeterRegistry registry;

    /** A call of a fresh registration, answered by demo.operator: its ids, the citizen's token and the operator. */
    record Call(Registration registration, String callId, String token, PortalLogin.Visitor operator, String caseId) {
    }

    private static Call answeredCall(String nik) {
        return answeredCall(nik, "3171-DEMO", "demo.operator");
    }

    private static Call answeredCall(String nik, String office, String operator) {
        VideoCallTest.videoCalls(office, true);
        Registration registration = TestSupport.submit(nik);
        String code = TestSupport.counterJws(registration, registration.expiresAt());
        VideoCallTest.awaitCase(code);
        Response joined = VideoCallTest.request(code);
        Call call = new Call(registration, joined.path("callId"), joined.path("token"), PortalLogin.visitor(operator),
                VerificationFlowTest.awaitQueued(TestSupport.login(operator), registration.registrationId()));
        given().redirects().follow(false).cookie("ikd_operator_session", call.operator().session())
                .cookie("ikd_portal_csrf", call.operator().csrf()).contentType("application/x-www-form-urlencoded")
                .formParam("csrf", call.operator().csrf()).post("/portal/video-calls/" + call.callId() + "/answer").then()
                .statusCode(303);
        return call;
    }

    private static void citizenConsents(Call call, String what) {
        given().header("X-Call-Token", call.token()).post("/api/v1/video-calls/" + call.callId() + "/" + what).then()
                .statusCode(204);
    }

    private static Response capture(Call call, String kind, byte[] jpeg) {
        return given().cookie("ikd_operator_session", call.operator().session())
                .cookie("ikd_portal_csrf", call.operator().csrf()).header("X-CSRF-Token", call.operator().csrf())
                .contentType("image/jpeg").body(jpeg).post("/portal/video-calls/" + call.callId() + "/stills?kind=" + kind);
    }

    static byte[] jpeg(int width, int height) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_3BYTE_BGR);
        Graphics2D graphics = image.createGraphics();
        graphics.setColor(new Color(200, 160, 120));
        graphics.fillRect(0, 0, width, height);
        graphics.setColor(Color.DARK_GRAY);
        graphics.fillOval(width / 4, height / 6, width / 2, height * 2 / 3);
        graphics.dispose();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ImageIO.write(image, "jpg", out);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return out.toByteArray();
    }

    @Test
    void aStillNeedsTheAnsweredCallAndBothConsentsAndIsStoredSealedForTheCasesOfficeOnly() throws IOException {
        Call call = answeredCall("3171011212000001");
        byte[] face = jpeg(640, 480);

        capture(call, "FACE", face).then().statusCode(409).body("code", equalTo("CONSENT_REQUIRED"));
        citizenConsents(call, "consent");
        capture(call, "FACE", face).then().statusCode(409).body("code", equalTo("STILLS_CONSENT_REQUIRED"))
                .body("title", equalTo("Pemohon belum menyetujui pengambilan foto dari panggilan"));
        citizenConsents(call, "stills-consent");
        given().header("X-Call-Token", call.token()).get("/api/v1/video-calls/" + call.callId()).then().statusCode(200)
                .body("stillsConsented", equalTo(true));

        // bad images: not an image, not a JPEG, over the side budget, unknown kind
        capture(call, "FACE", "not an image at all".getBytes()).then().statusCode(422).body("code", equalTo("STILL_INVALID"));
        ByteArrayOutputStream png = new ByteArrayOutputStream();
        ImageIO.write(new BufferedImage(640, 480, BufferedImage.TYPE_INT_RGB), "png", png);
        capture(call, "FACE", png.toByteArray()).then().statusCode(422).body("code", equalTo("STILL_INVALID"));
        capture(call, "FACE", jpeg(1600, 1200)).then().statusCode(413).body("code", equalTo("STILL_TOO_LARGE"));
        capture(call, "PASSPORT", face).then().statusCode(422).body("code", equalTo("STILL_INVALID"));
        // the CSRF token is needed
        given().cookie("ikd_operator_session", call.operator().session()).cookie("ikd_portal_csrf", call.operator().csrf())
                .contentType("image/jpeg").body(face).post("/portal/video-calls/" + call.callId() + "/stills?kind=FACE")
                .then().statusCode(403).body("code", equalTo("FORBIDDEN"));

        Response stored = capture(call, "FACE", face);
        stored.then().statusCode(201).body("kind", equalTo("FACE")).body("wordsId", equalTo("Foto wajah"))
                .body("width", equalTo(640)).body("height", equalTo(480));
        UUID stillId = UUID.fromString(stored.path("stillId"));
        String url = stored.path("url");
        assertThat(url).isEqualTo("/portal/video-calls/" + call.callId() + "/stills/" + stillId);

        // at rest: nonce, ciphertext and tag, not the JPEG; it opens only with the key and this row's id
        byte[] sealed = pool.preparedQuery("select image_sealed from video_call_still where id = $1").execute(Tuple.of(stillId))
                .await().indefinitely().iterator().next().getBuffer(0).getBytes();
        assertThat(sealed[0] == (byte) 0xFF && sealed[1] == (byte) 0xD8).as("not a JPEG in clear").isFalse();
        assertThat(indexOf(sealed, Arrays.copyOfRange(face, 600, 632))).as("no run of the image's bytes").isNegative();
        AesGcmSealer sealer = AesGcmSealer.fromBase64(TEST_KEY, "test", 32);
        byte[] opened = sealer.open(stillId.toString(), sealed);
        assertThat(ImageIO.read(new ByteArrayInputStream(opened)).getWidth()).isEqualTo(640);
        assertThat(opened).as("stored without the JFIF segment").hasSizeLessThan(face.length);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> sealer.open(UUID.randomUUID().toString(), sealed))
                .as("copied onto another row it does not open").isInstanceOf(IllegalStateException.class);

        // served to the case's office, never cached; not to another office or a stranger
        io.restassured.response.ExtractableResponse<?> image = given().cookie("ikd_operator_session", call.operator().session())
                .get(url).then().statusCode(200).contentType("image/jpeg")
                .header("Cache-Control", containsString("no-store")).extract();
        assertThat(image.asByteArray()).isEqualTo(opened);
        given().cookie("ikd_operator_session", PortalLogin.session("tapin.operator")).get(url).then().statusCode(404)
                .body("code", equalTo("STILL_NOT_FOUND"));
        given().get(url).then().statusCode(401);
        given().cookie("ikd_operator_session", call.operator().session()).get("/portal/cases/" + call.caseId()).then()
                .statusCode(200).body(containsString("data-still=\"" + stillId + "\""));

        // a call holds at most max-per-call stills (2 in the test profile)
        capture(call, "KTP_EL", jpeg(800, 500)).then().statusCode(201).body("kind", equalTo("KTP_EL"));
        capture(call, "FACE", face).then().statusCode(409).body("code", equalTo("STILLS_LIMIT_REACHED"))
                .body("maxPerCall", equalTo(2));

        // the buku pelayanan counts them, never shows them
        given().header("X-Call-Token", call.token()).delete("/api/v1/video-calls/" + call.callId()).then().statusCode(204);
        List<Map<String, Object>> book = given().auth().oauth2(TestSupport.login("demo.operator"))
                .get("/api/v1/operator/service-log").then().statusCode(200).extract().jsonPath().getList("$");
        Map<String, Object> ended = book.stream().filter(entry -> "VIDEO_CALL_ENDED".equals(entry.get("action"))
                && call.registration().registrationId().toString().equals(entry.get("registrationId"))).findFirst()
                .orElseThrow(() -> new AssertionError("no VIDEO_CALL_ENDED line in " + book));
        assertThat(ended.get("note")).isEqualTo("Pemohon meninggalkan panggilan / The citizen left the call; "
                + "2 foto diambil dengan persetujuan pemohon / 2 stills captured with the citizen's consent");
        // and an ended call takes no more
        capture(call, "FACE", face).then().statusCode(410).body("code", equalTo("CALL_ENDED"));
    }

    @Test
    void theCentralVerifierSeesTheStillsOfACaseSubmittedForCentralReview() {
        // Payakumbuh approves in two stages: the operator's approval goes to the central verifier
        Call call = answeredCall("1376020505880001", "1376-DISDUKCAPIL", "payakumbuh.operator");
        citizenConsents(call, "consent");
        citizenConsents(call, "stills-consent");
        String url = capture(call, "KTP_EL", jpeg(640, 400)).then().statusCode(201).extract().path("url");
        PortalLogin.Visitor central = PortalLogin.visitor("pusat.verifikator");
        // before the case is submitted, it is the office's alone
        given().cookie("ikd_operator_session", central.session()).get(url).then().statusCode(404)
                .body("code", equalTo("STILL_NOT_FOUND"));

        given().cookie("ikd_operator_session", call.operator().session()).cookie("ikd_portal_csrf", call.operator().csrf())
                .header("X-CSRF-Token", call.operator().csrf()).contentType("application/json")
                .body(Map.of("counterCode", TestSupport.counterJws(call.registration(), call.registration().expiresAt())))
                .post("/portal/video-calls/" + call.callId() + "/scan").then().statusCode(200);
        given().cookie("ikd_operator_session", call.operator().session()).cookie("ikd_portal_csrf", call.operator().csrf())
                .header("X-CSRF-Token", call.operator().csrf()).contentType("application/json")
                .body(Map.of("decision", "APPROVED", "ktpElChecked", true))
                .post("/portal/video-calls/" + call.callId() + "/decision").then().statusCode(200);

        // the central verifier's review page shows them, and the image is served to them, never cached
        given().cookie("ikd_operator_session", central.session()).get("/portal/cases/" + call.caseId()).then()
                .statusCode(200).body(containsString("id=\"review-form\"")).body(containsString("id=\"stills\""))
                .body(containsString("data-kind=\"KTP_EL\"")).body(containsString(url));
        given().cookie("ikd_operator_session", central.session()).get(url).then().statusCode(200)
                .contentType("image/jpeg").header("Cache-Control", containsString("no-store"));
        // a supervisor of another office is no central verifier: neither case nor still
        given().cookie("ikd_operator_session", PortalLogin.session("demo.supervisor")).get(url).then().statusCode(404);
    }

    @Test
    void aStillIsNotTakenInAWaitingCall() {
        VideoCallTest.videoCalls("3171-DEMO", true);
        Registration registration = TestSupport.submit("3171017004980001");
        String code = TestSupport.counterJws(registration, registration.expiresAt());
        VideoCallTest.awaitCase(code);
        Response joined = VideoCallTest.request(code);
        Call waiting = new Call(registration, joined.path("callId"), joined.path("token"), PortalLogin.visitor("demo.operator"),
                null);
        capture(waiting, "FACE", jpeg(640, 480)).then().statusCode(409).body("code", equalTo("CALL_NOT_ANSWERED"));
    }

    @Test
    void stillsAreErasedWhenTheCaseIsRejectedAndOtherwiseAfterTheirPeriod() {
        double before = purged();
        Call rejected = answeredCall("3171011212000001");
        citizenConsents(rejected, "consent");
        citizenConsents(rejected, "stills-consent");
        capture(rejected, "FACE", jpeg(640, 480)).then().statusCode(201);
        assertThat(stillsOfCall(rejected)).isEqualTo(1);
        pool.preparedQuery("update verification_case set status = 'REJECTED', decided_at = now(), closed_at = now() "
                + "where id = $1").execute(Tuple.of(UUID.fromString(rejected.caseId()))).await().indefinitely();
        housekeeping.tidy().await().indefinitely();
        assertThat(stillsOfCall(rejected)).as("a rejected case's stills go within the minute").isZero();
        assertThat(purged() - before).isGreaterThanOrEqualTo(1);

        Call open = answeredCall("3171017004980001");
        citizenConsents(open, "consent");
        citizenConsents(open, "stills-consent");
        capture(open, "KTP_EL", jpeg(640, 400)).then().statusCode(201);
        Instant now = Instant.now();
        retention.purgeAsOf(now.plus(Duration.ofDays(6))).await().indefinitely();
        assertThat(stillsOfCall(open)).as("an open case keeps its stills 7 days after capture").isEqualTo(1);
        Row call = pool.preparedQuery("select status from video_call where id = $1")
                .execute(Tuple.of(UUID.fromString(open.callId()))).await().indefinitely().iterator().next();
        assertThat(call.getString("status")).isEqualTo("CONNECTED");
        retention.purgeAsOf(now.plus(Duration.ofDays(8))).await().indefinitely();
        assertThat(stillsOfCall(open)).as("and not longer, as the selfie").isZero();
    }

    private long stillsOfCall(Call call) {
        return pool.preparedQuery("select count(*) from video_call_still where call_id = $1")
                .execute(Tuple.of(UUID.fromString(call.callId()))).await().indefinitely().iterator().next().getLong(0);
    }

    private double purged() {
        return registry.get("ikd.retention.purged").tag("table", "video_call_still").counter().count();
    }

    private static int indexOf(byte[] data, byte[] part) {
        outer:
        for (int i = 0; i <= data.length - part.length; i++) {
            for (int j = 0; j < part.length; j++) {
                if (data[i + j] != part[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}

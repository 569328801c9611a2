package id.go.dukcapil.ikd.e2e;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.ByteArrayInputStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.DecodeHintType;
import com.google.zxing.MultiFormatReader;
import com.google.zxing.client.j2se.BufferedImageLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import com.microsoft.playwright.Browser;
import com.microsoft.playwright.Page;

import id.go.dukcapil.ikd.local.suite.ExtraReplica;
import id.go.dukcapil.ikd.local.suite.SuiteService;
import id.go.dukcapil.ikd.testing.HeadlessBrowser;
import io.restassured.path.json.JsonPath;

/**
 * token-service keeps nothing per replica (issue 20, "multi-replica"): two instances of the
 * packaged service, A (the suite's) and B ({@code LocalSuite.startExtraReplica}), as separate
 * processes on one PostgreSQL and one Kafka. A code minted on one is VALID on the other and
 * REPLAYED on both afterwards; presentations of one code split across A and B are VALID once;
 * the images in a mint answer (PNG, and the SVG as Chromium draws it) read with ZXing to the
 * token on either; both publish the same JWKS. Then the same through a small round-robin load
 * balancer in front of both ({@link RoundRobinBalancer}), where consecutive requests of one
 * journey (relying-party login, mint, verification, replay) never reach the same replica and
 * none fails. One citizen and a handful of codes, loopback only.
 */
class TokenServiceReplicasTest {

    private static final String SITI_NIK = "3518145203900001"; // SITI RAHAYU, office 351814-KEC-BAGOR (local approval)
    private static final int PRESENTATIONS = 8;

    private static Suite suite;
    private static Journey journey;

    @RegisterExtension
    static final HeadlessBrowser CHROMIUM = HeadlessBrowser.chromium();

    private static ExtraReplica replicaB;
    private static String a;
    private static String b;
    private static Journey.CitizenSession session;

    @BeforeAll
    static void twoReplicasAndAnActivatedCitizen() {
        suite = Suite.shared();
        journey = new Journey(suite);
        replicaB = suite.local().startExtraReplica(SuiteService.TOKEN, Duration.ofSeconds(180));
        a = suite.url(SuiteService.TOKEN);
        b = replicaB.url();

        Journey.Activated siti = journey.approveAndActivate(CHROMIUM.browser(), SITI_NIK, "siti", "bagor.operator");
        session = journey.openSession(siti.registration(), siti.phone(), Journey.APP_PIN);
    }

    @AfterAll
    static void stop() {
        if (replicaB != null) {
            replicaB.close();
        }
    }

    @Test
    void bothReplicasPublishTheSameKeys() {
        assertThat(jwks(a)).isNotEmpty();
        // each replica re-reads the keys every 10 s (ikd.token.keys.refresh-interval): a successor published
        // meanwhile is on one replica's JWKS before the other's, and on both within that interval
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofSeconds(1))
                .until(() -> jwks(b).equals(jwks(a)));
    }

    @Test
    void aCodeMintedOnOneReplicaIsValidOnTheOtherAndUsedUpOnBoth() throws Exception {
        String relyingParty = journey.relyingPartyTokenAt(a);
        for (String[] pair : new String[][] {{a, b}, {b, a}}) {
            String minter = pair[0];
            String other = pair[1];
            String token = mintAndReadTheImages(minter);

            JsonPath valid = journey.verifyAt(other, relyingParty, token);
            assertThat(valid.getBoolean("valid")).as("minted on %s, verified on %s", minter, other).isTrue();
            for (String replica : List.of(minter, other)) {
                JsonPath again = journey.verifyAt(replica, relyingParty, token);
                assertThat(again.getBoolean("valid")).as("presented again on %s", replica).isFalse();
                assertThat(again.getString("reason")).isEqualTo("REPLAYED");
            }
        }
    }

    @Test
    void concurrentPresentationsOfOneCodeSplitAcrossTheReplicasAreValidOnce() throws Exception {
        String relyingParty = journey.relyingPartyTokenAt(b);
        String token = journey.mintAt(a, session, Journey.APP_PIN).getString("token");
        CountDownLatch start = new CountDownLatch(1);
        List<Future<JsonPath>> answers = new ArrayList<>();
        try (ExecutorService pool = Executors.newFixedThreadPool(PRESENTATIONS)) {
            for (int i = 0; i < PRESENTATIONS; i++) {
                String replica = i % 2 == 0 ? a : b;
                answers.add(pool.submit(() -> {
                    start.await();
                    return journey.verifyAt(replica, relyingParty, token);
                }));
            }
            start.countDown();
            int valid = 0;
            for (Future<JsonPath> answer : answers) {
                JsonPath result = answer.get();
                if (result.getBoolean("valid")) {
                    valid++;
                } else {
                    assertThat(result.getString("reason")).isEqualTo("REPLAYED");
                }
            }
            assertThat(valid).as("VALID answers among %d presentations on A and B", PRESENTATIONS).isEqualTo(1);
        }
    }

    @Test
    void behindARoundRobinLoadBalancerNoRequestFails() throws Exception {
        try (RoundRobinBalancer balancer = RoundRobinBalancer.start(List.of(a, b))) {
            String front = balancer.url();
            // the JWKS from one replica, then from the other: the same once both have re-read the keys
            // (a key created or deleted by the other replica reaches each within its refresh interval)
            await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofSeconds(1))
                    .until(() -> jwks(front).equals(jwks(front)));
            int jwksRequests = balancer.served(0) + balancer.served(1);
            String relyingParty = journey.relyingPartyTokenAt(front);
            for (int i = 0; i < 3; i++) {
                // mint, verify and replay: three requests in a row, so each step lands on another replica than the one before
                String token = mintAndReadTheImages(front);
                assertThat(journey.verifyAt(front, relyingParty, token).getBoolean("valid")).isTrue();
                JsonPath again = journey.verifyAt(front, relyingParty, token);
                assertThat(again.getBoolean("valid")).isFalse();
                assertThat(again.getString("reason")).isEqualTo("REPLAYED");
            }
            // every request above asserted its status (200, 201); the JWKS reads came in pairs, and the ten
            // requests of the journey were shared five and five on top of them
            assertThat(balancer.served(0)).isEqualTo(jwksRequests / 2 + 5);
            assertThat(balancer.served(1)).isEqualTo(jwksRequests / 2 + 5);
        }
    }

    /** Mints on {@code tokenService}; the PNG and the SVG of the answer must read as the token itself. */
    private static String mintAndReadTheImages(String tokenService) throws Exception {
        JsonPath minted = journey.mintAt(tokenService, session, Journey.APP_PIN);
        String token = minted.getString("token");
        assertThat(token).startsWith("IKD1:");
        assertThat(read(Base64.getDecoder().decode(minted.getString("qr.pngBase64"))))
                .as("the PNG minted on %s", tokenService).isEqualTo(token);
        assertThat(read(render(minted.getString("qr.svg")))).as("the SVG minted on %s, drawn by Chromium", tokenService)
                .isEqualTo(token);
        return token;
    }

    private static List<Map<String, Object>> jwks(String tokenService) {
        List<Map<String, Object>> keys = given().get(tokenService + "/.well-known/jwks.json")
                .then().statusCode(200).extract().jsonPath().getList("keys");
        return keys.stream().sorted(Comparator.comparing(key -> String.valueOf(key.get("kid")))).toList();
    }

    private static byte[] render(String svg) {
        try (Page page = CHROMIUM.browser().newPage(new Browser.NewPageOptions().setViewportSize(440, 440))) {
            page.setContent("<!doctype html><html><body style='margin:20px;background:#fff'>"
                    + "<style>svg{display:block;width:400px;height:400px}</style>" + svg + "</body></html>");
            return page.screenshot();
        }
    }

    /**
     * ZXing, as a relying party's camera app reads a picture (not only pure, pixel-exact codes), on
     * a white margin as a screen shows it: the detector needs the quiet zone around the code.
     */
    private static String read(byte[] png) throws Exception {
        var picture = ImageIO.read(new ByteArrayInputStream(png));
        try {
            return readWithMargin(picture, 1);
        } catch (com.google.zxing.NotFoundException notFound) {
            // a code of one or two pixels per module: a camera would come closer, so does the reader
            return readWithMargin(picture, 4);
        }
    }

    private static String readWithMargin(java.awt.image.BufferedImage picture, int scale) throws Exception {
        int width = picture.getWidth() * scale;
        int height = picture.getHeight() * scale;
        var image = new java.awt.image.BufferedImage(width + 64, height + 64, java.awt.image.BufferedImage.TYPE_INT_RGB);
        var graphics = image.createGraphics();
        graphics.setColor(java.awt.Color.WHITE);
        graphics.fillRect(0, 0, image.getWidth(), image.getHeight());
        graphics.setRenderingHint(java.awt.RenderingHints.KEY_INTERPOLATION,
                java.awt.RenderingHints.VALUE_INTERPOLATION_NEAREST_NEIGHBOR);
        graphics.drawImage(picture, 32, 32, width, height, null);
        graphics.dispose();
        var luminance = new BufferedImageLuminanceSource(image);
        try {
            return new MultiFormatReader().decode(new BinaryBitmap(new HybridBinarizer(luminance)),
                    Map.of(DecodeHintType.TRY_HARDER, Boolean.TRUE)).getText();
        } catch (com.google.zxing.NotFoundException notFound) {
            try {
                // the other binarizer of ZXing, as reader apps try before giving up
                return new MultiFormatReader().decode(new BinaryBitmap(
                        new com.google.zxing.common.GlobalHistogramBinarizer(luminance)),
                        Map.of(DecodeHintType.TRY_HARDER, Boolean.TRUE)).getText();
            } catch (com.google.zxing.NotFoundException stillNotFound) {
                // ZXing's finder search misses about 3 in 100 clean, upright codes whatever the
                // binarizer (CI met one); its pure-barcode reading, as token-service's QrReader does
                return new MultiFormatReader().decode(new BinaryBitmap(new HybridBinarizer(luminance)),
                        Map.of(DecodeHintType.PURE_BARCODE, Boolean.TRUE)).getText();
            }
        }
    }
}

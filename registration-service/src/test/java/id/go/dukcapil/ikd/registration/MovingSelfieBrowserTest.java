package id.go.dukcapil.ikd.registration;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Request;

import id.go.dukcapil.ikd.testing.HeadlessBrowser;
import id.go.dukcapil.ikd.testing.IkdTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * The moving selfie in the citizen app, in a real headless Chromium against the real server and
 * OpenCV: the app asks for a challenge, shows each move, records frames through a canvas and sends
 * them. The camera is scripted (src/test/resources/liveness/camera.js): a canvas stream of the
 * public-domain NASA portrait that follows the instruction the app shows, or holds still (a photo
 * held up), or a drawn cartoon that follows it. The first registers; the other two are refused and
 * the app says why in Bahasa Indonesia, then English.
 */
@QuarkusTest
@QuarkusTestResource(value = IkdTestResource.class, initArgs = @ResourceArg(name = "database", value = "registration"))
class MovingSelfieBrowserTest {

    @RegisterExtension
    static final HeadlessBrowser CHROMIUM = HeadlessBrowser.chromium();

    private static final String PHOTO = Base64.getEncoder().encodeToString(resource("/liveness/astronaut.jpg"));
    private static final String CAMERA = new String(resource("/liveness/camera.js"), StandardCharsets.UTF_8);

    @TestHTTPResource("/app")
    URL app;

    private BrowserContext context;
    private final List<String> consoleErrors = new CopyOnWriteArrayList<>();

    @BeforeEach
    void open() {
        context = CHROMIUM.browser().newContext();
    }

    @AfterEach
    void close() {
        context.close();
    }

    private Page appWithCamera(String mode) {
        context.addInitScript("window.__ikdCamera = {mode: '" + mode + "', photoBase64: '" + PHOTO + "'};\n" + CAMERA);
        Page page = context.newPage();
        page.onPageError(consoleErrors::add);
        page.navigate(app.toString());
        page.waitForSelector("#register-section:not([hidden])");
        page.fill("#nik", Citizens.nik());
        page.fill("#email", "warga.gerak@example.id");
        page.fill("#phone", "0812 3456 7890");
        return page;
    }

    private static void recordMovingSelfie(Page page) {
        Request challenge = page.waitForRequest(r -> r.url().endsWith("/api/v1/selfie-challenges"),
                () -> page.click("#moving-button"));
        assertThat(challenge.method()).isEqualTo("POST");
        page.waitForSelector("#challenge-instruction[data-move=LEFT], #challenge-instruction[data-move=RIGHT], "
                + "#challenge-instruction[data-move=CLOSER]");
        String instruction = page.textContent("#challenge-instruction");
        assertThat(instruction).as("Indonesian, then English").contains(" / ");
        page.waitForSelector("#moving-recorded:not([hidden])", new Page.WaitForSelectorOptions().setTimeout(20_000));
    }

    @Test
    void aCitizenFollowingTheChallengeRegisters() throws IOException {
        Page page = appWithCamera("follow");
        recordMovingSelfie(page);
        page.click("#register-button");
        page.waitForSelector("#counter-qr[data-rendered=true]", new Page.WaitForSelectorOptions().setTimeout(20_000));
        assertThat(consoleErrors).isEmpty();

        // the selfie kept is one of the recorded frames: the canvas camera's 320 x 320
        String id = (String) page.evaluate("() => JSON.parse(localStorage.getItem('ikd.app.registration')).registrationId");
        byte[] selfie = Citizens.asOperatorOfTheCase("operator", id).get("/api/v1/registrations/" + id + "/selfie")
                .then().statusCode(200).extract().asByteArray();
        java.awt.image.BufferedImage stored = javax.imageio.ImageIO.read(new java.io.ByteArrayInputStream(selfie));
        assertThat(stored.getWidth()).isEqualTo(320);
        assertThat(stored.getHeight()).isEqualTo(320);
    }

    @Test
    void aStillFaceIsRefusedAndTheAppSaysWhyInBothLanguages() {
        Page page = appWithCamera("still");
        recordMovingSelfie(page);
        page.click("#register-button");
        page.waitForSelector("#register-error:not([hidden])", new Page.WaitForSelectorOptions().setTimeout(20_000));
        assertThat(page.textContent("#register-error")).contains("Gerakan wajah tidak sesuai petunjuk")
                .contains("Your face did not move as instructed");
        assertThat(page.isVisible("#moving-recorded")).as("a new challenge is needed").isFalse();
    }

    @Test
    void aDrawnCartoonFollowingTheChallengeIsRefused() {
        Page page = appWithCamera("cartoon");
        recordMovingSelfie(page);
        page.click("#register-button");
        page.waitForSelector("#register-error:not([hidden])", new Page.WaitForSelectorOptions().setTimeout(20_000));
        assertThat(page.textContent("#register-error")).contains("Wajah Anda tidak terlihat")
                .contains("Your face cannot be seen");
    }

    private static byte[] resource(String name) {
        try (InputStream in = MovingSelfieBrowserTest.class.getResourceAsStream(name)) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

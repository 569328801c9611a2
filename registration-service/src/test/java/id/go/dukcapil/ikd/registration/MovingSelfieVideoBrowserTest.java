package id.go.dukcapil.ikd.registration;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URL;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;

import id.go.dukcapil.ikd.testing.HeadlessBrowser;
import id.go.dukcapil.ikd.testing.IkdTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * The moving selfie through Chromium's own fake camera fed a video file
 * ({@code --use-file-for-fake-video-capture}, {@link FakeCameraVideo}: the NASA portrait moving left and
 * closer). The file cannot follow a random challenge, so the test sets the challenge the app received to
 * the video's moves (LEFT, CLOSER) in the database before the frames arrive; the instruction shown stays
 * the random one. The camera, getUserMedia, the canvas and the JPEG frames are the browser's own. A face
 * held still and a moving cartoon, each a file of its own camera, are refused with the app's sentence.
 */
@QuarkusTest
@QuarkusTestResource(value = IkdTestResource.class, initArgs = @ResourceArg(name = "database", value = "registration"))
class MovingSelfieVideoBrowserTest {

    @RegisterExtension
    static final HeadlessBrowser CHROMIUM = HeadlessBrowser.chromiumWithFakeVideo(FakeCameraVideo::leftAndCloser);
    @RegisterExtension
    static final HeadlessBrowser STILL_CAMERA = HeadlessBrowser.chromiumWithFakeVideo(FakeCameraVideo::stillFace);
    @RegisterExtension
    static final HeadlessBrowser CARTOON_CAMERA = HeadlessBrowser.chromiumWithFakeVideo(FakeCameraVideo::cartoon);

    @TestHTTPResource("/app")
    URL app;
    @Inject
    Pool pool;

    @Test
    void aCitizenRecordedByTheFakeCameraRegisters() throws Exception {
        try (BrowserContext context = CHROMIUM.browser().newContext()) {
            Page page = recorded(context);
            assertThat(page.isVisible("#register-error")).as(page.textContent("#register-error")).isFalse();
            assertThat(page.textContent("#short-code")).matches("^[0-9A-Z-]{4,16}$");
        }
    }

    @Test
    void aFaceHeldStillBeforeTheCameraIsRefused() throws Exception {
        try (BrowserContext context = STILL_CAMERA.browser().newContext()) {
            Page page = recorded(context);
            assertThat(page.textContent("#register-error")).contains("Gerakan wajah tidak sesuai petunjuk")
                    .contains("Your face did not move as instructed");
        }
    }

    @Test
    void aCartoonMovingBeforeTheCameraIsRefused() throws Exception {
        try (BrowserContext context = CARTOON_CAMERA.browser().newContext()) {
            Page page = recorded(context);
            assertThat(page.textContent("#register-error")).contains("Wajah Anda tidak terlihat")
                    .contains("Your face cannot be seen");
        }
    }

    /**
     * The app's form filled and a moving selfie recorded by the camera, the challenge set to the
     * file's moves (LEFT, CLOSER), and sent: the page then shows the counter code or the refusal.
     */
    private Page recorded(BrowserContext context) throws Exception {
        Page page = context.newPage();
        page.navigate(app.toString());
        page.waitForSelector("#register-section:not([hidden])");
        page.fill("#nik", Citizens.nik());
        page.fill("#email", "warga.video@example.id");
        page.fill("#phone", "0812 3456 7890");
        com.microsoft.playwright.Response challenge = page.waitForResponse(
                r -> r.url().endsWith("/api/v1/selfie-challenges"), () -> page.click("#moving-button"));
        String id = new ObjectMapper().readTree(challenge.text()).get("challengeId").asText();
        pool.preparedQuery("update selfie_challenge set moves = 'LEFT,CLOSER' where id = $1")
                .execute(Tuple.of(UUID.fromString(id))).await().indefinitely();
        page.waitForSelector("#moving-recorded:not([hidden])", new Page.WaitForSelectorOptions().setTimeout(20_000));
        page.click("#register-button");
        page.waitForSelector("#counter-qr[data-rendered=true], #register-error:not([hidden])",
                new Page.WaitForSelectorOptions().setTimeout(20_000));
        return page;
    }
}

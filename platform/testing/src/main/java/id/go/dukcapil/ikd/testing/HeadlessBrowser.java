package id.go.dukcapil.ikd.testing;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.Playwright;

/**
 * One headless Chromium for the tests of a class, started before the first and closed after the
 * last:
 *
 * <pre>
 * &#64;RegisterExtension
 * static final HeadlessBrowser CHROMIUM = HeadlessBrowser.chromium();
 * ... CHROMIUM.browser().newContext() ...
 * </pre>
 *
 * Each browser test used to start and close Playwright and Chromium by hand.
 */
public final class HeadlessBrowser implements BeforeAllCallback, AfterAllCallback {

    private final boolean fakeMedia;
    private final java.util.function.Supplier<java.nio.file.Path> fakeVideo;
    private Playwright playwright;
    private Browser browser;

    private HeadlessBrowser(boolean fakeMedia, java.util.function.Supplier<java.nio.file.Path> fakeVideo) {
        this.fakeMedia = fakeMedia;
        this.fakeVideo = fakeVideo;
    }

    public static HeadlessBrowser chromium() {
        return new HeadlessBrowser(false, null);
    }

    /** With a fake camera and microphone that need no prompt ({@link HeadlessChromium#launchWithFakeMedia}). */
    public static HeadlessBrowser chromiumWithFakeMedia() {
        return new HeadlessBrowser(true, null);
    }

    /** With a fake camera playing the video file {@code video} makes, before the browser starts ({@link HeadlessChromium#launchWithFakeVideo}). */
    public static HeadlessBrowser chromiumWithFakeVideo(java.util.function.Supplier<java.nio.file.Path> video) {
        return new HeadlessBrowser(false, video);
    }

    public Browser browser() {
        if (browser == null) {
            throw new IllegalStateException("the browser runs between the class' first and last test only");
        }
        return browser;
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        playwright = Playwright.create();
        if (fakeVideo != null) {
            browser = HeadlessChromium.launchWithFakeVideo(playwright, fakeVideo.get());
        } else {
            browser = fakeMedia ? HeadlessChromium.launchWithFakeMedia(playwright) : HeadlessChromium.launch(playwright);
        }
    }

    @Override
    public void afterAll(ExtensionContext context) {
        if (browser != null) {
            browser.close();
            browser = null;
        }
        if (playwright != null) {
            playwright.close();
            playwright = null;
        }
    }
}

package id.go.dukcapil.ikd.testing;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Playwright;

/**
 * A real headless Chromium for browser tests: Debian's {@code /usr/bin/chromium} where it is
 * installed (Playwright's own browser download is blocked on the project's machines), else
 * Playwright's. As root it needs {@code --no-sandbox}; background networking is off because the
 * machines have no network but the package registries.
 */
public final class HeadlessChromium {

    private static final Path DEBIAN_CHROMIUM = Path.of("/usr/bin/chromium");

    private HeadlessChromium() {
    }

    public static Browser launch(Playwright playwright) {
        return launch(playwright, List.of());
    }

    /**
     * Chromium with a fake camera and microphone that need no permission prompt (a moving test
     * pattern and a tone), for WebRTC between two of its contexts on this machine.
     */
    public static Browser launchWithFakeMedia(Playwright playwright) {
        return launch(playwright, List.of("--use-fake-device-for-media-stream", "--use-fake-ui-for-media-stream",
                "--allow-loopback-in-peer-connection"));
    }

    /**
     * Chromium whose fake camera plays {@code video} (a Y4M or MJPEG file, looped from its start when
     * a page opens the camera), with no permission prompt.
     */
    public static Browser launchWithFakeVideo(Playwright playwright, java.nio.file.Path video) {
        return launch(playwright, List.of("--use-fake-device-for-media-stream", "--use-fake-ui-for-media-stream",
                "--use-file-for-fake-video-capture=" + video.toAbsolutePath()));
    }

    private static Browser launch(Playwright playwright, List<String> extraArgs) {
        List<String> args = new java.util.ArrayList<>(List.of("--no-sandbox", "--disable-gpu",
                "--disable-background-networking", "--disable-component-update"));
        args.addAll(extraArgs);
        BrowserType.LaunchOptions options = new BrowserType.LaunchOptions().setHeadless(true).setArgs(args);
        if (Files.isExecutable(DEBIAN_CHROMIUM)) {
            options.setExecutablePath(DEBIAN_CHROMIUM);
        }
        return playwright.chromium().launch(options);
    }
}

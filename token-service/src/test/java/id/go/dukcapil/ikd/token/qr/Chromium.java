package id.go.dukcapil.ikd.token.qr;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;

import id.go.dukcapil.ikd.testing.HeadlessChromium;

/** Renders an SVG as a real browser does (headless Chromium), for a QR reader to read the pixels. */
public final class Chromium {

    private Chromium() {
    }

    /** A PNG screenshot of {@code svg} drawn 400 px wide on white. */
    public static byte[] render(String svg) {
        try (Playwright playwright = Playwright.create(); Browser browser = HeadlessChromium.launch(playwright)) {
            Page page = browser.newPage(new Browser.NewPageOptions().setViewportSize(440, 440));
            page.setContent("<!doctype html><html><body style='margin:20px;background:#fff'>"
                    + "<style>svg{display:block;width:400px;height:400px}</style>" + svg + "</body></html>");
            return page.screenshot();
        }
    }
}

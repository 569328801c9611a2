package id.go.dukcapil.ikd.e2e;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.FilePayload;

import id.go.dukcapil.ikd.local.suite.SuiteService;

/** The citizen app (/app) as a person uses it: the steps more than one journey test takes. */
final class CitizenApp {

    private CitizenApp() {
    }

    /**
     * Registers in the app on {@code page} (NIK, email, a phone, a selfie from the file picker) and
     * waits for the counter code; returns its short code.
     */
    static String register(Suite suite, Page page, String nik, String email) {
        page.navigate(suite.url(SuiteService.REGISTRATION) + "/app/");
        page.fill("#nik", nik);
        page.fill("#email", email);
        page.fill("#phone", "0812" + Journey.uniquePhone().substring(6));
        page.setInputFiles("#selfie-file", new FilePayload("selfie.png", "image/png", Selfie.png()));
        page.waitForSelector("#selfie-preview:not([hidden])");
        page.click("#register-button");
        page.waitForSelector("#counter-qr[data-rendered=true]", new Page.WaitForSelectorOptions().setTimeout(30_000));
        return page.textContent("#short-code").trim();
    }
}

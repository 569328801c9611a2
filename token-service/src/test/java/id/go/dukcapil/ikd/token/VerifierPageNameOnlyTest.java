package id.go.dukcapil.ikd.token;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URL;
import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;

import id.go.dukcapil.ikd.testing.RegistryPhotoStub;
import id.go.dukcapil.ikd.testing.HeadlessChromium;
import id.go.dukcapil.ikd.testing.IkdTestResource;
import id.go.dukcapil.ikd.token.Fixtures.Citizen;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;

/** A verifier page run for a name-only relying party shows the name, and no photo, even of a holder who has one. */
@QuarkusTest
@TestProfile(VerifierPageNameOnlyTest.NameOnly.class)
@QuarkusTestResource(value = IkdTestResource.class, initArgs = @ResourceArg(name = "database", value = "token"))
@QuarkusTestResource(RegistryPhotoStub.class)
class VerifierPageNameOnlyTest {

    public static class NameOnly implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("ikd.token.verifier-page.scopes", "ikd.name");
        }
    }

    @TestHTTPResource("/verify")
    URL verifyPage;

    @Test
    void aNameOnlyPageShowsNoPhoto() throws Exception {
        Citizen citizen = VerifierPhotoTest.citizenWithPhoto();
        Path picture = VerifierPhotoTest.qrPicture(citizen);
        try (Playwright playwright = Playwright.create(); Browser browser = HeadlessChromium.launch(playwright)) {
            Page page = browser.newPage(new Browser.NewPageOptions().setViewportSize(360, 640));
            page.navigate(verifyPage.toString());
            page.setInputFiles("#picture", picture);
            page.click("#check-picture");
            page.waitForSelector("#result");
            assertThat(page.getAttribute("#result", "data-valid")).isEqualTo("true");
            assertThat(page.textContent("#result")).contains("SITI AMINAH").doesNotContain("320101");
            assertThat(page.locator("#holder-photo").count()).as("no photo for a name-only relying party").isZero();
            assertThat(page.locator("img").count()).isZero();
            assertThat(page.textContent("#reference").strip()).startsWith("VRF-");
        }
    }
}

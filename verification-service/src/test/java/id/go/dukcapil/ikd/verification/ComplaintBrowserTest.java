package id.go.dukcapil.ikd.verification;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URL;
import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;

import id.go.dukcapil.ikd.events.ComplaintUpdated;
import id.go.dukcapil.ikd.events.EventJson;
import id.go.dukcapil.ikd.events.EventType;
import id.go.dukcapil.ikd.events.Topics;
import id.go.dukcapil.ikd.testing.HeadlessBrowser;
import id.go.dukcapil.ikd.testing.IkdTestResource;
import id.go.dukcapil.ikd.testing.TopicProbe;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * A complaint from filing to closure in a real headless Chromium: the citizen files it on /pengaduan
 * (solving the proof-of-work captcha in the page), the office works it in the portal (assign,
 * Verifikasi Aduan, Mediasi, close with the answer), the citizen follows it to the answer; every
 * step the citizen is told of leaves as ComplaintUpdated, and the supervisor's figures count it.
 */
@QuarkusTest
@QuarkusTestResource(value = IkdTestResource.class, initArgs = @ResourceArg(name = "database", value = "verification"))
@QuarkusTestResource(RegistrationServiceStub.class)
class ComplaintBrowserTest {

    @RegisterExtension
    static final HeadlessBrowser CHROMIUM = HeadlessBrowser.chromium();

    @TestHTTPResource("/")
    URL base;

    @Test
    void aComplaintFromFilingToClosureWithTheCitizensMessages() {
        String answer = "Petugas loket telah ditegur dan loket IKD kini buka dengan dua petugas.";
        try (TopicProbe events = TopicProbe.fromNow(TestSupport.bootstrap(), Topics.VERIFICATION);
                BrowserContext citizenContext = CHROMIUM.browser().newContext();
                BrowserContext officeContext = CHROMIUM.browser().newContext()) {
            // the citizen files it from the public page, preselected from the office directory's link
            Page citizen = citizenContext.newPage();
            citizen.navigate(base + "pengaduan?office=6305-DISDUKCAPIL");
            assertThat(citizen.locator("#officeCode").inputValue()).isEqualTo("6305-DISDUKCAPIL");
            assertThat(citizen.locator("#directory-link").getAttribute("href")).isEqualTo("/offices");
            citizen.locator("#category").selectOption("STAFF");
            citizen.locator("#text").fill("Petugas loket IKD tidak ada di tempat selama dua jam pada jam layanan.");
            citizen.locator("#email").fill("pelapor.browser@example.id");
            citizen.locator("#phone").fill("0813 5555 1212");
            citizen.waitForSelector("#captcha[data-solved=true]", new Page.WaitForSelectorOptions().setTimeout(30_000));
            citizen.locator("#file-submit").click();
            String ticket = citizen.locator("#ticket").textContent().strip();
            assertThat(ticket).matches("ADU-6305-DISDUKCAPIL-\\d{8}-\\d+");
            assertThat(citizen.locator("#due").textContent()).endsWith("WITA");
            assertThat(told(events, ticket, "RECEIVED").email()).isEqualTo("pelapor.browser@example.id");

            // the office works it in the portal
            Page office = signIn(officeContext, "tapin.operator");
            office.locator("#nav-complaints").click();
            office.waitForURL("**/portal/complaints");
            office.locator("#complaint-list tr[data-ticket='" + ticket + "'] a").click();
            assertThat(office.locator("#complaint-text").textContent()).contains("dua jam");
            office.locator("#assign").click();
            assertThat(office.locator("#assignee").textContent()).contains("tapin.operator");
            office.locator("#next-status").selectOption("VERIFYING");
            office.locator("#status-note").fill("Cek daftar hadir petugas.");
            office.locator("#move").click();
            assertThat(office.locator("#complaint-status").textContent()).contains("Verifikasi Aduan");
            assertThat(told(events, ticket, "VERIFYING").answer()).isNull();
            office.locator("#next-status").selectOption("MEDIATING");
            office.locator("#move").click();
            assertThat(office.locator("#complaint-status").textContent()).contains("Mediasi");
            told(events, ticket, "MEDIATING");
            // closing without an answer is refused on the page, nothing changes
            office.locator("#close").click();
            assertThat(office.locator("#notice").textContent()).contains("Jawaban wajib diisi");
            assertThat(office.locator("#complaint-status").textContent()).contains("Mediasi");
            office.locator("#answer-field").fill(answer);
            office.locator("#close").click();
            assertThat(office.locator("#complaint-status").textContent()).contains("Selesai");
            assertThat(office.locator("#complaint-answer").textContent()).isEqualTo(answer);
            assertThat(office.locator("#history").textContent()).contains("Cek daftar hadir petugas.", "warga");
            assertThat(office.locator("#close-form").count()).isZero();
            assertThat(told(events, ticket, "CLOSED").answer()).isEqualTo(answer);

            // the supervisor's figures count it
            office.navigate(base + "portal/sla");
            assertThat(office.locator("#sla-complaints .c-filed").textContent().strip()).isNotEqualTo("0");
            office.navigate(base + "portal/register/recap");
            assertThat(office.locator("#recap-complaints .c-closed").textContent()).doesNotStartWith("0 ");

            // the citizen follows it to the answer with the ticket and the phone given
            citizen.navigate(base + "pengaduan");
            citizen.locator("#follow-ticket").fill(ticket);
            citizen.locator("#follow-contact").fill("081355551212");
            citizen.locator("#follow-submit").click();
            assertThat(citizen.locator("#status-label").textContent()).isEqualTo("Selesai");
            assertThat(citizen.locator("#answer").textContent()).isEqualTo(answer);
            assertThat(citizen.locator("#steps li").count()).isEqualTo(4);
            assertThat(citizen.content()).doesNotContain("Cek daftar hadir petugas.", "tapin.operator");
        }
    }

    private Page signIn(BrowserContext context, String username) {
        Page page = context.newPage();
        page.navigate(base + "portal");
        page.locator("#username").fill(username);
        page.locator("#password").fill(TestSupport.DEMO_PASSWORD);
        page.locator("#login-submit").click();
        page.waitForURL("**/portal/queue");
        return page;
    }

    private static ComplaintUpdated told(TopicProbe events, String ticket, String status) {
        return EventJson.read(events.await(r -> EventType.COMPLAINT_UPDATED.type().equals(TopicProbe.header(r, "ce_type"))
                && r.value().contains("\"" + ticket + "\"") && r.value().contains("\"status\":\"" + status + "\""),
                Duration.ofSeconds(30)).value(), ComplaintUpdated.class);
    }
}

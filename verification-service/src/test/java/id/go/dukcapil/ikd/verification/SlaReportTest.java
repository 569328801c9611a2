package id.go.dukcapil.ikd.verification;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import java.net.URL;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;

import id.go.dukcapil.ikd.testing.HeadlessChromium;
import id.go.dukcapil.ikd.testing.IkdTestResource;
import id.go.dukcapil.ikd.testing.PhonePages;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * The SLA report against a constructed set of Probolinggo cases in August 2026 (WIB, central
 * approval, "1 hari kerja"), across the weekend of 15-16 August and Hari Kemerdekaan on Monday 17.
 */
@QuarkusTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@QuarkusTestResource(value = IkdTestResource.class, initArgs = @ResourceArg(name = "database", value = "verification"))
@QuarkusTestResource(RegistrationServiceStub.class)
class SlaReportTest {

    private static final String OFFICE = "3513-DISDUKCAPIL";
    private static final ZoneId WIB = ZoneId.of("Asia/Jakarta");
    private static final String OPERATOR = "probolinggo.operator";
    private static final String CENTRAL = "pusat.verifikator";

    @Inject
    Pool pool;

    @TestHTTPResource("/")
    URL base;

    private final UUID activated = UUID.randomUUID();
    private final UUID rejectedLate = UUID.randomUUID();

    private static OffsetDateTime wib(String local) {
        return LocalDateTime.parse(local).atZone(WIB).toOffsetDateTime();
    }

    private void insertCase(UUID id, String status, String opened, String scanned, String forReview) {
        pool.preparedQuery("""
                insert into verification_case (id, registration_id, nik, email, phone, language, device_key_jwk,
                    device_key_thumbprint, selfie_sha256, submitted_at, office_code, default_office_code, status,
                    opened_at, scanned_at, submitted_for_review_at)
                values ($1, $2, '3513010101900001', 'sla@example.org', '081200000000', 'id', '{}', 'thumb', 'sha',
                    $3, $4, $4, $5, $3, $6, $7)""")
                .execute(Tuple.tuple().addUUID(id).addUUID(UUID.randomUUID()).addOffsetDateTime(wib(opened))
                        .addString(OFFICE).addString(status)
                        .addOffsetDateTime(scanned == null ? null : wib(scanned))
                        .addOffsetDateTime(forReview == null ? null : wib(forReview)))
                .await().indefinitely();
    }

    private void log(UUID caseId, String action, String operator, String at, Integer step, Long duration,
            Long standard) {
        pool.preparedQuery("""
                insert into service_log_entry (occurred_at, office_code, operator_username, case_id, registration_id,
                    action, sop_step, duration_seconds, standard_seconds)
                values ($1, $2, $3, $4, $5, $6, $7, $8, $9)""")
                .execute(Tuple.tuple().addOffsetDateTime(wib(at)).addString(OFFICE).addString(operator).addUUID(caseId)
                        .addUUID(UUID.randomUUID()).addString(action).addInteger(step).addLong(duration)
                        .addLong(standard))
                .await().indefinitely();
    }

    @BeforeAll
    void constructCases() {
        // Registered Friday 09:00, at the operator 13:50, submitted 13:54 (4 min of 5), reviewed Tuesday 13:50
        insertCase(activated, "ACTIVATED", "2026-08-14T09:00", "2026-08-14T13:50", "2026-08-14T13:54");
        log(activated, "SCANNED", OPERATOR, "2026-08-14T13:50", 3, 17_400L, null); // the queue wait: no step
        log(activated, "SUBMITTED_FOR_CENTRAL", OPERATOR, "2026-08-14T13:54", 3, 240L, 300L);
        log(activated, "CENTRAL_REVIEWED", CENTRAL, "2026-08-18T13:50", 4, 345_360L, 600L);
        log(activated, "ACTIVATED", null, "2026-08-18T14:00", 5, 600L, 1_500L);
        // logged from registration (Friday 09:00); the SOP's clock starts at the scan
        log(activated, "COMPLETED", null, "2026-08-18T14:00", null, 363_600L, 28_800L);

        // Monday: 8 minutes at the counter (standard 5), reviewed within the hour
        insertCase(rejectedLate, "REJECTED", "2026-08-10T08:30", "2026-08-10T09:00", "2026-08-10T09:08");
        log(rejectedLate, "SCANNED", OPERATOR, "2026-08-10T09:00", 3, 1_800L, null);
        log(rejectedLate, "SUBMITTED_FOR_CENTRAL", OPERATOR, "2026-08-10T09:08", 3, 480L, 300L);
        log(rejectedLate, "CENTRAL_REVIEWED", CENTRAL, "2026-08-10T10:00", 4, 3_120L, 600L);

        insertCase(UUID.randomUUID(), "WITHDRAWN", "2026-08-11T10:00", null, null);
        insertCase(UUID.randomUUID(), "SUPERSEDED", "2026-08-12T10:00", null, null);
        insertCase(UUID.randomUUID(), "QUEUED", "2026-08-12T11:00", null, null);
        insertCase(UUID.randomUUID(), "AWAITING_CENTRAL", "2026-08-13T11:00", "2026-08-13T11:10", "2026-08-13T11:14");
        insertCase(UUID.randomUUID(), "APPROVED", "2026-08-13T12:00", "2026-08-13T12:10", "2026-08-13T12:14");
        // outside the range: 19 August WIB
        insertCase(UUID.randomUUID(), "REJECTED", "2026-08-19T08:00", null, null);
    }

    private static JsonPath report(String from, String to) {
        JsonPath all = given().auth().oauth2(TestSupport.login("admin"))
                .get("/api/v1/operator/sla-report?from=" + from + "&to=" + to).then().statusCode(200).extract()
                .jsonPath();
        return new JsonPath(all.prettify()).setRootPath("offices.find { it.officeCode == '" + OFFICE + "' }");
    }

    @Test
    void theCaseCountsAddUp() {
        JsonPath office = report("2026-08-10", "2026-08-18");
        assertThat(office.getLong("casesOpened")).isEqualTo(7);
        assertThat(office.getLong("casesOpen")).isEqualTo(2);
        assertThat(office.getLong("approved")).isEqualTo(1);
        assertThat(office.getLong("activated")).isEqualTo(1);
        assertThat(office.getLong("rejected")).isEqualTo(1);
        assertThat(office.getLong("withdrawn")).isEqualTo(1);
        assertThat(office.getLong("superseded")).isEqualTo(1);
        assertThat(office.getLong("casesOpen") + office.getLong("approved") + office.getLong("activated")
                + office.getLong("rejected") + office.getLong("withdrawn") + office.getLong("superseded"))
                .isEqualTo(office.getLong("casesOpened"));
        // a narrower range leaves the Friday case out
        assertThat(report("2026-08-10", "2026-08-13").getLong("casesOpened")).isEqualTo(6);
    }

    @Test
    void noPhantomStepAndEachStepAgainstItsOwnStandard() {
        JsonPath office = report("2026-08-10", "2026-08-18");
        List<Map<String, Object>> steps = office.getList("steps");
        assertThat(steps).extracting(s -> s.get("action"))
                .containsExactly("SUBMITTED_FOR_CENTRAL", "CENTRAL_REVIEWED", "ACTIVATED", "COMPLETED");
        assertThat(steps).extracting(s -> ((Number) s.get("sopStep")).intValue()).doesNotContain(0);
        assertThat(steps).extracting(s -> ((Number) s.get("standardSeconds")).longValue()).doesNotContain(0L);

        Map<String, Object> counter = steps.get(0);
        assertThat(counter.get("measured")).isEqualTo(2);
        assertThat(counter.get("withinStandard")).isEqualTo(1);
        assertThat(((Number) counter.get("withinStandardPercent")).doubleValue()).isEqualTo(50.0);

        // central review: one working day (8 h); Friday 13:54 to Tuesday 13:50 is 7 h 56 min of working time
        Map<String, Object> central = steps.get(1);
        assertThat(central.get("workingDays")).isEqualTo(1);
        assertThat(((Number) central.get("standardSeconds")).longValue()).isEqualTo(28_800L);
        assertThat(central.get("withinStandard")).isEqualTo(2);
        assertThat(((Number) central.get("p90Seconds")).doubleValue()).isEqualTo(3_120 + 0.9 * (28_560 - 3_120));
    }

    @Test
    void theWholeServiceIsTimedInWorkingDaysFromTheScan() {
        JsonPath office = report("2026-08-10", "2026-08-18");
        List<Map<String, Object>> breaches = office.getList("breaches");
        assertThat(breaches).hasSize(2);
        // newest first: the whole service, Friday 13:50 to Tuesday 14:00 = 8 h 10 min of working time
        assertThat(breaches.get(0).get("caseId")).isEqualTo(activated.toString());
        assertThat(breaches.get(0).get("action")).isEqualTo("COMPLETED");
        assertThat(((Number) breaches.get(0).get("durationSeconds")).longValue()).isEqualTo(29_400L);
        assertThat(breaches.get(0).get("endedAtLocal")).isEqualTo("2026-08-18 14:00");
        assertThat(breaches.get(1).get("caseId")).isEqualTo(rejectedLate.toString());
        assertThat(breaches.get(1).get("operator")).isEqualTo(OPERATOR);
        assertThat(((Number) breaches.get(1).get("durationSeconds")).longValue()).isEqualTo(480L);
    }

    @Test
    void throughputPerDayAndFiguresPerOperator() {
        JsonPath office = report("2026-08-10", "2026-08-18");
        assertThat(office.getLong("decided")).isEqualTo(2);
        List<Map<String, Object>> days = office.getList("throughput");
        assertThat(days).hasSize(9);
        assertThat(days.get(0)).containsEntry("day", "2026-08-10").containsEntry("decided", 1);
        assertThat(days.get(4)).containsEntry("day", "2026-08-14").containsEntry("decided", 0);
        assertThat(days.get(8)).containsEntry("day", "2026-08-18").containsEntry("decided", 1);

        List<Map<String, Object>> operators = office.getList("operators");
        assertThat(operators).extracting(o -> o.get("operator")).containsExactly(OPERATOR, CENTRAL);
        assertThat(operators.get(0)).containsEntry("decided", 2);
        assertThat(((Number) operators.get(0).get("averageSeconds")).doubleValue()).isEqualTo(360.0);
        assertThat(((Number) operators.get(0).get("withinStandardPercent")).doubleValue()).isEqualTo(50.0);
        assertThat(operators.get(1)).containsEntry("decided", 2);
        assertThat(((Number) operators.get(1).get("withinStandardPercent")).doubleValue()).isEqualTo(100.0);
    }

    /** The same report as a supervisor reads it: the SLA page in Chromium on a 390 px phone, WIB and working days. */
    @Test
    void theSlaPageShowsTheWorkingDayBreachInTheOfficesTimeOnAPhone() {
        try (Playwright playwright = Playwright.create(new Playwright.CreateOptions()
                .setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
                Browser browser = HeadlessChromium.launch(playwright);
                BrowserContext context = browser.newContext(new Browser.NewContextOptions().setViewportSize(390, 844))) {
            Page page = context.newPage();
            page.navigate(base + "portal/login");
            page.locator("#username").fill(OPERATOR);
            page.locator("#password").fill(TestSupport.DEMO_PASSWORD);
            page.locator("#login-submit").click();
            page.waitForURL("**/portal/queue");
            page.navigate(base + "portal/sla?from=2026-08-10&to=2026-08-18");
            Locator breach = page.locator("a[href='/portal/cases/" + activated + "']").locator("xpath=ancestor::tr");
            // Friday 13:50 to Tuesday 14:00 across the weekend and Hari Kemerdekaan: 8 h 10 min of working time
            assertThat(breach.textContent()).contains("2026-08-18 14:00 WIB", "29400", "1 hari kerja");
            assertThat(page.locator(".sla-cases[data-office='" + OFFICE + "'] [data-count='opened']").textContent())
                    .isEqualTo("7");
            PhonePages.assertFitsAndReads(page, "SLA report of Probolinggo");
        }
    }

    @Test
    void theRangeMustBeOrdered() {
        given().auth().oauth2(TestSupport.login("admin")).get("/api/v1/operator/sla-report?from=2026-08-18&to=2026-08-10")
                .then().statusCode(400).contentType("application/problem+json");
    }
}

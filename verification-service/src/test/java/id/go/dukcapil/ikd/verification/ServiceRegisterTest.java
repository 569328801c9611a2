package id.go.dukcapil.ikd.verification;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import id.go.dukcapil.ikd.testing.IkdTestResource;
import id.go.dukcapil.ikd.web.BearerTokenTypes;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.smallrye.jwt.build.Jwt;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * The buku pelayanan as Tapin's register (WITA, UTC+8), against constructed services of July 2025
 * by two operators: one row per service, local days, the operator filter, CSV, PDF and the recap.
 */
@QuarkusTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@QuarkusTestResource(value = IkdTestResource.class, initArgs = @ResourceArg(name = "database", value = "verification"))
@QuarkusTestResource(RegistrationServiceStub.class)
class ServiceRegisterTest {

    private static final String TAPIN = "6305-DISDUKCAPIL";
    private static final ZoneId WITA = ZoneId.of("Asia/Makassar");
    private static final String NIK = "6305041708850001";
    private static final String SECOND = "tapin.loket2";

    @Inject
    Pool pool;

    private final UUID approved = UUID.randomUUID();
    private final UUID rejected = UUID.randomUUID();
    private final UUID afterMidnight = UUID.randomUUID();
    private UUID first;
    private final UUID second = UUID.randomUUID();
    private String name;
    private String tapin;

    /** Signed in at the first test: the application's HTTP port is not set up yet in @BeforeAll. */
    private String tapin() {
        if (tapin == null) {
            tapin = TestSupport.login("tapin.operator");
        }
        return tapin;
    }

    private static OffsetDateTime wita(String local) {
        return LocalDateTime.parse(local).atZone(WITA).toOffsetDateTime();
    }

    private void insertCase(UUID id, String office, String status, String scanned, UUID scannedBy) {
        pool.preparedQuery("""
                insert into verification_case (id, registration_id, nik, email, phone, language, device_key_jwk,
                    device_key_thumbprint, selfie_sha256, submitted_at, office_code, default_office_code, status,
                    opened_at, scanned_at, scanned_by)
                values ($1, $2, $3, 'register@example.org', '081200000000', 'id', '{}', 'thumb', 'sha',
                    $4, $5, $5, $6, $4, $7, $8)""")
                .execute(Tuple.tuple().addUUID(id).addUUID(UUID.randomUUID()).addString(NIK)
                        .addOffsetDateTime(scanned == null ? wita("2025-07-06T08:00") : wita(scanned).minusMinutes(20))
                        .addString(office).addString(status).addOffsetDateTime(scanned == null ? null : wita(scanned))
                        .addUUID(scannedBy))
                .await().indefinitely();
    }

    private void decide(UUID caseId, String outcome, String reason, String note, String channel, UUID operator,
            String at) {
        pool.preparedQuery("""
                insert into decision (id, case_id, outcome, reason_code, reason_note, channel, call_reference,
                    ktp_el_checked, operator_id, office_code, decided_at, state)
                values ($1, $2, $3, $4, $5, $6, $7, true, $8, $9, $10, 'FINAL')""")
                .execute(Tuple.tuple().addUUID(UUID.randomUUID()).addUUID(caseId).addString(outcome).addString(reason)
                        .addString(note).addString(channel).addString(channel.equals("VIDEO_CALL") ? "call-1" : null)
                        .addUUID(operator).addString(TAPIN).addOffsetDateTime(wita(at)))
                .await().indefinitely();
    }

    private void log(UUID caseId, String action, String operator, String at, Integer step, long duration,
            long standard) {
        pool.preparedQuery("""
                insert into service_log_entry (occurred_at, office_code, operator_username, case_id, registration_id,
                    action, sop_step, duration_seconds, standard_seconds)
                values ($1, $2, $3, $4, $5, $6, $7, $8, $9)""")
                .execute(Tuple.tuple().addOffsetDateTime(wita(at)).addString(TAPIN).addString(operator)
                        .addUUID(caseId).addUUID(UUID.randomUUID()).addString(action).addInteger(step)
                        .addLong(duration).addLong(standard))
                .await().indefinitely();
    }

    @BeforeAll
    void constructServices() {
        name = pool.preparedQuery("select full_name from registry_resident where nik = $1").execute(Tuple.of(NIK))
                .await().indefinitely().iterator().next().getString("full_name");
        first = pool.preparedQuery("select id from operator_account where username = 'tapin.operator'").execute()
                .await().indefinitely().iterator().next().getUUID("id");
        pool.preparedQuery("""
                insert into operator_account (id, username, full_name, office_code, roles, password_hash)
                values ($1, $2, 'Loket Dua Tapin', $3, 'operator', 'not-a-hash: signs in by test token only')""")
                .execute(Tuple.of(second, SECOND, TAPIN)).await().indefinitely();

        // Sunday 6 July 2025, 09:00 WITA at the counter: 4 min of 5, activated, whole service 25 of 50 min
        insertCase(approved, TAPIN, "ACTIVATED", "2025-07-06T09:00", first);
        decide(approved, "APPROVED", null, null, "COUNTER", first, "2025-07-06T09:04");
        log(approved, "DECIDED", "tapin.operator", "2025-07-06T09:04", 3, 240, 300);
        log(approved, "ACTIVATED", null, "2025-07-06T09:25", 5, 600, 600);
        log(approved, "COMPLETED", null, "2025-07-06T09:25", null, 1_500, 3_000);
        // 10:00 WITA on a video call with the second operator: 8 min of 5, rejected
        insertCase(rejected, TAPIN, "REJECTED", "2025-07-06T10:00", second);
        decide(rejected, "REJECTED", "DATA_MISMATCH", "Nama berbeda", "VIDEO_CALL", second, "2025-07-06T10:08");
        log(rejected, "DECIDED", SECOND, "2025-07-06T10:08", 3, 480, 300);
        // 00:30 WITA on 8 July is still 7 July in UTC: the register counts it on the 8th, where Tapin is
        insertCase(afterMidnight, TAPIN, "IN_REVIEW", "2025-07-08T00:30", first);
        // not served (never scanned), and another office's service: neither is in Tapin's register
        insertCase(UUID.randomUUID(), TAPIN, "QUEUED", null, null);
        insertCase(UUID.randomUUID(), "351814-KEC-BAGOR", "IN_REVIEW", "2025-07-06T09:30", null);

    }

    private JsonPath register(String token, String query) {
        return given().auth().oauth2(token).get("/api/v1/operator/service-register?" + query).then().statusCode(200)
                .extract().jsonPath();
    }

    @Test
    void oneRowPerServiceWithTheCitizenTheResultAndEachStepAgainstItsStandard() {
        JsonPath day = register(tapin(), "from=2025-07-06&to=2025-07-06");
        assertThat(day.getBoolean("personalData")).isTrue();
        assertThat(day.getString("zone")).isEqualTo("WITA");
        List<Map<String, Object>> rows = day.getList("rows");
        assertThat(rows).extracting(r -> r.get("caseId")).containsExactly(approved.toString(), rejected.toString());
        assertThat(rows).extracting(r -> r.get("number")).containsExactly(1, 2);
        Map<String, Object> a = rows.get(0);
        assertThat(a).containsEntry("date", "06-07-2025").containsEntry("time", "09:00")
                .containsEntry("nikMasked", "630504********01").containsEntry("name", name)
                .containsEntry("channel", "COUNTER").containsEntry("operator", "tapin.operator")
                .containsEntry("status", "ACTIVATED");
        assertThat(day.getList("rows[0].steps.sopStep")).containsExactly(3, 5, 99);
        assertThat(day.getList("rows[0].steps.within")).containsOnly(true);
        Map<String, Object> b = rows.get(1);
        assertThat(b).containsEntry("time", "10:00").containsEntry("channel", "VIDEO_CALL")
                .containsEntry("operator", SECOND).containsEntry("operatorName", "Loket Dua Tapin")
                .containsEntry("status", "REJECTED").containsEntry("reasonCode", "DATA_MISMATCH")
                .containsEntry("reasonNote", "Nama berbeda");
        assertThat(day.getList("rows[1].steps.seconds")).containsExactly(480);
        assertThat(day.getList("rows[1].steps.within")).containsExactly(false);
    }

    @Test
    void filteredByLocalDaysAndByOperatorKeepingTheRunningNumber() {
        assertThat(register(tapin(), "from=2025-07-06&to=2025-07-08").getList("rows.caseId"))
                .containsExactly(approved.toString(), rejected.toString(), afterMidnight.toString());
        // 00:30 WITA on the 8th is 16:30 UTC on the 7th: not a service of the 7th in Tapin
        assertThat(register(tapin(), "from=2025-07-07&to=2025-07-07").getList("rows")).isEmpty();
        JsonPath eighth = register(tapin(), "from=2025-07-08&to=2025-07-08");
        assertThat(eighth.getString("rows[0].date")).isEqualTo("08-07-2025");
        assertThat(eighth.getString("rows[0].time")).isEqualTo("00:30");
        assertThat(eighth.getInt("rows[0].number")).isEqualTo(3);

        JsonPath second = register(tapin(), "from=2025-07-01&to=2025-07-31&operator=" + SECOND);
        assertThat(second.getList("rows.caseId")).containsExactly(rejected.toString());
        assertThat(second.getInt("rows[0].number")).isEqualTo(2);
        assertThat(register(tapin(), "from=2025-07-01&to=2025-07-31&operator=tapin.operator").getList("rows.caseId"))
                .containsExactly(approved.toString(), afterMidnight.toString());

        given().auth().oauth2(tapin()).get("/api/v1/operator/service-register?from=2025-07-08&to=2025-07-01")
                .then().statusCode(400).contentType("application/problem+json");
    }

    @Test
    void personalDataOnlyForTheOfficesOwnOperators() {
        given().auth().oauth2(TestSupport.login("bagor.operator"))
                .get("/api/v1/operator/service-register?from=2025-07-06&to=2025-07-06&office=" + TAPIN)
                .then().statusCode(403).contentType("application/problem+json");
        JsonPath admin = register(TestSupport.login("admin"), "from=2025-07-06&to=2025-07-06&office=" + TAPIN);
        assertThat(admin.getBoolean("personalData")).isFalse();
        assertThat(admin.getList("rows")).hasSize(2);
        assertThat(admin.getList("rows.nikMasked")).containsOnlyNulls();
        assertThat(admin.getList("rows.name")).containsOnlyNulls();
    }

    @Test
    void csvInLocalTimeWithTheZoneAndWordsNotCodes() {
        String csv = given().auth().oauth2(tapin()).get("/api/v1/operator/service-register.csv?from=2025-07-06&to=2025-07-08")
                .then().statusCode(200).contentType("text/csv").extract().asString();
        String[] lines = csv.split("\r\n");
        assertThat(lines).hasSize(4);
        assertThat(lines[1]).startsWith("1,06-07-2025,09:00,WITA,2025-07-06T09:00+08:00,630504********01," + name)
                .contains("Loket / Counter", "IKD aktif / IKD activated", "4 mnt 0 dtk (standar 5 mnt) sesuai / within");
        assertThat(lines[2]).contains("Panggilan video / Video call",
                "Ditolak / Rejected: Data tidak sesuai / Data mismatch (Nama berbeda)", "melewati / over");
        assertThat(lines[3]).startsWith("3,08-07-2025,00:30,WITA,2025-07-08T00:30+08:00");
        assertThat(csv).doesNotContain(NIK).doesNotContain(",REJECTED,").doesNotContain("DATA_MISMATCH");
    }

    @Test
    void pdfReadBack() throws IOException {
        byte[] pdf = given().auth().oauth2(tapin()).get("/api/v1/operator/service-register.pdf?from=2025-07-06&to=2025-07-08")
                .then().statusCode(200).contentType("application/pdf").extract().asByteArray();
        String text = CounterPrintsTest.text(pdf);
        assertThat(text).contains("Buku Pelayanan Dinas Kependudukan dan Pencatatan Sipil Kabupaten Tapin",
                "3 layanan", "WITA", "630504********01", name, "06-07-2025 09:00 WITA", "08-07-2025 00:30 WITA",
                "Loket Dua Tapin", "Data tidak sesuai");
        assertThat(text).doesNotContain(NIK);
    }

    @Test
    void theMonthlyRecapAddsUp() throws IOException {
        JsonPath recap = given().auth().oauth2(tapin()).get("/api/v1/operator/service-register/recap?month=2025-07")
                .then().statusCode(200).extract().jsonPath();
        assertThat(recap.getInt("served")).isEqualTo(3);
        Map<String, Integer> results = recap.getMap("results.collectEntries { [it.status, it.count] }");
        assertThat(results).containsEntry("ACTIVATED", 1).containsEntry("REJECTED", 1).containsEntry("IN_REVIEW", 1);
        assertThat(results.values().stream().mapToInt(Integer::intValue).sum()).isEqualTo(3);
        // timed: 3 (within), 5 (within), whole (within), 3 (over): 3 of 4
        assertThat(recap.getInt("measured")).isEqualTo(4);
        assertThat(recap.getDouble("withinPercent")).isEqualTo(75.0);
        assertThat(recap.getList("operators.operator")).containsExactly(SECOND, "tapin.operator");
        assertThat(recap.getInt("operators[0].rejected")).isEqualTo(1);
        assertThat(recap.getDouble("operators[0].withinPercent")).isEqualTo(0.0);
        assertThat(recap.getInt("operators[1].served")).isEqualTo(2);
        assertThat(recap.getDouble("operators[1].withinPercent")).isEqualTo(100.0);

        byte[] pdf = given().auth().oauth2(tapin()).get("/api/v1/operator/service-register/recap.pdf?month=2025-07")
                .then().statusCode(200).contentType("application/pdf").extract().asByteArray();
        assertThat(CounterPrintsTest.text(pdf)).contains("Rekap Bulanan", "2025-07", "Jumlah layanan", "75.0 %",
                "Loket Dua Tapin");
    }

    @Test
    void thePortalPagesOfTheRegister() {
        String token = Jwt.issuer("https://ikd.dukcapil.go.id").subject(second.toString()).upn(SECOND)
                .audience("ikd").groups("operator").claim("office", TAPIN).claim("name", "Loket Dua Tapin")
                .expiresIn(Duration.ofMinutes(10)).jws().type(BearerTokenTypes.OPERATOR).sign();
        String page = given().cookie("ikd_operator_session", token).redirects().follow(false)
                .get("/portal/register?from=2025-07-06&to=2025-07-06&operator=" + SECOND).then().statusCode(200)
                .extract().asString();
        assertThat(page).contains("Buku pelayanan", "10:00 WITA", "Ditolak / Rejected", "630504********01", name)
                .doesNotContain("09:00 WITA");
        String recap = given().cookie("ikd_operator_session", token).get("/portal/register/recap?month=2025-07")
                .then().statusCode(200).extract().asString();
        assertThat(recap).contains("id=\"recap-served\">3<", "75.0 %");
        given().cookie("ikd_operator_session", token).get("/portal/register.csv?from=2025-07-06&to=2025-07-06")
                .then().statusCode(200).contentType("text/csv");
        given().redirects().follow(false).get("/portal/register").then().statusCode(303);
    }
}

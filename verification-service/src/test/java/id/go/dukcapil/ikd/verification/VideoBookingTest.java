package id.go.dukcapil.ikd.verification;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.inject.Inject;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import id.go.dukcapil.ikd.testing.IkdTestResource;
import id.go.dukcapil.ikd.verification.TestSupport.Registration;
import id.go.dukcapil.ikd.verification.service.VideoBookingHousekeeping;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;

/** Booking a video call through its API: slots in the office's local time, capacity under concurrency, move, cancel, no-show, the event. */
@QuarkusTest
@QuarkusTestResource(value = IkdTestResource.class, initArgs = @ResourceArg(name = "database", value = "verification"))
@QuarkusTestResource(RegistrationServiceStub.class)
class VideoBookingTest {

    static final String TAPIN = "6305-DISDUKCAPIL";
    private static final ZoneId WITA = ZoneId.of("Asia/Makassar");
    private static final AtomicInteger NIKS = new AtomicInteger();
    private static final ObjectMapper JSON = new ObjectMapper();

    @Inject
    Pool pool;

    @Inject
    VideoBookingHousekeeping housekeeping;

    /** Every day of the week 09:00-10:00 in the office's local time, so that the test does not depend on today's weekday. */
    static void schedule(String office, int slotMinutes, int capacity) {
        schedule(office, slotMinutes, capacity, "09:00", "10:00");
    }

    static void schedule(String office, int slotMinutes, int capacity, String opens, String closes) {
        List<Map<String, String>> hours = new ArrayList<>();
        for (String day : List.of("MONDAY", "TUESDAY", "WEDNESDAY", "THURSDAY", "FRIDAY", "SATURDAY", "SUNDAY")) {
            hours.add(Map.of("day", day, "opens", opens, "closes", closes));
        }
        given().auth().oauth2(TestSupport.login("admin")).contentType(ContentType.JSON)
                .body(Map.of("slotMinutes", slotMinutes, "capacity", capacity, "hours", hours))
                .put("/api/v1/admin/offices/" + office + "/video-schedule").then().statusCode(200)
                .body("timeZone", equalTo(office.equals(TAPIN) ? "WITA" : "WIB")).body("capacity", equalTo(capacity));
    }

    /** A new registration of a NIK of Tapin (63.05), its counter code, once its case has reached the office. */
    static String tapinCitizen() {
        String nik = "630504410792" + String.format("%04d", 1000 + NIKS.incrementAndGet());
        Registration registration = TestSupport.submit(nik);
        String code = TestSupport.counterJws(registration, registration.expiresAt());
        Awaitility.await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(500))
                .until(() -> slots(code, 3).statusCode() != 404);
        return code;
    }

    static Response slots(String code, int days) {
        return given().header("X-Counter-Code", code).queryParam("days", days).get("/api/v1/video-bookings");
    }

    /**
     * The first slot no other test has booked into (the tests share Tapin's slots), starting at least five
     * minutes from now: today's next slot may start while the test books it, and a past slot is refused.
     */
    static String emptySlot(String code, int capacity, int skip) {
        JsonPath answer = slots(code, 3).then().statusCode(200).extract().jsonPath();
        List<Map<String, Object>> all = answer.getList("slots");
        Instant soon = Instant.now().plus(Duration.ofMinutes(5));
        return all.stream().filter(s -> ((Number) s.get("free")).intValue() == capacity)
                .filter(s -> Instant.parse(s.get("start").toString()).isAfter(soon)).skip(skip).findFirst()
                .map(s -> s.get("start").toString()).orElseThrow();
    }

    static Response book(String code, Object start) {
        return given().header("X-Counter-Code", code).contentType(ContentType.JSON).body(Map.of("slotStart", start.toString()))
                .post("/api/v1/video-bookings");
    }

    static UUID registrationOf(String code) {
        String payload = new String(java.util.Base64.getUrlDecoder().decode(code.split("\\.")[1]));
        return UUID.fromString(JsonPath.from(payload).getString("sub"));
    }

    private static int free(String code, String start) {
        List<Map<String, Object>> all = slots(code, 3).then().statusCode(200).extract().jsonPath().getList("slots");
        return all.stream().filter(s -> start.equals(s.get("start"))).map(s -> ((Number) s.get("free")).intValue())
                .findFirst().orElseThrow();
    }

    private List<JsonNode> events(UUID registrationId) throws Exception {
        List<JsonNode> events = new ArrayList<>();
        for (Row row : pool.preparedQuery("select payload from ikd_outbox where event_type = $1 and subject = $2 order by id")
                .execute(Tuple.of("id.go.dukcapil.ikd.verification.video-call-booked.v1", registrationId.toString()))
                .await().indefinitely()) {
            events.add(JSON.readTree(row.getString("payload")));
        }
        return events;
    }

    @Test
    void slotsAreGivenInTheOfficesLocalTimeAndAHolidayHasNone() {
        schedule(TAPIN, 15, 2);
        String code = tapinCitizen();
        JsonPath answer = slots(code, 3).then().statusCode(200).body("timeZone", equalTo("WITA"))
                .body("officeCode", equalTo(TAPIN)).extract().jsonPath();
        List<String> starts = answer.getList("slots.start");
        assertThat(starts).isNotEmpty();
        List<LocalDate> days = new ArrayList<>();
        for (int i = 0; i < starts.size(); i++) {
            Instant start = Instant.parse(starts.get(i));
            LocalTime local = start.atZone(WITA).toLocalTime();
            // 09:00-10:00 WITA is 01:00-02:00 UTC: the hours are the office's, not the server's
            assertThat(local).isIn(LocalTime.of(9, 0), LocalTime.of(9, 15), LocalTime.of(9, 30), LocalTime.of(9, 45));
            assertThat(start.atZone(ZoneId.of("UTC")).getHour()).isEqualTo(1);
            assertThat(start).isAfter(Instant.now());
            assertThat(answer.getString("slots[" + i + "].localId")).endsWith(" pukul " + local.toString().replace(':', '.') + " WITA");
            assertThat(answer.getString("slots[" + i + "].localEn")).endsWith(" at " + local + " WITA");
            assertThat(answer.getInt("slots[" + i + "].free")).isBetween(0, 2);
            LocalDate day = start.atZone(WITA).toLocalDate();
            if (!days.contains(day)) {
                days.add(day);
            }
        }
        assertThat(days).hasSize(3);
        assertThat(answer.getString("slots[0].localId")).matches("^(Senin|Selasa|Rabu|Kamis|Jumat|Sabtu|Minggu), \\d{1,2} \\p{L}+ \\d{4} pukul 09\\.\\d{2} WITA$");

        // a holiday on the second day: no slot that day, another working day instead
        LocalDate holiday = days.get(1);
        String admin = TestSupport.login("admin");
        given().auth().oauth2(admin).contentType(ContentType.JSON)
                .body(Map.of("day", holiday.toString(), "kind", "NATIONAL", "name", "Libur uji"))
                .post("/api/v1/admin/holidays").then().statusCode(201);
        try {
            List<String> after = slots(code, 3).then().statusCode(200).extract().jsonPath().getList("slots.start");
            assertThat(after).noneMatch(s -> Instant.parse(s).atZone(WITA).toLocalDate().equals(holiday));
            assertThat(after.stream().map(s -> Instant.parse(s).atZone(WITA).toLocalDate()).distinct()).hasSize(3);
            Instant onHoliday = holiday.atTime(9, 15).atZone(WITA).toInstant();
            book(code, onHoliday).then().statusCode(400).body("code", equalTo("SLOT_UNKNOWN"));
        } finally {
            given().auth().oauth2(admin).delete("/api/v1/admin/holidays/" + holiday).then().statusCode(204);
        }
    }

    @Test
    void pastAndOffScheduleSlotsAreRefused() {
        schedule(TAPIN, 15, 2);
        String code = tapinCitizen();
        Instant yesterday = LocalDate.now(WITA).minusDays(1).atTime(9, 15).atZone(WITA).toInstant();
        book(code, yesterday).then().statusCode(409).body("code", equalTo("SLOT_PAST"))
                .contentType("application/problem+json");
        String first = slots(code, 1).then().statusCode(200).extract().path("slots[0].start");
        book(code, Instant.parse(first).plus(Duration.ofMinutes(7))).then().statusCode(400).body("code", equalTo("SLOT_UNKNOWN"));
        // 08:00 WITA is outside the office's video hours; the day after the first slot's, so that it is still to come
        // (the first slot may be today's 09:00, and before 09:00 WITA today's 08:00 has passed: SLOT_PAST)
        book(code, Instant.parse(first).atZone(WITA).toLocalDate().plusDays(1).atTime(8, 0).atZone(WITA).toInstant()).then()
                .statusCode(400).body("code", equalTo("SLOT_UNKNOWN"));
        given().auth().oauth2(TestSupport.login("admin")).contentType(ContentType.JSON)
                .body(Map.of("slotMinutes", 15, "capacity", 1, "hours", List.of(
                        Map.of("day", "MONDAY", "opens", "09:00", "closes", "11:00"),
                        Map.of("day", "MONDAY", "opens", "10:00", "closes", "12:00"))))
                .put("/api/v1/admin/offices/" + TAPIN + "/video-schedule").then().statusCode(400)
                .body("code", equalTo("VALIDATION_FAILED"));
    }

    @Test
    void fiveCitizensAtOnceOnASlotForTwoGetTwoPlaces() throws Exception {
        schedule(TAPIN, 15, 2);
        List<String> codes = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            codes.add(tapinCitizen());
        }
        String start = emptySlot(codes.get(0), 2, 0);
        List<Response> answers = Collections.synchronizedList(new ArrayList<>());
        ExecutorService senders = Executors.newFixedThreadPool(5);
        CountDownLatch ready = new CountDownLatch(5);
        try {
            List<Future<?>> sent = new ArrayList<>();
            for (String code : codes) {
                sent.add(senders.submit(() -> {
                    ready.countDown();
                    ready.await();
                    answers.add(book(code, start));
                    return null;
                }));
            }
            for (Future<?> one : sent) {
                one.get(60, TimeUnit.SECONDS);
            }
        } finally {
            senders.shutdownNow();
        }
        assertThat(answers).extracting(Response::statusCode).as(answers.stream().map(r -> r.asString()).toList().toString())
                .containsExactlyInAnyOrder(201, 201, 409, 409, 409);
        assertThat(answers).filteredOn(r -> r.statusCode() == 409).hasSize(3)
                .allSatisfy(r -> assertThat(r.<String>path("code")).isEqualTo("SLOT_FULL"));
        long booked = pool.preparedQuery("select count(*) from video_booking where office_code = $1 and slot_start = $2 "
                + "and status = 'BOOKED'").execute(Tuple.of(TAPIN, java.time.OffsetDateTime.parse(start)))
                .await().indefinitely().iterator().next().getLong(0);
        assertThat(booked).isEqualTo(2);
        List<Map<String, Object>> after = slots(codes.get(0), 3).then().extract().jsonPath().getList("slots");
        assertThat(after).filteredOn(s -> start.equals(s.get("start"))).singleElement()
                .satisfies(s -> assertThat(s.get("free")).isEqualTo(0));
    }

    @Test
    void aBookingIsMovedAndCancelledAndEachChangeIsAnEventWithoutContacts() throws Exception {
        schedule(TAPIN, 15, 2);
        String code = tapinCitizen();
        UUID registrationId = registrationOf(code);
        String a = emptySlot(code, 2, 0);
        String b = emptySlot(code, 2, 1);
        Response booked = book(code, a);
        booked.then().statusCode(201).body("status", equalTo("BOOKED")).body("timeZone", equalTo("WITA"))
                .body("localId", org.hamcrest.Matchers.endsWith("WITA"));
        String bookingId = booked.path("bookingId");
        book(code, b).then().statusCode(409).body("code", equalTo("ALREADY_BOOKED"));
        assertThat(free(code, a)).isEqualTo(1);
        slots(code, 2).then().body("booking.bookingId", equalTo(bookingId));

        given().header("X-Counter-Code", code).contentType(ContentType.JSON).body(Map.of("slotStart", b))
                .put("/api/v1/video-bookings/current").then().statusCode(200).body("bookingId", equalTo(bookingId))
                .body("start", equalTo(b));
        assertThat(free(code, a)).isEqualTo(2);
        assertThat(free(code, b)).isEqualTo(1);

        given().header("X-Counter-Code", code).delete("/api/v1/video-bookings/current").then().statusCode(200)
                .body("status", equalTo("CANCELLED"));
        given().header("X-Counter-Code", code).delete("/api/v1/video-bookings/current").then().statusCode(404)
                .body("code", equalTo("BOOKING_NOT_FOUND"));
        book(code, a).then().statusCode(201);

        List<JsonNode> events = events(registrationId);
        assertThat(events).extracting(e -> e.path("status").asText()).containsExactly("BOOKED", "MOVED", "CANCELLED", "BOOKED");
        JsonNode moved = events.get(1);
        assertThat(moved.path("bookingId").asText()).isEqualTo(bookingId);
        assertThat(moved.path("slotStart").asText()).isEqualTo(b);
        assertThat(moved.path("previousSlotStart").asText()).isEqualTo(a);
        assertThat(moved.path("timeZone").asText()).isEqualTo("WITA");
        assertThat(moved.path("office").path("officeCode").asText()).isEqualTo(TAPIN);
        assertThat(Instant.parse(moved.path("slotEnd").asText())).isEqualTo(Instant.parse(b).plus(Duration.ofMinutes(15)));
        for (JsonNode event : events) {
            assertThat(event.toString()).doesNotContain("warga+").doesNotContain("+6281234567890")
                    .doesNotContain("\"nik\"").doesNotContain("fullName");
        }
    }

    @Test
    void officesWithoutVideoCallsAndCasesNoLongerPendingAreRefused() {
        Registration sukodadi = TestSupport.submit("3524174107920001");
        String code = TestSupport.counterJws(sukodadi, sukodadi.expiresAt());
        Awaitility.await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(500))
                .until(() -> slots(code, 1).statusCode() != 404);
        slots(code, 1).then().statusCode(409).body("code", equalTo("VIDEO_CALLS_NOT_OFFERED"))
                .body("detail", org.hamcrest.Matchers.containsString("tempat pelayanan"));

        schedule(TAPIN, 15, 2);
        String tapin = tapinCitizen();
        pool.preparedQuery("update verification_case set status = 'APPROVED' where registration_id = $1")
                .execute(Tuple.of(registrationOf(tapin))).await().indefinitely();
        slots(tapin, 1).then().statusCode(409).body("code", equalTo("NOT_PENDING"));
        given().header("X-Counter-Code", "not-a-code").get("/api/v1/video-bookings").then().statusCode(400)
                .body("code", equalTo("INVALID_COUNTER_CODE"));
    }

    @Test
    void aBookedCitizenWhoDoesNotComeIsANoShowAndMayBookAgain() throws Exception {
        schedule(TAPIN, 15, 2);
        String code = tapinCitizen();
        UUID registrationId = registrationOf(code);
        String start = emptySlot(code, 2, 0);
        book(code, start).then().statusCode(201);
        // the slot was an hour ago and no call was asked for
        pool.preparedQuery("update video_booking set slot_start = now() - interval '1 hour', "
                + "slot_end = now() - interval '45 minutes' where registration_id = $1").execute(Tuple.of(registrationId))
                .await().indefinitely();
        housekeeping.tidy().await().indefinitely();
        String status = pool.preparedQuery("select status from video_booking where registration_id = $1")
                .execute(Tuple.of(registrationId)).await().indefinitely().iterator().next().getString("status");
        assertThat(status).isEqualTo("NO_SHOW");
        assertThat(events(registrationId)).extracting(e -> e.path("status").asText()).containsExactly("BOOKED", "NO_SHOW");
        String caseStatus = pool.preparedQuery("select status from verification_case where registration_id = $1")
                .execute(Tuple.of(registrationId)).await().indefinitely().iterator().next().getString("status");
        assertThat(caseStatus).isEqualTo("QUEUED");
        slots(code, 1).then().statusCode(200).body("booking", org.hamcrest.Matchers.nullValue());
        book(code, start).then().statusCode(201);

        // decided at the counter before the slot: the booking is released, and the citizen told
        pool.preparedQuery("update verification_case set status = 'APPROVED' where registration_id = $1")
                .execute(Tuple.of(registrationId)).await().indefinitely();
        housekeeping.tidy().await().indefinitely();
        assertThat(events(registrationId)).extracting(e -> e.path("status").asText())
                .containsExactly("BOOKED", "NO_SHOW", "BOOKED", "CANCELLED");
        long active = pool.preparedQuery("select count(*) from video_booking where registration_id = $1 and status = 'BOOKED'")
                .execute(Tuple.of(registrationId)).await().indefinitely().iterator().next().getLong(0);
        assertThat(active).isZero();
    }
}

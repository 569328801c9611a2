package id.go.dukcapil.ikd.verification;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;

import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import id.go.dukcapil.ikd.testing.IkdTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * Today's bookings in the portal's video queue each open their case and, once the slot started and the
 * citizen is not on the call, can be recorded as a no-show: CSRF-checked, the booking's office only,
 * told to the citizen, audited; the case stays in the queue.
 */
@QuarkusTest
@QuarkusTestResource(value = IkdTestResource.class, initArgs = @ResourceArg(name = "database", value = "verification"))
@QuarkusTestResource(RegistrationServiceStub.class)
class VideoBookingNoShowTest {

    @Inject
    Pool pool;

    private static ValidatableResponse noShow(PortalLogin.Visitor who, UUID bookingId, String csrf) {
        return given().redirects().follow(false).cookie("ikd_operator_session", who.session())
                .cookie("ikd_portal_csrf", who.csrf()).contentType("application/x-www-form-urlencoded")
                .formParam("csrf", csrf).post("/portal/video-bookings/" + bookingId + "/no-show").then();
    }

    private String single(String sql, Object id) {
        return pool.preparedQuery(sql).execute(Tuple.of(id)).await().indefinitely().iterator().next().getValue(0).toString();
    }

    @Test
    void anOperatorOpensABookingsCaseAndRecordsANoShowOnceItsSlotStarted() {
        VideoBookingTest.schedule(VideoBookingTest.TAPIN, 15, 2);
        String code = VideoBookingTest.tapinCitizen();
        UUID registrationId = VideoBookingTest.registrationOf(code);
        VideoBookingTest.book(code, VideoBookingTest.emptySlot(code, 2, 0)).then().statusCode(201);
        UUID bookingId = UUID.fromString(single("select id from video_booking where registration_id = $1", registrationId));
        String caseId = single("select case_id from video_booking where id = $1", bookingId);
        // the slot started five minutes ago, or at midnight in Tapin if that is later (so it is today there),
        // and no call was asked for
        pool.preparedQuery("update video_booking set slot_start = greatest(now() - interval '5 minutes', "
                + "date_trunc('day', now() at time zone 'Asia/Makassar') at time zone 'Asia/Makassar'), "
                + "slot_end = now() + interval '10 minutes' where id = $1").execute(Tuple.of(bookingId)).await().indefinitely();

        PortalLogin.Visitor tapin = PortalLogin.visitor("tapin.operator");
        given().cookie("ikd_operator_session", tapin.session()).get("/portal/video-calls").then().statusCode(200)
                .body(containsString("data-booking=\"" + bookingId + "\""))
                .body(containsString("href=\"/portal/cases/" + caseId + "\""))
                .body(containsString("/portal/video-bookings/" + bookingId + "/no-show"));
        given().cookie("ikd_operator_session", tapin.session()).get("/portal/cases/" + caseId).then().statusCode(200);

        // without the form's token nothing happens; another office does not find it
        noShow(tapin, bookingId, "wrong").statusCode(403);
        PortalLogin.Visitor elsewhere = PortalLogin.visitor("demo.operator");
        noShow(elsewhere, bookingId, elsewhere.csrf()).statusCode(404)
                .body(containsString("Tidak ada jadwal panggilan video yang dipesan"));
        assertThat(single("select status from video_booking where id = $1", bookingId)).isEqualTo("BOOKED");

        noShow(tapin, bookingId, tapin.csrf()).statusCode(303).header("Location", containsString("/portal/video-calls"));
        assertThat(single("select status from video_booking where id = $1", bookingId)).isEqualTo("NO_SHOW");
        assertThat(single("select status from verification_case where id = $1", UUID.fromString(caseId))).isEqualTo("QUEUED");
        assertThat(single("select count(*) from ikd_outbox where subject = $1 and payload like '%\"NO_SHOW\"%'",
                registrationId.toString())).isEqualTo("1");
        assertThat(single("select count(*) from audit_entry where kind = 'VIDEO_BOOKING_NO_SHOW' and subject = $1",
                caseId)).isEqualTo("1");
        // once: an ended booking is not ended again, and the page offers it no more
        noShow(tapin, bookingId, tapin.csrf()).statusCode(409).body(containsString("sudah selesai atau dibatalkan"));
        given().cookie("ikd_operator_session", tapin.session()).get("/portal/video-calls").then().statusCode(200)
                .body(not(containsString("/portal/video-bookings/" + bookingId + "/no-show")));

        // a slot still to come cannot be a no-show yet
        VideoBookingTest.book(code, VideoBookingTest.emptySlot(code, 2, 0)).then().statusCode(201);
        UUID later = UUID.fromString(single("select id from video_booking where registration_id = $1 and status = 'BOOKED'",
                registrationId));
        noShow(tapin, later, tapin.csrf()).statusCode(409).body(containsString("Jadwal ini belum dimulai"));
    }
}

package id.go.dukcapil.ikd.registration;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import id.go.dukcapil.ikd.events.IndonesianTimeZone;
import id.go.dukcapil.ikd.events.OfficeContact;
import id.go.dukcapil.ikd.events.VideoCallBooked;
import id.go.dukcapil.ikd.testing.IkdTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/** A booked video call on the citizen's timeline (issue 18): booked with its slot, moved, cancelled, missed. */
@QuarkusTest
@QuarkusTestResource(value = IkdTestResource.class, initArgs = @ResourceArg(name = "database", value = "registration"))
class VideoCallBookingTimelineTest {

    private static final String BASE = "/api/v1/registrations/";
    private static final OfficeContact TAPIN = new OfficeContact("6305-DISDUKCAPIL",
            "Dinas Kependudukan dan Pencatatan Sipil Kabupaten Tapin", "Jl. Datu Nuraya, Rantau", null, null, null, null,
            IndonesianTimeZone.WITA);

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;

    @Test
    void eachChangeOfTheBookingIsAStepWithTheSlotAndTheOffice() {
        String[] registration = Citizens.registered();
        UUID id = UUID.fromString(registration[0]);
        UUID booking = UUID.randomUUID();
        Instant slot = Instant.now().plus(Duration.ofHours(3)).truncatedTo(ChronoUnit.MINUTES);
        Instant moved = slot.plus(Duration.ofMinutes(30));
        Citizens.publish(bootstrap, booking(id, booking, slot, VideoCallBooked.Status.BOOKED, null));
        Citizens.publish(bootstrap, booking(id, booking, moved, VideoCallBooked.Status.MOVED, slot));
        Citizens.publish(bootstrap, booking(id, booking, moved, VideoCallBooked.Status.CANCELLED, null));
        Citizens.publish(bootstrap, booking(id, UUID.randomUUID(), slot, VideoCallBooked.Status.NO_SHOW, null));

        JsonPath status = await().atMost(Duration.ofSeconds(30)).until(() -> given()
                .header(Citizens.SECRET_HEADER, registration[1]).get(BASE + id).jsonPath(),
                json -> json.getList("timeline.kind").contains("VIDEO_CALL_MISSED"));
        List<String> kinds = status.getList("timeline.kind");
        assertThat(kinds).containsSubsequence("SUBMITTED", "VIDEO_CALL_BOOKED", "VIDEO_CALL_BOOKED",
                "VIDEO_CALL_CANCELLED", "VIDEO_CALL_MISSED");
        assertThat(status.getString("status")).isEqualTo("PENDING_VERIFICATION");
        int first = kinds.indexOf("VIDEO_CALL_BOOKED");
        assertThat(Instant.parse(status.getString("timeline[" + first + "].expectedBy"))).isEqualTo(slot);
        assertThat(Instant.parse(status.getString("timeline[" + (first + 1) + "].expectedBy"))).isEqualTo(moved);
        assertThat(status.getString("timeline[" + first + "].text.id")).contains("Panggilan video", "Kabupaten Tapin");
        assertThat(status.getString("timeline[" + first + "].text.en")).contains("video call");
        assertThat(status.getString("timeline[" + first + "].office.name")).contains("Kabupaten Tapin");
        assertThat(status.getString("timeline[" + (first + 2) + "].nextStep.id")).contains("Pesan jadwal baru");
    }

    private static VideoCallBooked booking(UUID registrationId, UUID booking, Instant slot, VideoCallBooked.Status status,
            Instant previous) {
        return new VideoCallBooked(registrationId, booking, TAPIN, slot, slot.plus(Duration.ofMinutes(15)),
                IndonesianTimeZone.WITA, status, previous, Instant.now());
    }
}

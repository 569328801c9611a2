package id.go.dukcapil.ikd.registration;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import id.go.dukcapil.ikd.testing.IkdTestResource;
import id.go.dukcapil.ikd.testing.PhoneSelfie;
import id.go.dukcapil.ikd.web.images.ImageDecoding;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.Response;

/**
 * A replica whose image-decode threads are all busy (here: its one thread held by the test, as a
 * starved CPU would hold it) answers a selfie that waited {@code max-wait} with 503 SERVICE_BUSY
 * and Retry-After, while the queue still has room, instead of holding the upload until a thread
 * is free; once the thread is free, the next selfie is registered.
 */
@QuarkusTest
@TestProfile(SelfieWaitDeadlineTest.OneThreadShortWait.class)
@QuarkusTestResource(value = IkdTestResource.class, initArgs = @ResourceArg(name = "database", value = "registration"))
class SelfieWaitDeadlineTest {

    public static class OneThreadShortWait implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("ikd.bulkhead.image-decode.concurrency", "1", "ikd.bulkhead.image-decode.queue", "8",
                    "ikd.bulkhead.image-decode.max-wait", "1s", "ikd.bulkhead.image-decode.retry-after", "2s");
        }
    }

    @Inject
    ImageDecoding decoding;

    @Inject
    MeterRegistry meters;

    @Test
    void aSelfieThatWaitedLongerThanMaxWaitIsAnsweredServiceBusyWhileTheThreadIsStillHeld() throws Exception {
        byte[] selfie = PhoneSelfie.jpeg();
        HeldDecodeThread held = HeldDecodeThread.hold(decoding);
        try {
            Response refused = Citizens.register(Citizens.form(Citizens.nik()), selfie, "selfie.jpg", "image/jpeg");

            // answered by the deadline: the only thread is still held, and the queue had room
            assertThat(held.stillHeld()).isTrue();
            refused.then().statusCode(503).contentType("application/problem+json").header("Retry-After", "2")
                    .body("code", equalTo("SERVICE_BUSY")).body("bulkhead", equalTo("image-decode"));
            assertThat(meters.get("ikd.bulkhead.expired").tag("name", ImageDecoding.BULKHEAD).counter().count())
                    .isEqualTo(1.0);
            assertThat(meters.get("ikd.bulkhead.rejected").tag("name", ImageDecoding.BULKHEAD).counter().count())
                    .isZero();
        } finally {
            held.release();
        }

        Citizens.register(Citizens.form(Citizens.nik()), selfie, "selfie.jpg", "image/jpeg").then().statusCode(202);
        given().get("/q/health/live").then().statusCode(200).body("status", equalTo("UP"));
    }
}

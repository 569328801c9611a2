package id.go.dukcapil.ikd.registration;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import id.go.dukcapil.ikd.registration.rest.RegistrationResource;
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
 * Registrations pass an admission gate before any database work: with its places taken (here two
 * registrations held at the one image-decode thread the test keeps busy), one more waits in the
 * queue and is answered 503 SERVICE_BUSY after max-wait, the next finds the queue full and is
 * answered at once, other endpoints are served as usual, and once the held registrations are
 * answered their places are free again.
 */
@QuarkusTest
@TestProfile(RegistrationAdmissionTest.TwoPlaces.class)
@QuarkusTestResource(value = IkdTestResource.class, initArgs = @ResourceArg(name = "database", value = "registration"))
class RegistrationAdmissionTest {

    public static class TwoPlaces implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("ikd.bulkhead.image-decode.concurrency", "1", "ikd.bulkhead.image-decode.queue", "8",
                    "ikd.bulkhead.image-decode.max-wait", "0s", // the decode waits as long as the test holds it
                    "ikd.admission.registration.in-flight", "2", "ikd.admission.registration.queue", "1",
                    "ikd.admission.registration.max-wait", "1s", "ikd.admission.registration.retry-after", "3s");
        }
    }

    /** One thread per request: the common pool may have a single thread on two cores. */
    private static final ExecutorService CLIENTS = Executors.newCachedThreadPool();

    @Inject
    ImageDecoding decoding;

    @Inject
    MeterRegistry meters;

    @Test
    void beyondItsPlacesAndQueueARegistrationIsAnsweredServiceBusyWithoutTouchingTheHeldOnes() throws Exception {
        byte[] selfie = PhoneSelfie.jpeg();
        HeldDecodeThread held = HeldDecodeThread.hold(decoding);
        CompletableFuture<Response> first;
        CompletableFuture<Response> second;
        try {
            first = registerAsync(selfie);
            second = registerAsync(selfie);
            awaitGauge("ikd.admission.in.flight", 2);

            CompletableFuture<Response> queued = registerAsync(selfie);
            awaitGauge("ikd.admission.waiting", 1);
            Response refused = Citizens.register(Citizens.form(Citizens.nik()), selfie, "selfie.jpg", "image/jpeg");

            refused.then().statusCode(503).contentType("application/problem+json").header("Retry-After", "3")
                    .body("code", equalTo("SERVICE_BUSY")).body("admission", equalTo("registration"));
            assertThat(counter("ikd.admission.rejected")).isEqualTo(1.0);
            given().get("/app/config.json").then().statusCode(200); // other endpoints are not gated

            Response expired = queued.get(30, TimeUnit.SECONDS);
            expired.then().statusCode(503).body("code", equalTo("SERVICE_BUSY"))
                    .body("admission", equalTo("registration"));
            assertThat(counter("ikd.admission.expired")).isEqualTo(1.0);
            assertThat(held.stillHeld()).as("both answers came while the held registrations were still held").isTrue();
            assertThat(first).isNotDone();
        } finally {
            held.release();
        }
        first.get(60, TimeUnit.SECONDS).then().statusCode(202);
        second.get(60, TimeUnit.SECONDS).then().statusCode(202);
        awaitGauge("ikd.admission.in.flight", 0);

        Citizens.register(Citizens.form(Citizens.nik()), selfie, "selfie.jpg", "image/jpeg").then().statusCode(202);
        awaitGauge("ikd.admission.in.flight", 0);
    }

    private static CompletableFuture<Response> registerAsync(byte[] selfie) {
        Supplier<Response> register = () -> Citizens.register(Citizens.form(Citizens.nik()), selfie, "selfie.jpg",
                "image/jpeg");
        return CompletableFuture.supplyAsync(register, CLIENTS);
    }

    private double counter(String name) {
        return meters.get(name).tag("name", RegistrationResource.REGISTRATION_GATE).counter().count();
    }

    private void awaitGauge(String name, double expected) throws InterruptedException {
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        double seen = Double.NaN;
        while (System.nanoTime() < until) {
            var gauge = meters.find(name).tag("name", RegistrationResource.REGISTRATION_GATE).gauge();
            seen = gauge == null ? Double.NaN : gauge.value();
            if (seen == expected) {
                return;
            }
            Thread.sleep(20);
        }
        throw new AssertionError(name + " stayed at " + seen + ", expected " + expected);
    }
}

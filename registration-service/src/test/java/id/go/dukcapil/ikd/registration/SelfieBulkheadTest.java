package id.go.dukcapil.ikd.registration;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

import org.junit.jupiter.api.Test;

import id.go.dukcapil.ikd.testing.HostileImages;
import id.go.dukcapil.ikd.testing.IkdTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.Response;

/**
 * A burst of maximum-size selfies beyond the image-decode bulkhead (here one at a time, none
 * waiting): the ones beyond are answered 503 SERVICE_BUSY with Retry-After, the others are
 * registered, and the service goes on answering.
 */
@QuarkusTest
@TestProfile(SelfieBulkheadTest.OneDecodeAtATime.class)
@QuarkusTestResource(value = IkdTestResource.class, initArgs = @ResourceArg(name = "database", value = "registration"))
class SelfieBulkheadTest {

    private static final int BURST = 12;

    public static class OneDecodeAtATime implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("ikd.bulkhead.image-decode.concurrency", "1", "ikd.bulkhead.image-decode.queue", "0",
                    "ikd.bulkhead.image-decode.retry-after", "3s");
        }
    }

    @Test
    void maximumSizeSelfiesBeyondTheBulkheadAreAnsweredServiceBusyAndTheServiceStaysUp() throws Exception {
        byte[] photo = HostileImages.picture("jpeg", 4032, 3024);
        List<Map<String, String>> forms = new ArrayList<>();
        for (int i = 0; i < BURST; i++) {
            forms.add(Citizens.form(Citizens.nik()));
        }
        List<Response> answers = Citizens.atOnce(forms.stream()
                .<Callable<Response>>map(form -> () -> Citizens.register(form, photo, "selfie.jpg", "image/jpeg"))
                .toList());

        List<Response> busy = answers.stream().filter(r -> r.statusCode() == 503).toList();
        // the figure for docs/reliability.md
        System.out.printf("selfie burst: %d sent at once, %d registered, %d SERVICE_BUSY%n", BURST,
                answers.size() - busy.size(), busy.size());
        assertThat(answers).allSatisfy(r -> assertThat(r.statusCode()).isIn(202, 503));
        assertThat(busy).as("refused beyond the bulkhead").isNotEmpty();
        assertThat(answers.size() - busy.size()).as("registered").isPositive();
        for (Response refused : busy) {
            refused.then().contentType("application/problem+json").header("Retry-After", "3")
                    .body("code", equalTo("SERVICE_BUSY")).body("bulkhead", equalTo("image-decode"));
        }

        // still up: the next selfie is registered, and the service reports itself live
        Citizens.register(Citizens.form(Citizens.nik()), photo, "selfie.jpg", "image/jpeg").then().statusCode(202);
        given().get("/q/health/live").then().statusCode(200).body("status", equalTo("UP"));
    }
}

package id.go.dukcapil.ikd.registration;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Map;
import java.util.function.Supplier;

import org.junit.jupiter.api.Test;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Combinators;

import id.go.dukcapil.ikd.testing.HostileInput;
import id.go.dukcapil.ikd.testing.IkdTestResource;
import id.go.dukcapil.ikd.testing.LogCapture;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

/**
 * Issue 14, bad input at registration-service: a multipart registration cut short is
 * MALFORMED_REQUEST (was a 500 with a stack trace), and a registration cut anywhere or with bytes
 * changed anywhere never gets a 500.
 */
@QuarkusTest
@QuarkusTestResource(value = IkdTestResource.class, initArgs = @ResourceArg(name = "database", value = "registration"))
class HostileInputTest {

    private static final String BOUNDARY = "ikdHostileBoundary7MA4YWxk";
    private static final String CONTENT_TYPE = "multipart/form-data; boundary=" + BOUNDARY;

    private static byte[] registration() {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        Map<String, String> fields = Citizens.form(Citizens.nik());
        fields.forEach((name, value) -> body.writeBytes(("--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\""
                + name + "\"\r\n\r\n" + value + "\r\n").getBytes(StandardCharsets.UTF_8)));
        body.writeBytes(("--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"selfie\"; filename=\"s.png\"\r\n"
                + "Content-Type: image/png\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        body.writeBytes(Citizens.selfie());
        body.writeBytes(("\r\n--" + BOUNDARY + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return body.toByteArray();
    }

    private static Response post(byte[] body) {
        return given().contentType(CONTENT_TYPE).body(body).post("/api/v1/registrations");
    }

    @Test
    void aRegistrationCutShortIsMalformed() {
        byte[] whole = registration();
        byte[] cut = Arrays.copyOf(whole, whole.length - 200);
        try (LogCapture logs = LogCapture.start()) {
            post(cut).then().statusCode(400).contentType("application/problem+json")
                    .body("code", equalTo("MALFORMED_REQUEST")).header("X-Content-Type-Options", "nosniff");
            assertThat(logs.lines()).as("log lines of one refusal").hasSizeLessThanOrEqualTo(1);
        }
    }

    @Test
    void registrationsCutOrChangedAnywhereNeverGetA500() {
        byte[] whole = registration();
        Arbitraries.integers().between(0, whole.length - 1).sampleStream().limit(80).forEach(length -> HostileInput
                .assertSuccessOrProblem(post(Arrays.copyOf(whole, length)), "registration cut at " + length));
        Combinators.combine(Arbitraries.integers().between(0, whole.length - 1), Arbitraries.bytes())
                .as((at, value) -> {
                    byte[] changed = whole.clone();
                    changed[at] = value;
                    return changed;
                }).sampleStream().limit(60).forEach(changed -> HostileInput.assertSuccessOrProblem(post(changed),
                        "registration with a byte changed"));
        Arbitraries.bytes().array(byte[].class).ofMaxSize(2000).sampleStream().limit(40).forEach(garbage -> HostileInput
                .assertSuccessOrProblem(post(garbage), "garbage of " + garbage.length + " bytes"));
    }
}

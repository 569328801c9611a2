package id.go.dukcapil.ikd.verification;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import id.go.dukcapil.ikd.testing.IkdTestResource;
import id.go.dukcapil.ikd.verification.TestSupport.Registration;
import id.go.dukcapil.ikd.web.Digests;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.jwt.build.Jwt;

/**
 * The registry photo leaves this service only for a suite service's photo grant, and only for an
 * approved registration: a missing, foreign or mis-addressed grant is refused, a pending
 * registration has no photo to give.
 */
@QuarkusTest
@QuarkusTestResource(value = IkdTestResource.class, initArgs = @ResourceArg(name = "database", value = "verification"))
@QuarkusTestResource(RegistrationServiceStub.class)
class RegistryPhotoTest {

    private static final String NIK = "3171017004980001";

    @Test
    void anApprovedRegistrationsPhotoGoesOnlyToAPhotoGrantForIt() {
        String operator = TestSupport.login("demo.operator");
        Registration pending = TestSupport.submit(NIK);
        VerificationFlowTest.awaitQueued(operator, pending.registrationId());
        photo(pending.registrationId(), grant(pending.registrationId(), "ikd-registry-photo")).statusCode(404)
                .contentType("application/problem+json").body("code", equalTo("NOT_FOUND"));

        Registration registration = TestSupport.submit(NIK);
        String caseId = VerificationFlowTest.awaitQueued(operator, registration.registrationId());
        String digest = VerificationFlowTest.scan(operator, Map.of("shortCode", registration.shortCode())).statusCode(200)
                .extract().path("registry.photoSha256");
        VerificationFlowTest.decide(operator, caseId, Map.of("decision", "APPROVED", "channel", "COUNTER",
                "ktpElChecked", true)).statusCode(200);

        byte[] photo = photo(registration.registrationId(), grant(registration.registrationId(), "ikd-registry-photo"))
                .statusCode(200).header("Cache-Control", "no-store").contentType(org.hamcrest.Matchers.startsWith("image/"))
                .extract().asByteArray();
        assertThat(Digests.sha256Hex(photo)).as("the registry's photo, as its digest says").isEqualTo(digest);

        photo(registration.registrationId(), null).statusCode(403).contentType("application/problem+json")
                .body("code", equalTo("PHOTO_GRANT_REQUIRED"));
        photo(registration.registrationId(), grant(UUID.randomUUID(), "ikd-registry-photo")).statusCode(403)
                .body("code", equalTo("PHOTO_GRANT_REQUIRED"));
        photo(registration.registrationId(), grant(registration.registrationId(), "ikd-case-grant")).statusCode(403)
                .body("code", equalTo("PHOTO_GRANT_REQUIRED"));
        photo(registration.registrationId(), operator).statusCode(403).body("code", equalTo("PHOTO_GRANT_REQUIRED"));
    }

    private static io.restassured.response.ValidatableResponse photo(UUID registrationId, String grant) {
        var request = given();
        if (grant != null) {
            request = request.header("X-IKD-Photo-Grant", grant);
        }
        return request.get("/api/v1/registry-photos/" + registrationId).then();
    }

    private static String grant(UUID registrationId, String audience) {
        return Jwt.issuer(IkdTestResource.ISSUER).subject("token-service").audience(audience)
                .claim("reg", registrationId.toString()).claim("purpose", "relying-party").expiresIn(60).sign();
    }
}

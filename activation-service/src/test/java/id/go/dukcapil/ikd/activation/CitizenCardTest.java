package id.go.dukcapil.ikd.activation;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import id.go.dukcapil.ikd.activation.support.Device;
import id.go.dukcapil.ikd.activation.support.Journey;
import id.go.dukcapil.ikd.activation.support.JourneyTopics;
import id.go.dukcapil.ikd.activation.support.NotifierKeysResource;
import id.go.dukcapil.ikd.testing.RegistryPhotoStub;
import id.go.dukcapil.ikd.events.OfficeContact;
import id.go.dukcapil.ikd.events.VerificationDecided;
import id.go.dukcapil.ikd.events.VerifiedAttributes;
import id.go.dukcapil.ikd.testing.IkdTestResource;
import id.go.dukcapil.ikd.web.Digests;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/**
 * The KTP Digital card (SOP step 6) for the citizen's own session: the registry attributes, the
 * issuing office, the activation in the office's local time, the device, and the registry photo
 * checked against the verified digest; nothing for another kind of token or after revocation.
 */
@QuarkusTest
@QuarkusTestResource(value = IkdTestResource.class, initArgs = @ResourceArg(name = "database", value = "activation"))
@QuarkusTestResource(NotifierKeysResource.class)
@QuarkusTestResource(RegistryPhotoStub.class)
class CitizenCardTest {

    private static final String APP_PIN = "583920";
    private static final byte[] PHOTO = "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"90\" height=\"120\"/>"
            .getBytes(StandardCharsets.UTF_8);
    private static final OfficeContact TAPIN = new OfficeContact("6305-DISDUKCAPIL", "Disdukcapil Kabupaten Tapin",
            "Jl. Brigjend H. Hasan Basry", null, null, null, null,
            id.go.dukcapil.ikd.events.IndonesianTimeZone.WITA);

    @RegisterExtension
    final JourneyTopics topics = JourneyTopics.activationOnly();

    @Test
    void theCitizenSeesTheirCardWithTheRegistryPhotoInTheirOwnSessionOnly() {
        Device device = Device.generate();
        UUID registrationId = UUID.randomUUID();
        Journey.Approved approved = Journey.approve(topics.activation(), registrationId,
                approval -> withPhotoAndOffice(approval, Digests.sha256Hex(PHOTO)), device, Journey.newNik());
        Journey.activate(approved.secrets().linkToken(), approved.secrets().pin()).statusCode(200);
        RegistryPhotoStub.PHOTOS.put(registrationId, new RegistryPhotoStub.Photo("image/svg+xml", PHOTO));
        String session = session(registrationId, device);

        String nik = approved.nik();
        given().auth().oauth2(session).get("/api/v1/citizen/card").then().statusCode(200)
                .header("Cache-Control", "no-store")
                .body("fullName", equalTo("BUDI SANTOSO")).body("nik", equalTo(nik))
                .body("nikMasked", equalTo(nik.substring(0, 6) + "********" + nik.substring(14)))
                .body("birthPlace", equalTo("BANDUNG")).body("birthDateText.id", equalTo("15 Agustus 1990"))
                .body("birthDateText.en", equalTo("15 August 1990")).body("address", equalTo("JL. MERDEKA NO. 1"))
                .body("issuingOffice.name", equalTo("Disdukcapil Kabupaten Tapin"))
                .body("issuingOffice.timeZone", equalTo("WITA"))
                .body("activatedAtLocal.id", org.hamcrest.Matchers.endsWith(" WITA"))
                .body("activatedAtLocal.en", org.hamcrest.Matchers.endsWith(" WITA"))
                .body("device.shortId", org.hamcrest.Matchers.hasLength(8)).body("photo", equalTo(true));

        byte[] photo = given().auth().oauth2(session).get("/api/v1/citizen/card/photo").then().statusCode(200)
                .contentType("image/svg+xml").header("Cache-Control", "no-store").extract().asByteArray();
        assertThat(photo).isEqualTo(PHOTO);
        assertThat(RegistryPhotoStub.GRANTS.get(registrationId).path("purpose").asText()).isEqualTo("citizen-card");

        // a photo that is not the verified one is not shown
        RegistryPhotoStub.PHOTOS.put(registrationId,
                new RegistryPhotoStub.Photo("image/svg+xml", "<svg/>".getBytes(StandardCharsets.UTF_8)));
        given().auth().oauth2(session).get("/api/v1/citizen/card/photo").then().statusCode(404)
                .contentType("application/problem+json").body("code", equalTo("NOT_FOUND"));

        given().get("/api/v1/citizen/card").then().statusCode(401);

        // after the citizen ends their IKD, the card is gone
        given().auth().oauth2(session).contentType(ContentType.JSON).body(Map.of("appPin", APP_PIN))
                .post("/api/v1/citizen/identity/revocation").then().statusCode(200);
        given().auth().oauth2(session).get("/api/v1/citizen/card").then().statusCode(403)
                .body("code", equalTo("IDENTITY_NOT_ACTIVE"));
    }

    private static VerificationDecided withPhotoAndOffice(VerificationDecided d, String photoSha256) {
        VerifiedAttributes a = d.attributes();
        return new VerificationDecided(d.registrationId(), d.caseId(), d.decision(), d.reasonCode(), d.reasonNote(),
                d.channel(), d.callReference(), TAPIN, d.operatorRef(), d.decidedAt(), d.email(), d.phone(), d.language(),
                d.deviceKeyJwk(), new VerifiedAttributes(a.nik(), a.fullName(), a.birthPlace(), a.birthDate(), a.sex(),
                        a.address(), a.rtRw(), a.villageName(), a.districtCode(), a.districtName(), a.regencyName(),
                        a.provinceName(), a.religion(), a.maritalStatus(), a.occupation(), a.nationality(), a.ktpElStatus(),
                        photoSha256));
    }

    private static String session(UUID registrationId, Device device) {
        String nonce = given().contentType(ContentType.JSON).body(Map.of("registrationId", registrationId.toString()))
                .post("/api/v1/citizen/session-challenges").then().statusCode(200).extract().path("nonce");
        return given().contentType(ContentType.JSON)
                .body(Map.of("nonce", nonce, "deviceSignature", device.sign(nonce), "appPin", APP_PIN))
                .post("/api/v1/citizen/sessions").then().statusCode(200).extract().path("accessToken");
    }
}

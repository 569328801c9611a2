package id.go.dukcapil.ikd.token;

import static id.go.dukcapil.ikd.token.Fixtures.mint;
import static id.go.dukcapil.ikd.token.Fixtures.mintRequest;
import static id.go.dukcapil.ikd.token.Fixtures.pinProof;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;

import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;

import id.go.dukcapil.ikd.testing.RegistryPhotoStub;
import id.go.dukcapil.ikd.testing.ContrastCheck;
import id.go.dukcapil.ikd.testing.HeadlessChromium;
import id.go.dukcapil.ikd.testing.IkdTestResource;
import id.go.dukcapil.ikd.token.Fixtures.Citizen;
import id.go.dukcapil.ikd.web.Digests;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * A teller compares a face: a relying party allowed {@code ikd.photo} gets the holder's registry
 * photo (fetched by the projection's registration, checked against its digest), a name-only one
 * none; the issuing office and a reference come with every answer, and every answer is recorded
 * with what it disclosed. The verifier page does the same in Chromium on a 360×640 phone.
 */
@QuarkusTest
@QuarkusTestResource(value = IkdTestResource.class, initArgs = @ResourceArg(name = "database", value = "token"))
@QuarkusTestResource(RegistryPhotoStub.class)
class VerifierPhotoTest {

    static final String SVG = "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"150\" height=\"200\">"
            + "<rect width=\"150\" height=\"200\" fill=\"#8a5a44\"/><circle cx=\"75\" cy=\"80\" r=\"40\" fill=\"#e0b89a\"/></svg>";
    private static final String REFERENCE = "VRF-[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}";

    @Inject
    Pool pool;

    @TestHTTPResource("/verify")
    URL verifyPage;

    static Citizen citizenWithPhoto() {
        byte[] photo = SVG.getBytes(StandardCharsets.UTF_8);
        Citizen citizen = Fixtures.activatedCitizen(Digests.sha256Hex(photo));
        RegistryPhotoStub.PHOTOS.put(citizen.registrationId(), new RegistryPhotoStub.Photo("image/svg+xml", photo));
        return citizen;
    }

    @Test
    void anIkdPhotoClientGetsTheRegistryPhotoANameOnlyClientNoneAndEveryAnswerIsRecorded() {
        Citizen citizen = citizenWithPhoto();
        String reference = verify(mint(citizen), "photo-bank", "ikd.name ikd.photo")
                .body("valid", equalTo(true))
                .body("photo.status", equalTo("SHOWN")).body("photo.contentType", equalTo("image/svg+xml"))
                .body("photo.data", equalTo(Base64.getEncoder().encodeToString(SVG.getBytes(StandardCharsets.UTF_8))))
                .body("issuingOffice.code", equalTo("3201-DISDUKCAPIL"))
                .body("issuingOffice.name", equalTo("Disdukcapil Kabupaten Bogor"))
                .body("reference", matchesPattern(REFERENCE)).extract().path("reference");
        assertThat(RegistryPhotoStub.GRANTS.get(citizen.registrationId()).path("purpose").asText())
                .as("the grant names its purpose").isEqualTo("relying-party");
        Row valid = record(reference);
        assertThat(valid.getString("relying_party")).isEqualTo("photo-bank");
        assertThat(valid.getString("subject")).isEqualTo(citizen.subject());
        assertThat(valid.getString("disclosed")).isEqualTo("ikd.name ikd.photo");
        assertThat(valid.getString("verdict")).isEqualTo("VALID");

        String token = mint(citizen);
        String nameOnly = verify(token, "name-only-shop", "ikd.name").body("valid", equalTo(true))
                .body("$", not(hasKey("photo"))).body("attributes", not(hasKey("photoDigest")))
                .body("attributes.fullName", equalTo("SITI AMINAH")).extract().path("reference");
        assertThat(record(nameOnly).getString("disclosed")).isEqualTo("ikd.name");
        assertThat(nameOnly).isNotEqualTo(reference);

        String replayed = verify(token, "name-only-shop", "ikd.name").body("valid", equalTo(false))
                .body("reason", equalTo("REPLAYED")).body("$", not(hasKey("photo"))).extract().path("reference");
        Row refused = record(replayed);
        assertThat(refused.getString("verdict")).isEqualTo("REPLAYED");
        assertThat(refused.getString("disclosed")).as("a refusal discloses nothing").isEmpty();

        // each relying party sees its own history, and exports it
        List<String> own = given().auth().oauth2(Fixtures.verifierJwt("name-only-shop", "ikd.name"))
                .get("/api/v1/relying-party/verifications").then().statusCode(200).extract().path("reference");
        assertThat(own).contains(nameOnly, replayed).doesNotContain(reference);
        given().auth().oauth2(Fixtures.verifierJwt("photo-bank", "ikd.name ikd.photo"))
                .get("/api/v1/relying-party/verifications").then().statusCode(200)
                .body("find { it.reference == '" + reference + "' }.disclosed", equalTo(List.of("ikd.name", "ikd.photo")))
                .body("find { it.reference == '" + reference + "' }.verdict", equalTo("VALID"))
                .body("find { it.reference == '" + reference + "' }", not(hasKey("subject")));
        String csv = given().auth().oauth2(Fixtures.verifierJwt("name-only-shop", "ikd.name"))
                .get("/api/v1/relying-party/verifications?format=csv").then().statusCode(200)
                .contentType(org.hamcrest.Matchers.startsWith("text/csv")).extract().asString();
        assertThat(csv).startsWith("reference,verified_at,disclosed,verdict\n").contains(replayed + ",")
                .contains(",REPLAYED").doesNotContain(reference).doesNotContain(citizen.subject());
    }

    @Test
    void aPhotoThatIsNotTheProjectionsIsNotShown() {
        Citizen citizen = citizenWithPhoto();
        RegistryPhotoStub.PHOTOS.put(citizen.registrationId(),
                new RegistryPhotoStub.Photo("image/svg+xml", SVG.replace("8a5a44", "000000").getBytes(StandardCharsets.UTF_8)));
        verify(mint(citizen), "photo-bank", "ikd.name ikd.photo").body("valid", equalTo(true))
                .body("photo.status", equalTo("UNAVAILABLE")).body("photo", not(hasKey("data")));
    }

    @Test
    void theVerifierPageOnAPhoneShowsThePhotoTheIssuingOfficeAndTheReference() throws Exception {
        Citizen citizen = citizenWithPhoto();
        Path picture = qrPicture(citizen);
        try (Playwright playwright = Playwright.create(); Browser browser = HeadlessChromium.launch(playwright)) {
            Page page = browser.newPage(new Browser.NewPageOptions().setViewportSize(360, 640));
            page.navigate(verifyPage.toString());
            page.setInputFiles("#picture", picture);
            page.click("#check-picture");
            page.waitForSelector("#result");
            assertThat(page.getAttribute("#result", "data-valid")).isEqualTo("true");
            assertThat(page.getAttribute("#holder-photo", "src")).startsWith("data:image/svg+xml;base64,");
            assertThat(page.evaluate("document.getElementById('holder-photo').naturalWidth")).as("the photo is drawn")
                    .isEqualTo(150);
            assertThat(page.textContent("#issuing-office")).isEqualTo("Disdukcapil Kabupaten Bogor");
            String reference = page.textContent("#reference").strip();
            assertThat(reference).matches(REFERENCE);
            assertThat(record(reference).getString("disclosed")).isEqualTo("ikd.name ikd.nik ikd.birthdate ikd.photo");
            assertThat(page.textContent("#result")).contains("Bandingkan wajah").contains("Compare the face");
            assertThat(ContrastCheck.belowAa(page)).as("texts below 4.5:1 with the photo").isEmpty();
        }
    }

    static Path qrPicture(Citizen citizen) throws java.io.IOException {
        String png = mintRequest(citizen.subject(), pinProof(citizen.subject())).then().statusCode(201).extract()
                .path("qr.pngBase64");
        Path picture = Files.createTempFile("qr-", ".png");
        Files.write(picture, Base64.getDecoder().decode(png));
        return picture;
    }

    static ValidatableResponse verify(String token, String clientId, String scope) {
        return given().auth().oauth2(Fixtures.verifierJwt(clientId, scope)).contentType(ContentType.JSON)
                .body(Map.of("token", token)).post("/api/v1/verifications").then().statusCode(200);
    }

    private Row record(String reference) {
        RowSet<Row> rows = pool.preparedQuery("select * from verification_record where reference = $1")
                .execute(Tuple.of(reference)).await().indefinitely();
        assertThat(rows.size()).as("the verification record " + reference).isEqualTo(1);
        return rows.iterator().next();
    }
}

package id.go.dukcapil.ikd.token;

import static id.go.dukcapil.ikd.testing.HostileImages.GRAY;
import static id.go.dukcapil.ikd.testing.HostileImages.RGBA;
import static id.go.dukcapil.ikd.token.Fixtures.activatedCitizen;
import static id.go.dukcapil.ikd.token.Fixtures.mintRequest;
import static id.go.dukcapil.ikd.token.Fixtures.pinProof;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.util.Base64;
import java.util.stream.Stream;

import javax.imageio.ImageIO;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import id.go.dukcapil.ikd.testing.HostileImages;
import id.go.dukcapil.ikd.testing.IkdTestResource;
import id.go.dukcapil.ikd.token.Fixtures.Citizen;
import id.go.dukcapil.ikd.token.qr.QrPhotos;
import id.go.dukcapil.ikd.token.service.PictureQrReader;
import id.go.dukcapil.ikd.web.Bulkheads;
import id.go.dukcapil.ikd.web.images.ImageDecoding;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;

/**
 * Hostile pictures uploaded to the public /verify page (issue 14): a 48 KB PNG declaring
 * 20000 × 20000 pixels used to exhaust the heap. Each is now refused with its code from checks of
 * the header that run before any pixel is decoded; a browser gets the page explaining it. A photo
 * of a QR code is still read.
 */
@QuarkusTest
@QuarkusTestResource(value = IkdTestResource.class, initArgs = @ResourceArg(name = "database", value = "token"))
class VerifierPageImagesTest {

    @Inject
    PictureQrReader pictures;

    @Inject
    Bulkheads.Config bulkheads;

    static Stream<Arguments> hostilePictures() {
        return Stream.of(
                Arguments.of("20000 x 20000 1-bit PNG of zeros (48 KB)", HostileImages.zeroPng(20000, 20000, 1, GRAY), 413,
                        "IMAGE_TOO_LARGE"),
                Arguments.of("8000 x 8000 1-bit PNG of zeros", HostileImages.zeroPng(8000, 8000, 1, GRAY), 413,
                        "IMAGE_TOO_LARGE"),
                Arguments.of("4096 x 4096 16-bit RGBA PNG of zeros", HostileImages.zeroPng(4096, 4096, 16, RGBA), 413,
                        "IMAGE_TOO_LARGE"),
                Arguments.of("2000 x 2000 16-bit RGBA PNG of zeros", HostileImages.zeroPng(2000, 2000, 16, RGBA), 422,
                        "IMAGE_DEPTH_UNSUPPORTED"),
                Arguments.of("JPEG declaring 65000 x 65000", HostileImages.jpegDeclaring(65000, 65000), 413,
                        "IMAGE_TOO_LARGE"),
                Arguments.of("animated PNG", HostileImages.animatedPng(600, 600), 422, "IMAGE_ANIMATED"),
                Arguments.of("animated GIF", HostileImages.sequence("gif", 3, 600, 600), 422, "IMAGE_ANIMATED"),
                Arguments.of("two JPEGs in one file (MPO)", HostileImages.twoJpegs(600, 600), 422, "IMAGE_ANIMATED"),
                Arguments.of("two-page TIFF", HostileImages.sequence("tiff", 2, 600, 600), 415,
                        "IMAGE_FORMAT_UNSUPPORTED"),
                Arguments.of("truncated PNG", HostileImages.truncated(HostileImages.picture("png", 600, 600), 0.6), 400,
                        "IMAGE_NOT_READABLE"),
                Arguments.of("text", "not an image".getBytes(), 400, "IMAGE_NOT_READABLE"));
    }

    @ParameterizedTest(name = "{0} -> {3}")
    @MethodSource("hostilePictures")
    void hostilePictureIsRefusedWithItsCode(String description, byte[] picture, int status, String code) {
        withPageForm().multiPart("picture", "qr.png", picture, "image/png").post("/verify").then().statusCode(status)
                .contentType("application/problem+json").body("code", equalTo(code)).body("field", equalTo("picture"));
    }

    @Test
    void aBrowserGetsThePageExplainingTheRefusal() {
        withPageForm().accept("text/html,application/xhtml+xml,*/*;q=0.8")
                .multiPart("picture", "qr.png", HostileImages.zeroPng(20000, 20000, 1, GRAY), "image/png")
                .post("/verify").then().statusCode(200).contentType("text/html")
                .body(containsString("data-code=\"IMAGE_TOO_LARGE\""))
                .body(containsString("paling besar 4096 piksel per sisi"))
                .body(containsString("at most 4096 pixels per side"));
    }

    @Test
    void aPhotoOfAQrCodeIsReadAfterSubsampling() throws Exception {
        Citizen citizen = activatedCitizen();
        String png = mintRequest(citizen.subject(), pinProof(citizen.subject())).then().statusCode(201).extract()
                .path("qr.pngBase64");
        BufferedImage qr = ImageIO.read(new ByteArrayInputStream(Base64.getDecoder().decode(png)));
        // a 2400 x 1600 photo with the code 45 % of its height, smoothed, decoded at half size by the page.
        // (A third of the height, scaled without smoothing, was read 36 times in 40.)
        byte[] photo = QrPhotos.jpegOf(qr);
        withPageForm().multiPart("picture", "photo.jpg", photo, "image/jpeg").post("/verify")
                .then().statusCode(200).contentType("text/html").body(containsString("data-valid=\"true\""));
    }

    @Test
    void theImageDecodeBulkheadIsSizedForTheUploadsWorstCase() {
        long perTask = bulkheads.bulkheads().get(ImageDecoding.BULKHEAD).memoryPerTask().asLongValue();
        assertThat(perTask).isGreaterThanOrEqualTo(pictures.policy().worstCaseDecodeBytes());
    }

    /** A post as the page makes it: with the page's CSRF token in its cookie and its form. */
    private static io.restassured.specification.RequestSpecification withPageForm() {
        VerifierPageTest.Form form = VerifierPageTest.form();
        return given().cookie("ikd_verify_csrf", form.token()).multiPart("csrf", form.token());
    }
}

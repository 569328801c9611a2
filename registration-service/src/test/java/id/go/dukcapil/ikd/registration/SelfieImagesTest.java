package id.go.dukcapil.ikd.registration;

import static id.go.dukcapil.ikd.testing.HostileImages.GRAY;
import static id.go.dukcapil.ikd.testing.HostileImages.RGBA;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.stream.Stream;

import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.MemoryCacheImageOutputStream;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import id.go.dukcapil.ikd.registration.config.RegistrationConfig;
import id.go.dukcapil.ikd.registration.service.selfie.Selfie;
import id.go.dukcapil.ikd.registration.service.selfie.SelfieInspector;
import id.go.dukcapil.ikd.testing.HostileImages;
import id.go.dukcapil.ikd.testing.PhoneSelfie;
import id.go.dukcapil.ikd.testing.IkdTestResource;
import id.go.dukcapil.ikd.web.Bulkheads;
import id.go.dukcapil.ikd.web.images.BaselineJpeg;
import id.go.dukcapil.ikd.web.images.ImageDecoding;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

/**
 * Hostile selfies (issue 14): decompression bombs, animations, several images in one file and
 * truncated files are each refused with their code. The bombs' codes (SELFIE_TOO_MANY_PIXELS,
 * SELFIE_DEPTH_UNSUPPORTED) come from checks of the header that run before any pixel is decoded.
 * A phone's 12 MP photo is still accepted, and stored at the stored size. A phone-sized baseline
 * JPEG is stored losslessly without its metadata; a progressive one is re-encoded.
 */
@QuarkusTest
@QuarkusTestResource(value = IkdTestResource.class, initArgs = @ResourceArg(name = "database", value = "registration"))
class SelfieImagesTest {

    @Inject
    SelfieInspector inspector;

    @Inject
    Bulkheads.Config bulkheads;

    @Inject
    RegistrationConfig config;

    static Stream<Arguments> hostileSelfies() {
        byte[] png = HostileImages.picture("png", 800, 600);
        byte[] jpeg = HostileImages.picture("jpeg", 800, 600);
        return Stream.of(
                Arguments.of("20000 x 20000 1-bit PNG of zeros (48 KB)", HostileImages.zeroPng(20000, 20000, 1, GRAY),
                        "image/png", 400, "SELFIE_TOO_MANY_PIXELS"),
                Arguments.of("4096 x 4096 16-bit RGBA PNG of zeros (130 KB, 128 MiB decoded)",
                        HostileImages.zeroPng(4096, 4096, 16, RGBA), "image/png", 400, "SELFIE_TOO_MANY_PIXELS"),
                Arguments.of("3000 x 3000 16-bit RGBA PNG of zeros", HostileImages.zeroPng(3000, 3000, 16, RGBA),
                        "image/png", 422, "SELFIE_DEPTH_UNSUPPORTED"),
                Arguments.of("JPEG declaring 65000 x 65000", HostileImages.jpegDeclaring(65000, 65000), "image/jpeg",
                        400, "SELFIE_TOO_MANY_PIXELS"),
                Arguments.of("animated PNG", HostileImages.animatedPng(640, 480), "image/png", 422, "SELFIE_ANIMATED"),
                Arguments.of("two JPEGs in one file (MPO)", HostileImages.twoJpegs(640, 480), "image/jpeg", 422,
                        "SELFIE_ANIMATED"),
                Arguments.of("animated GIF", HostileImages.sequence("gif", 3, 640, 480), "image/gif", 415,
                        "SELFIE_UNSUPPORTED_FORMAT"),
                Arguments.of("truncated PNG", HostileImages.truncated(png, 0.6), "image/png", 400,
                        "SELFIE_NOT_AN_IMAGE"),
                Arguments.of("truncated JPEG", HostileImages.truncated(jpeg, 0.6), "image/jpeg", 400,
                        "SELFIE_NOT_AN_IMAGE"));
    }

    @ParameterizedTest(name = "{0} -> {4}")
    @MethodSource("hostileSelfies")
    void hostileSelfieIsRefusedWithItsCode(String description, byte[] selfie, String mimeType, int status,
            String code) {
        Citizens.register(Citizens.form(Citizens.nik()), selfie, "selfie", mimeType).then().statusCode(status)
                .contentType("application/problem+json").body("code", equalTo(code))
                .body("field", equalTo("selfie"));
    }

    @Test
    void aTwelveMegapixelPhoneSelfieIsAcceptedAndStoredAtTheStoredSize() throws Exception {
        byte[] photo = HostileImages.picture("jpeg", 4032, 3024);
        assertThat(photo.length).isLessThan(config.selfie().maxBytes());
        Response response = Citizens.register(Citizens.form(Citizens.nik()), photo, "selfie.jpg", "image/jpeg");
        response.then().statusCode(202);
        String id = response.path("registrationId");
        byte[] shown = Citizens.asOperatorOfTheCase("operator", id).get("/api/v1/registrations/" + id + "/selfie")
                .then().statusCode(200).contentType("image/jpeg").extract().asByteArray();
        BufferedImage stored = ImageIO.read(new ByteArrayInputStream(shown));
        // subsampled by 3: every third pixel of every third row
        assertThat(stored.getWidth()).isEqualTo(1344);
        assertThat(stored.getHeight()).isEqualTo(1008);
    }

    @Test
    void aPhoneSelfieIsStoredWithItsPixelsLosslesslyAndWithoutItsGpsExifSerialOrAppendedBytes() throws Exception {
        byte[] upload = HostileImages.withPrivateMetadata(PhoneSelfie.jpeg());
        Response response = Citizens.register(Citizens.form(Citizens.nik()), upload, "selfie.jpg", "image/jpeg");
        response.then().statusCode(202);
        String id = response.path("registrationId");
        byte[] shown = Citizens.asOperatorOfTheCase("operator", id).get("/api/v1/registrations/" + id + "/selfie")
                .then().statusCode(200).contentType("image/jpeg").extract().asByteArray();

        // the compressed pixels as they came (no re-encode), less everything around them
        assertThat(shown).isEqualTo(BaselineJpeg.withoutMetadata(upload).orElseThrow());
        assertThat(pixels(shown)).isEqualTo(pixels(upload));
        assertThat(indexOf(shown, "Exif".getBytes(StandardCharsets.US_ASCII))).isEqualTo(-1);
        assertThat(indexOf(shown, HostileImages.SERIAL)).isEqualTo(-1);
        assertThat(indexOf(shown, HostileImages.APPENDED)).isEqualTo(-1);
    }

    @Test
    void aProgressiveJpegIsReencodedAndLosesItsMetadataToo() throws Exception {
        byte[] upload = HostileImages.withPrivateMetadata(progressive(HostileImages.drawing(720, 960)));
        assertThat(BaselineJpeg.withoutMetadata(upload)).isEmpty();
        Selfie stored = inspector.inspect(upload);
        assertThat(stored.width()).isEqualTo(720);
        assertThat(BaselineJpeg.withoutMetadata(stored.jpeg())).as("re-encoded as baseline").isPresent();
        assertThat(indexOf(stored.jpeg(), HostileImages.exifWithGps())).isEqualTo(-1);
        assertThat(indexOf(stored.jpeg(), HostileImages.SERIAL)).isEqualTo(-1);
        assertThat(indexOf(stored.jpeg(), HostileImages.APPENDED)).isEqualTo(-1);
    }

    @Test
    void aTransparentPngIsFlattenedOntoWhite() throws Exception {
        BufferedImage transparent = new BufferedImage(400, 400, BufferedImage.TYPE_INT_ARGB);
        Response response = Citizens.register(Citizens.form(Citizens.nik()), HostileImages.encode("png", transparent),
                "selfie.png", "image/png");
        response.then().statusCode(202);
        String id = response.path("registrationId");
        byte[] shown = Citizens.asOperatorOfTheCase("operator", id).get("/api/v1/registrations/" + id + "/selfie")
                .then().statusCode(200).extract().asByteArray();
        assertThat(ImageIO.read(new ByteArrayInputStream(shown)).getRGB(200, 200) & 0xffffff).isGreaterThan(0xf0f0f0);
    }

    @Test
    void theImageDecodeBulkheadIsSizedForTheSelfiesWorstCase() {
        long perTask = bulkheads.bulkheads().get(ImageDecoding.BULKHEAD).memoryPerTask().asLongValue();
        assertThat(perTask).isGreaterThanOrEqualTo(inspector.policy().worstCaseDecodeBytes());
    }

    private static byte[] progressive(BufferedImage image) throws IOException {
        ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (MemoryCacheImageOutputStream out = new MemoryCacheImageOutputStream(bytes)) {
            writer.setOutput(out);
            ImageWriteParam param = writer.getDefaultWriteParam();
            param.setProgressiveMode(ImageWriteParam.MODE_DEFAULT);
            writer.write(null, new IIOImage(image, null, null), param);
        } finally {
            writer.dispose();
        }
        return bytes.toByteArray();
    }

    private static int[] pixels(byte[] jpeg) throws IOException {
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(jpeg));
        return image.getRGB(0, 0, image.getWidth(), image.getHeight(), null, 0, image.getWidth());
    }

    private static int indexOf(byte[] data, byte[] part) {
        outer:
        for (int i = 0; i + part.length <= data.length; i++) {
            for (int j = 0; j < part.length; j++) {
                if (data[i + j] != part[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}

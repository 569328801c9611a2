package id.go.dukcapil.ikd.local.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

import jakarta.mail.BodyPart;
import jakarta.mail.internet.MimeMultipart;
import jakarta.mail.util.ByteArrayDataSource;

class MultipartTest {

    @Test
    void aMimeParserReadsTheFieldsAndTheFileBackUnchanged() throws Exception {
        byte[] png = SelfieImage.png();
        Multipart form = new Multipart()
                .field("nik", "3171011212000001")
                .field("deviceKey", "{\"kty\":\"EC\",\"crv\":\"P-256\"}")
                .file("selfie", "selfie.png", "image/png", png);

        MimeMultipart parsed = new MimeMultipart(new ByteArrayDataSource(form.bytes(), form.contentType()));

        assertThat(parsed.getCount()).isEqualTo(3);
        assertThat(parsed.getBodyPart(0).getHeader("Content-Disposition")).containsExactly("form-data; name=\"nik\"");
        assertThat(content(parsed.getBodyPart(0))).isEqualTo("3171011212000001".getBytes(StandardCharsets.UTF_8));
        assertThat(content(parsed.getBodyPart(1))).asString(StandardCharsets.UTF_8)
                .isEqualTo("{\"kty\":\"EC\",\"crv\":\"P-256\"}");
        BodyPart selfie = parsed.getBodyPart(2);
        assertThat(selfie.getFileName()).isEqualTo("selfie.png");
        assertThat(selfie.getContentType()).isEqualTo("image/png");
        assertThat(content(selfie)).isEqualTo(png);
    }

    @Test
    void theBodyIsExactlyTheRfc7578Layout() {
        Multipart form = new Multipart("B").field("language", "id");

        assertThat(form.contentType()).isEqualTo("multipart/form-data; boundary=B");
        assertThat(new String(form.bytes(), StandardCharsets.UTF_8)).isEqualTo("""
                --B\r
                Content-Disposition: form-data; name="language"\r
                Content-Type: text/plain; charset=UTF-8\r
                \r
                id\r
                --B--\r
                """);
    }

    private static byte[] content(BodyPart part) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        part.getDataHandler().writeTo(out);
        return out.toByteArray();
    }
}

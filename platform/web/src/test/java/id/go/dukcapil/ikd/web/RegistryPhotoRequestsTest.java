package id.go.dukcapil.ikd.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;

import jakarta.ws.rs.core.Response;

import org.junit.jupiter.api.Test;

/** verification-service's answer is used only when it is an image of the digest the caller holds. */
class RegistryPhotoRequestsTest {

    private static final byte[] JPEG = "\u00ff\u00d8 a registry photo".getBytes(StandardCharsets.ISO_8859_1);
    private static final String DIGEST = Digests.sha256Hex(JPEG);

    @Test
    void anImageOfTheExpectedDigestIsAccepted() {
        assertThat(RegistryPhotoRequests.accepted(Response.ok(JPEG, "image/jpeg; q=1").build(), DIGEST.toUpperCase()))
                .hasValueSatisfying(photo -> {
                    assertThat(photo.mediaType()).isEqualTo("image/jpeg");
                    assertThat(photo.content()).isEqualTo(JPEG);
                });
    }

    @Test
    void anythingElseIsRefused() {
        assertThat(RegistryPhotoRequests.accepted(Response.ok(JPEG, "image/jpeg").build(), Digests.sha256Hex(new byte[1])))
                .as("another photo").isEmpty();
        assertThat(RegistryPhotoRequests.accepted(Response.ok(JPEG, "text/html").build(), DIGEST)).as("not an image").isEmpty();
        assertThat(RegistryPhotoRequests.accepted(Response.status(403).type("image/jpeg").entity(JPEG).build(), DIGEST))
                .as("a refusal").isEmpty();
        assertThat(RegistryPhotoRequests.accepted(Response.ok(JPEG, "image/jpeg").build(), null)).as("no digest to hold it to")
                .isEmpty();
        byte[] huge = new byte[RegistryPhotoRequests.MAX_BYTES + 1];
        assertThat(RegistryPhotoRequests.accepted(Response.ok(huge, "image/jpeg").build(), Digests.sha256Hex(huge)))
                .as("larger than any KTP-el photo").isEmpty();
    }
}

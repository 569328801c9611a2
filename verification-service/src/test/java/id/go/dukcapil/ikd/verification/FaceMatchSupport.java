package id.go.dukcapil.ikd.verification;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import javax.imageio.ImageIO;

import org.eclipse.microprofile.config.ConfigProvider;

import com.github.tomakehurst.wiremock.client.WireMock;

import id.go.dukcapil.ikd.events.CounterCodeIssued;
import id.go.dukcapil.ikd.events.RegistrationSubmitted;
import id.go.dukcapil.ikd.web.Digests;

/** A case scanned by demo.operator whose selfie registration-service (the stub) answers, for the face-match tests. */
final class FaceMatchSupport {

    private FaceMatchSupport() {
    }

    /** A registered selfie: a small PNG of its own colour, so each case's selfie is distinct. */
    static byte[] selfie(Color colour) {
        BufferedImage image = new BufferedImage(64, 64, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setColor(colour);
        g.fillRect(0, 0, 64, 64);
        g.setColor(Color.WHITE);
        g.fillOval(16, 12, 32, 40);
        g.dispose();
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            ImageIO.write(image, "png", out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The case of a fresh registration of BAGUS WICAKSONO (a demo resident with a registry photo), scanned. */
    static String scannedCase(byte[] selfie) {
        UUID registrationId = UUID.randomUUID();
        String shortCode = TestSupport.shortCode();
        new WireMock("127.0.0.1", ConfigProvider.getConfig().getValue(RegistrationServiceStub.PORT_PROPERTY, Integer.class))
                .register(get(urlEqualTo("/api/v1/registrations/" + registrationId + "/selfie")).willReturn(
                        aResponse().withStatus(200).withHeader("Content-Type", "image/png").withBody(selfie)));
        Instant now = Instant.now();
        TestSupport.publish(new RegistrationSubmitted(registrationId, "3171011212000001", "bagus@example.id",
                "+6281234567890", "id", TestSupport.DEVICE_JWK, "thumb", shortCode, Digests.sha256Hex(selfie), now, null));
        UUID codeId = UUID.randomUUID();
        RegistrationServiceStub.codeIssued(registrationId, codeId, 1);
        TestSupport.publish(new CounterCodeIssued(registrationId, codeId, shortCode, 1, now, now.plus(Duration.ofMinutes(10))));
        String token = TestSupport.login("demo.operator");
        String caseId = VerificationFlowTest.awaitQueued(token, registrationId);
        VerificationFlowTest.scan(token, Map.of("shortCode", shortCode)).statusCode(200);
        return caseId;
    }
}

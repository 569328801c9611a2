package id.go.dukcapil.ikd.token.qr;

import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;

import id.go.dukcapil.ikd.testing.HostileImages;

/** The tests' photo of a QR code on a phone's screen, as a verifier's camera takes it. */
public final class QrPhotos {

    private QrPhotos() {
    }

    /**
     * A 2400 × 1600 JPEG (3.8 Mpx, which the verifier page decodes at half size) with {@code code}
     * drawn 720 px high, 45 % of the picture, its edges smoothed as a camera's are.
     */
    public static byte[] jpegOf(BufferedImage code) {
        BufferedImage photo = HostileImages.drawing(2400, 1600);
        Graphics2D graphics = photo.createGraphics();
        graphics.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
        graphics.drawImage(code, 900, 450, 720, 720, null);
        graphics.dispose();
        return HostileImages.encode("jpeg", photo);
    }
}

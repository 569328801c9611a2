package id.go.dukcapil.ikd.e2e;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;

import javax.imageio.ImageIO;

/** A real PNG picture standing in for the camera's selfie. */
final class Selfie {

    private Selfie() {
    }

    static byte[] png() {
        BufferedImage image = new BufferedImage(360, 480, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setColor(new Color(0xDDE6F0));
        g.fillRect(0, 0, 360, 480);
        g.setColor(new Color(0xC68E6A));
        g.fillOval(90, 90, 180, 230);
        g.setColor(Color.DARK_GRAY);
        g.fillOval(135, 170, 25, 18);
        g.fillOval(200, 170, 25, 18);
        g.drawArc(145, 240, 70, 35, 200, 140);
        g.dispose();
        try (ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            ImageIO.write(image, "png", out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

package id.go.dukcapil.ikd.local.demo;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;

import javax.imageio.ImageIO;

/** A drawn stand-in for the demo resident's selfie: a PNG large enough for registration's 240 px minimum. */
public final class SelfieImage {

    static final int WIDTH = 360;
    static final int HEIGHT = 480;

    private SelfieImage() {
    }

    public static byte[] png() {
        // no display on servers and CI: draw off-screen
        System.setProperty("java.awt.headless", "true");
        BufferedImage image = new BufferedImage(WIDTH, HEIGHT, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setColor(new Color(0xC8102E)); // the red background of a KTP-el photo
            g.fillRect(0, 0, WIDTH, HEIGHT);
            g.setColor(new Color(0x1F2A44));
            g.fillRoundRect(70, 330, 220, 200, 80, 80); // shoulders
            g.setColor(new Color(0xE0AC69));
            g.fillOval(110, 110, 140, 180); // face
            g.setColor(new Color(0x2B1B0E));
            g.fillArc(105, 95, 150, 90, 0, 180); // hair
            g.fillOval(145, 185, 14, 10);
            g.fillOval(201, 185, 14, 10);
            g.setStroke(new BasicStroke(4));
            g.drawArc(150, 225, 60, 30, 200, 140); // smile
        } finally {
            g.dispose();
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ImageIO.write(image, "png", out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}

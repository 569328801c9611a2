package id.go.dukcapil.ikd.testing;

import java.awt.Color;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.SplittableRandom;

import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.MemoryCacheImageOutputStream;

/**
 * A selfie as a phone sends it, in size: a 720×960 JPEG of about 50 KB (a face-like shape on a
 * shaded background with sensor noise, so that it compresses like a photo, not like a drawing).
 * The load harness sends it, and registration's selfie benchmark and tests use it, so that their
 * figures are about the same file.
 */
public final class PhoneSelfie {

    public static final int WIDTH = 720;
    public static final int HEIGHT = 960;
    public static final int TARGET_BYTES = 50 * 1024;

    private PhoneSelfie() {
    }

    /** The JPEG closest to {@link #TARGET_BYTES} among a few qualities. */
    public static byte[] jpeg() {
        BufferedImage image = draw();
        byte[] best = null;
        for (float quality = 0.95f; quality >= 0.2f; quality -= 0.05f) {
            byte[] encoded = encode(image, quality);
            if (best == null || Math.abs(encoded.length - TARGET_BYTES) < Math.abs(best.length - TARGET_BYTES)) {
                best = encoded;
            }
        }
        return best;
    }

    private static BufferedImage draw() {
        BufferedImage image = new BufferedImage(WIDTH, HEIGHT, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setPaint(new GradientPaint(0, 0, new Color(70, 110, 160), WIDTH, HEIGHT, new Color(200, 210, 225)));
        g.fillRect(0, 0, WIDTH, HEIGHT);
        g.setColor(new Color(60, 50, 60));
        g.fillRoundRect(120, 620, 480, 400, 200, 200); // shoulders
        g.setColor(new Color(205, 160, 125));
        g.fillOval(210, 200, 300, 390); // face
        g.setColor(new Color(40, 30, 25));
        g.fillArc(200, 170, 320, 200, 0, 180); // hair
        g.fillOval(280, 340, 40, 22);
        g.fillOval(400, 340, 40, 22); // eyes
        g.setColor(new Color(150, 70, 70));
        g.fillArc(310, 470, 100, 40, 180, 180); // mouth
        g.dispose();
        SplittableRandom random = new SplittableRandom(20261203L);
        for (int y = 0; y < HEIGHT; y++) {
            for (int x = 0; x < WIDTH; x++) {
                int rgb = image.getRGB(x, y);
                int noise = random.nextInt(13) - 6;
                int r = clamp(((rgb >> 16) & 0xff) + noise);
                int gr = clamp(((rgb >> 8) & 0xff) + noise);
                int b = clamp((rgb & 0xff) + noise);
                image.setRGB(x, y, (r << 16) | (gr << 8) | b);
            }
        }
        return image;
    }

    private static int clamp(int value) {
        return Math.max(0, Math.min(255, value));
    }

    private static byte[] encode(BufferedImage image, float quality) {
        ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (MemoryCacheImageOutputStream out = new MemoryCacheImageOutputStream(bytes)) {
            writer.setOutput(out);
            ImageWriteParam param = writer.getDefaultWriteParam();
            param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
            param.setCompressionQuality(quality);
            writer.write(null, new IIOImage(image, null, null), param);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            writer.dispose();
        }
        return bytes.toByteArray();
    }
}

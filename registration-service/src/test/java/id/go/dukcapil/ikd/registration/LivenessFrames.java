package id.go.dukcapil.ikd.registration;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.awt.image.RescaleOp;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import javax.imageio.ImageIO;

import id.go.dukcapil.ikd.testing.HostileImages;

/**
 * Moving-selfie frames made from a real face (the public-domain NASA portrait in
 * src/test/resources/liveness): the camera's view as a crop of the photo, moved and scaled as the
 * citizen would move, 320 × 320 JPEGs as the app sends them (not mirrored: a citizen moving to their
 * left moves the face towards the frame's right edge).
 */
public final class LivenessFrames {

    public static final int SIDE = 320;
    /** The face's centre in the 512 × 512 photo (OpenCV finds it at 173,63 101×101). */
    private static final int FACE_X = 223;
    private static final int FACE_Y = 113;
    private static final BufferedImage PHOTO = photo();

    private LivenessFrames() {
    }

    /** The camera's view: the face's centre at {@code share} of the frame's width, the view {@code size} px of the photo. */
    public record View(double share, int size) {

        View left() {
            return new View(share + 0.1, size);
        }

        View right() {
            return new View(share - 0.1, size);
        }

        View closer() {
            return new View(share, size * 4 / 5);
        }
    }

    public static final View START = new View(0.5, 300);

    /** The frames of a citizen doing {@code moves} (LEFT, RIGHT, CLOSER) from {@link #START}: two frames a move. */
    public static List<byte[]> following(List<String> moves) {
        List<byte[]> frames = new ArrayList<>();
        View view = START;
        frames.add(jpeg(frame(view)));
        for (String move : moves) {
            for (int step = 0; step < 2; step++) {
                view = switch (move) {
                    case "LEFT" -> view.left();
                    case "RIGHT" -> view.right();
                    case "CLOSER" -> view.closer();
                    default -> throw new IllegalArgumentException(move);
                };
                frames.add(jpeg(frame(view)));
            }
        }
        return frames;
    }

    /** {@code count} frames of a face that does not move: a photo held up to the camera. */
    public static List<byte[]> still(int count) {
        byte[] frame = jpeg(frame(START));
        return java.util.Collections.nCopies(count, frame);
    }

    /** The view of the photo, as a 320 × 320 frame. */
    public static BufferedImage frame(View view) {
        int x = (int) Math.round(FACE_X - view.share() * view.size());
        int y = 0;
        x = Math.max(0, Math.min(PHOTO.getWidth() - view.size(), x));
        return scaled(PHOTO.getSubimage(x, y, view.size(), view.size()), SIDE, SIDE);
    }

    /** Two citizens side by side: two faces in every frame. */
    public static List<byte[]> twoFaces(int count) {
        BufferedImage pair = new BufferedImage(640, 320, BufferedImage.TYPE_3BYTE_BGR);
        Graphics2D graphics = pair.createGraphics();
        graphics.setColor(new Color(0x9AA4AE)); // a wall between them
        graphics.fillRect(0, 0, 640, 320);
        BufferedImage one = scaled(PHOTO.getSubimage(113, 0, 220, 260), 240, 284);
        graphics.drawImage(one, 20, 18, null);
        graphics.drawImage(one, 380, 18, null);
        graphics.dispose();
        return java.util.Collections.nCopies(count, jpeg(pair));
    }

    /** The moves done in a room with the lights off. */
    public static List<byte[]> dark(List<String> moves) {
        return following(moves).stream().map(LivenessFrames::darkened).toList();
    }

    /** A drawn cartoon face, moved like a citizen would: no real face. */
    public static List<byte[]> cartoon(int count) {
        List<byte[]> frames = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            frames.add(jpeg(cartoonFrame(100 + 15 * i)));
        }
        return frames;
    }

    /** Random noise: nothing at all. */
    public static List<byte[]> noise(int count) {
        Random random = new Random(18);
        List<byte[]> frames = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            BufferedImage image = new BufferedImage(SIDE, SIDE, BufferedImage.TYPE_INT_RGB);
            for (int y = 0; y < SIDE; y++) {
                for (int x = 0; x < SIDE; x++) {
                    image.setRGB(x, y, random.nextInt(0x1000000));
                }
            }
            frames.add(jpeg(image));
        }
        return frames;
    }

    public static BufferedImage cartoonFrame(int centreX) {
        BufferedImage image = new BufferedImage(SIDE, SIDE, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setColor(new Color(0x87CEEB));
        g.fillRect(0, 0, SIDE, SIDE);
        g.setColor(new Color(0xFFD54F));
        g.fillOval(centreX - 70, 80, 140, 160);
        g.setColor(Color.BLACK);
        g.setStroke(new BasicStroke(4));
        g.drawOval(centreX - 70, 80, 140, 160);
        g.fillOval(centreX - 35, 130, 20, 28);
        g.fillOval(centreX + 15, 130, 20, 28);
        g.drawArc(centreX - 40, 160, 80, 50, 200, 140);
        g.dispose();
        return image;
    }

    public static byte[] darkened(byte[] jpeg) {
        try {
            BufferedImage image = ImageIO.read(new java.io.ByteArrayInputStream(jpeg));
            return jpeg(new RescaleOp(0.15f, 0, null).filter(image, null));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A baseline JPEG of the image (ImageIO's default quality), as a phone's canvas would send it. */
    public static byte[] jpeg(BufferedImage image) {
        BufferedImage rgb = image;
        if (image.getType() != BufferedImage.TYPE_3BYTE_BGR) {
            rgb = new BufferedImage(image.getWidth(), image.getHeight(), BufferedImage.TYPE_3BYTE_BGR);
            Graphics2D graphics = rgb.createGraphics();
            graphics.drawImage(image, 0, 0, null);
            graphics.dispose();
        }
        return HostileImages.encode("jpeg", rgb);
    }

    private static BufferedImage scaled(BufferedImage source, int width, int height) {
        BufferedImage out = new BufferedImage(width, height, BufferedImage.TYPE_3BYTE_BGR);
        Graphics2D graphics = out.createGraphics();
        graphics.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
        graphics.drawImage(source, 0, 0, width, height, null);
        graphics.dispose();
        return out;
    }

    private static BufferedImage photo() {
        try (InputStream in = LivenessFrames.class.getResourceAsStream("/liveness/astronaut.jpg")) {
            return ImageIO.read(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

package id.go.dukcapil.ikd.registration;

import java.awt.image.BufferedImage;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A video file for Chromium's fake camera ({@code --use-file-for-fake-video-capture}, Y4M, 4:2:0) of
 * the NASA portrait: for 5 s the face moves steadily to the citizen's left (towards the frame's right
 * edge) and comes closer at once, then it holds still. Whatever moment the app starts recording
 * within the first seconds, its frames show a move LEFT and, after it, a move CLOSER. The refused
 * cases are files too: the portrait held still, and a drawn cartoon moving across the frame.
 */
final class FakeCameraVideo {

    private static final int FPS = 10;
    private static final double MOVING_SECONDS = 5;
    private static final double SECONDS = 9;

    private FakeCameraVideo() {
    }

    /** The portrait moving left and closer: the file, written once into target/. */
    static Path leftAndCloser() {
        return written("fake-camera-left-closer.y4m", i -> {
            double t = Math.min(1, i / (MOVING_SECONDS * FPS));
            double share = 0.3 + 0.4 * t;
            int size = (int) Math.round(300 * Math.pow(170.0 / 300, t));
            return LivenessFrames.frame(new LivenessFrames.View(share, size));
        });
    }

    /** The portrait held still in front of the camera, as a printed photo on a stand would be. */
    static Path stillFace() {
        return written("fake-camera-still.y4m", i -> LivenessFrames.frame(LivenessFrames.START));
    }

    /** A drawn cartoon face moving across the frame as a citizen would move: no face of a person. */
    static Path cartoon() {
        int side = LivenessFrames.SIDE;
        return written("fake-camera-cartoon.y4m", i -> LivenessFrames.cartoonFrame(
                (int) Math.round(100 + (side - 200) * Math.min(1, i / (MOVING_SECONDS * FPS)))));
    }

    private static synchronized Path written(String name, java.util.function.IntFunction<BufferedImage> frameAt) {
        Path file = Path.of("target", name).toAbsolutePath();
        if (Files.exists(file)) {
            return file;
        }
        int side = LivenessFrames.SIDE;
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(file))) {
            out.write(("YUV4MPEG2 W" + side + " H" + side + " F" + FPS + ":1 Ip A1:1 C420jpeg\n")
                    .getBytes(StandardCharsets.US_ASCII));
            for (int i = 0; i < SECONDS * FPS; i++) {
                out.write("FRAME\n".getBytes(StandardCharsets.US_ASCII));
                out.write(i420(frameAt.apply(i)));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return file;
    }

    /** BT.601 full range (JPEG's), chroma averaged over 2 × 2 pixels. */
    private static byte[] i420(BufferedImage image) {
        int w = image.getWidth();
        int h = image.getHeight();
        byte[] out = new byte[w * h * 3 / 2];
        int[] rgb = image.getRGB(0, 0, w, h, null, 0, w);
        for (int p = 0; p < w * h; p++) {
            int r = (rgb[p] >> 16) & 0xFF;
            int g = (rgb[p] >> 8) & 0xFF;
            int b = rgb[p] & 0xFF;
            out[p] = (byte) clamp(0.299 * r + 0.587 * g + 0.114 * b);
        }
        int u = w * h;
        int v = u + (w / 2) * (h / 2);
        for (int y = 0; y < h; y += 2) {
            for (int x = 0; x < w; x += 2) {
                double cb = 0;
                double cr = 0;
                for (int dy = 0; dy < 2; dy++) {
                    for (int dx = 0; dx < 2; dx++) {
                        int c = rgb[(y + dy) * w + x + dx];
                        int r = (c >> 16) & 0xFF;
                        int g = (c >> 8) & 0xFF;
                        int b = c & 0xFF;
                        cb += -0.168736 * r - 0.331264 * g + 0.5 * b + 128;
                        cr += 0.5 * r - 0.418688 * g - 0.081312 * b + 128;
                    }
                }
                int index = (y / 2) * (w / 2) + x / 2;
                out[u + index] = (byte) clamp(cb / 4);
                out[v + index] = (byte) clamp(cr / 4);
            }
        }
        return out;
    }

    private static int clamp(double value) {
        return (int) Math.max(0, Math.min(255, Math.round(value)));
    }
}

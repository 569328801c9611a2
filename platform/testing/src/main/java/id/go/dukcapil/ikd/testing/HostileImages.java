package id.go.dukcapil.ikd.testing;

import java.awt.Color;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.zip.CRC32;
import java.util.zip.Deflater;
import java.util.zip.DeflaterOutputStream;

import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageTypeSpecifier;
import javax.imageio.ImageWriter;
import javax.imageio.metadata.IIOMetadata;
import javax.imageio.stream.ImageOutputStream;
import javax.imageio.stream.MemoryCacheImageOutputStream;

/**
 * Real image files for tests of upload handling, made on the spot: ordinary pictures, and the
 * hostile ones (decompression bombs, animations, several images in one file, truncated files).
 * The bombs are written row by row through a deflater, never as an image in memory.
 */
public final class HostileImages {

    /** PNG colour types. */
    public static final int GRAY = 0;
    public static final int RGB = 2;
    public static final int RGBA = 6;

    private static final byte[] PNG_SIGNATURE = { (byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n' };

    private HostileImages() {
    }

    /** A face-like picture (skin tone, gradient, an oval) in {@code format} ("jpeg", "png", "gif", "tiff"). */
    public static byte[] picture(String format, int width, int height) {
        return encode(format, drawing(width, height));
    }

    /** The drawing {@link #picture} encodes, for tests that draw more on it. */
    public static BufferedImage drawing(int width, int height) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D graphics = image.createGraphics();
        graphics.setPaint(new GradientPaint(0, 0, new Color(0xE0C8A8), width, height, new Color(0xB09070)));
        graphics.fillRect(0, 0, width, height);
        graphics.setColor(new Color(0x503020));
        graphics.fillOval(width / 4, height / 5, width / 2, height * 3 / 5);
        graphics.dispose();
        return image;
    }

    public static byte[] encode(String format, BufferedImage image) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try {
            if (!ImageIO.write(image, format, bytes)) {
                throw new IllegalArgumentException("no ImageIO writer for " + format);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    /**
     * A PNG of zeros: {@code bitDepth} bits per channel of {@code colorType}. 20000 × 20000 at 1 bit
     * gray is about 48 KB; 4096 × 4096 RGBA at 16 bits about 130 KB and 128 MiB once decoded.
     */
    public static byte[] zeroPng(int width, int height, int bitDepth, int colorType) {
        return png(width, height, bitDepth, colorType, false);
    }

    /** An animated PNG (APNG: acTL, two frames of zeros), which ImageIO reads as a still picture. */
    public static byte[] animatedPng(int width, int height) {
        return png(width, height, 8, RGB, true);
    }

    private static byte[] png(int width, int height, int bitDepth, int colorType, boolean animated) {
        int channels = switch (colorType) {
            case GRAY -> 1;
            case RGB -> 3;
            case RGBA -> 4;
            default -> throw new IllegalArgumentException("colour type " + colorType);
        };
        byte[] idat = zeroRows(width, height, (int) (((long) width * channels * bitDepth + 7) / 8));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(PNG_SIGNATURE);
        chunk(out, "IHDR", ByteBuffer.allocate(13).putInt(width).putInt(height).put((byte) bitDepth)
                .put((byte) colorType).put((byte) 0).put((byte) 0).put((byte) 0).array());
        if (animated) {
            chunk(out, "acTL", ByteBuffer.allocate(8).putInt(2).putInt(0).array());
            chunk(out, "fcTL", frameControl(0, width, height));
        }
        chunk(out, "IDAT", idat);
        if (animated) {
            chunk(out, "fcTL", frameControl(1, width, height));
            chunk(out, "fdAT", ByteBuffer.allocate(4 + idat.length).putInt(2).put(idat).array());
        }
        chunk(out, "IEND", new byte[0]);
        return out.toByteArray();
    }

    private static byte[] frameControl(int sequence, int width, int height) {
        return ByteBuffer.allocate(26).putInt(sequence).putInt(width).putInt(height).putInt(0).putInt(0)
                .putShort((short) 1).putShort((short) 10).put((byte) 0).put((byte) 0).array();
    }

    private static byte[] zeroRows(int width, int height, int rowBytes) {
        ByteArrayOutputStream compressed = new ByteArrayOutputStream();
        byte[] row = new byte[rowBytes + 1]; // filter byte 0, then zeros
        try (OutputStream deflate = new DeflaterOutputStream(compressed, new Deflater(9), 1 << 16)) {
            for (int y = 0; y < height; y++) {
                deflate.write(row);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return compressed.toByteArray();
    }

    private static void chunk(ByteArrayOutputStream out, String type, byte[] data) {
        byte[] name = type.getBytes(StandardCharsets.US_ASCII);
        out.writeBytes(ByteBuffer.allocate(4).putInt(data.length).array());
        out.writeBytes(name);
        out.writeBytes(data);
        CRC32 crc = new CRC32();
        crc.update(name);
        crc.update(data);
        out.writeBytes(ByteBuffer.allocate(4).putInt((int) crc.getValue()).array());
    }

    /** A small valid JPEG whose frame header (SOF0) declares {@code width} × {@code height}. */
    public static byte[] jpegDeclaring(int width, int height) {
        byte[] jpeg = picture("jpeg", 64, 64);
        for (int i = 2; i + 8 < jpeg.length; i++) {
            if ((jpeg[i] & 0xff) == 0xff && (jpeg[i + 1] & 0xff) == 0xc0) {
                ByteBuffer.wrap(jpeg, i + 5, 4).putShort((short) height).putShort((short) width);
                return jpeg;
            }
        }
        throw new IllegalStateException("no SOF0 marker in ImageIO's JPEG");
    }

    /** Two JPEGs one after the other, as in an MPO (a camera's stereo or depth picture). */
    public static byte[] twoJpegs(int width, int height) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(picture("jpeg", width, height));
        out.writeBytes(picture("jpeg", width, height));
        return out.toByteArray();
    }

    /** An animated GIF, or a multi-page TIFF, of {@code frames} pictures. */
    public static byte[] sequence(String format, int frames, int width, int height) {
        ImageWriter writer = ImageIO.getImageWritersByFormatName(format).next();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ImageOutputStream output = new MemoryCacheImageOutputStream(bytes)) {
            writer.setOutput(output);
            writer.prepareWriteSequence(null);
            for (int i = 0; i < frames; i++) {
                BufferedImage frame = drawing(width, height);
                frame.setRGB(i, i, 0xffffff);
                IIOMetadata metadata = writer.getDefaultImageMetadata(
                        ImageTypeSpecifier.createFromRenderedImage(frame), writer.getDefaultWriteParam());
                writer.writeToSequence(new IIOImage(frame, null, metadata), null);
            }
            writer.endWriteSequence();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            writer.dispose();
        }
        return bytes.toByteArray();
    }

    /** The first {@code fraction} of a file, as a broken upload leaves it. */
    public static byte[] truncated(byte[] file, double fraction) {
        return Arrays.copyOf(file, (int) (file.length * fraction));
    }

    /** A device serial, as a camera writes it into a JPEG comment. */
    public static final byte[] SERIAL = "SN:CAM-0042-SERIAL".getBytes(StandardCharsets.US_ASCII);
    /** Bytes appended after a JPEG's end, as a polyglot file carries them. */
    public static final byte[] APPENDED = "PK\u0003\u0004secret.zip appended".getBytes(StandardCharsets.US_ASCII);

    /**
     * {@code jpeg} as a phone might send it: an EXIF segment with a GPS position
     * ({@link #exifWithGps()}) and a comment with {@link #SERIAL} after SOI, {@link #APPENDED} after EOI.
     */
    public static byte[] withPrivateMetadata(byte[] jpeg) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(jpeg, 0, 2);
        out.writeBytes(segment(0xE1, exifWithGps()));
        out.writeBytes(segment(0xFE, SERIAL));
        out.write(jpeg, 2, jpeg.length - 2);
        out.writeBytes(APPENDED);
        return out.toByteArray();
    }

    /** A minimal EXIF payload (big-endian TIFF) with a GPS IFD: latitude 6° 10' 23.45" S. */
    public static byte[] exifWithGps() {
        ByteBuffer tiff = ByteBuffer.allocate(86);
        tiff.put("Exif\0\0".getBytes(StandardCharsets.US_ASCII));
        tiff.put("MM".getBytes(StandardCharsets.US_ASCII)).putShort((short) 42).putInt(8);
        tiff.putShort((short) 1).putShort((short) 0x8825).putShort((short) 4).putInt(1).putInt(26).putInt(0);
        tiff.putShort((short) 2);
        tiff.putShort((short) 1).putShort((short) 2).putInt(2).put(new byte[] { 'S', 0, 0, 0 });
        tiff.putShort((short) 2).putShort((short) 5).putInt(3).putInt(56);
        tiff.putInt(0);
        tiff.putInt(6).putInt(1).putInt(10).putInt(1).putInt(2345).putInt(100);
        return Arrays.copyOf(tiff.array(), tiff.position());
    }

    /** A JPEG segment: 0xFF, the marker, the length, the payload. */
    public static byte[] segment(int marker, byte[] payload) {
        int length = payload.length + 2;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(new byte[] { (byte) 0xFF, (byte) marker, (byte) (length >> 8), (byte) length });
        out.writeBytes(payload);
        return out.toByteArray();
    }
}

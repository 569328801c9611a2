package id.go.dukcapil.ikd.e2e;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Random;
import java.util.zip.CRC32;
import java.util.zip.Deflater;
import java.util.zip.DeflaterOutputStream;

import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.MemoryCacheImageOutputStream;

/**
 * The pictures the hostile-load tests send: a legitimate selfie of the largest size a service
 * accepts, and decompression bombs (small files that decode to huge rasters). The PNG bombs are
 * written chunk by chunk, since no image library writes a 20000×20000 picture without holding it.
 */
final class Pictures {

    /** A named picture and its media type. */
    record Picture(String name, String contentType, byte[] bytes) {
        String describe() {
            return name + " (" + bytes.length / 1024 + " KB)";
        }
    }

    private Pictures() {
    }

    /**
     * A 12-megapixel (4000×3000) 8-bit JPEG of under 2 MB: the largest selfie the selfie rules
     * accept (at most 2 MB, 4096 px per side, 12 Mpx, 8 bits per channel).
     */
    static Picture maximumSelfie() {
        BufferedImage image = new BufferedImage(4000, 3000, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        Random random = new Random(14);
        for (int y = 0; y < 3000; y += 40) {
            for (int x = 0; x < 4000; x += 40) {
                g.setColor(new Color(random.nextInt(0xFFFFFF)));
                g.fillRect(x, y, 40, 40);
            }
        }
        g.setColor(new Color(0xC68E6A));
        g.fillOval(1200, 600, 1600, 1900);
        g.dispose();
        // a patch of noise, which JPEG cannot compress, brings the file near the 2 MB limit
        for (int y = 1000; y < 1700; y++) {
            for (int x = 1500; x < 2500; x++) {
                image.setRGB(x, y, random.nextInt(0xFFFFFF));
            }
        }
        for (float quality = 0.95f; quality > 0.2f; quality -= 0.05f) {
            byte[] jpeg = jpeg(image, quality);
            if (jpeg.length <= 1_950_000) {
                return new Picture("JPEG 4000×3000 8-bit selfie", "image/jpeg", jpeg);
            }
        }
        throw new IllegalStateException("could not make a selfie under 2 MB");
    }

    /** A 20000×20000 1-bit grey PNG of zeros: about 50 KB, 400 megapixels. */
    static Picture pngBombOneBit() {
        return new Picture("PNG 20000×20000 1-bit zeros", "image/png", png(20000, 20000, 1, 0));
    }

    /** A 4096×4096 16-bit RGBA PNG of zeros: about 130 KB within the old header limits, 128 MiB decoded. */
    static Picture pngBombDeep() {
        return new Picture("PNG 4096×4096 16-bit RGBA zeros", "image/png", png(4096, 4096, 16, 6));
    }

    /** A flat grey 4096×4096 JPEG: small, within the old header limits, 48–64 MiB decoded. */
    static Picture jpegBombFlat() {
        BufferedImage image = new BufferedImage(4096, 4096, BufferedImage.TYPE_BYTE_GRAY);
        Graphics2D g = image.createGraphics();
        g.setColor(Color.GRAY);
        g.fillRect(0, 0, 4096, 4096);
        g.dispose();
        return new Picture("JPEG 4096×4096 flat grey", "image/jpeg", jpeg(image, 0.5f));
    }

    /** A small JPEG whose frame header claims 65000×65000 pixels (4.2 gigapixels). */
    static Picture jpegBombHeader() {
        BufferedImage image = new BufferedImage(64, 64, BufferedImage.TYPE_INT_RGB);
        byte[] jpeg = jpeg(image, 0.8f);
        for (int i = 2; i + 8 < jpeg.length; i++) {
            if ((jpeg[i] & 0xFF) == 0xFF && (jpeg[i + 1] & 0xFF) == 0xC0) { // SOF0: FF C0 len(2) P(1) Y(2) X(2)
                jpeg[i + 5] = (byte) (65000 >> 8);
                jpeg[i + 6] = (byte) 65000;
                jpeg[i + 7] = (byte) (65000 >> 8);
                jpeg[i + 8] = (byte) 65000;
                return new Picture("JPEG header claiming 65000×65000", "image/jpeg", jpeg);
            }
        }
        throw new IllegalStateException("no SOF0 in the JPEG");
    }

    private static byte[] jpeg(BufferedImage image, float quality) {
        ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
        try (ByteArrayOutputStream bytes = new ByteArrayOutputStream();
                MemoryCacheImageOutputStream out = new MemoryCacheImageOutputStream(bytes)) {
            writer.setOutput(out);
            ImageWriteParam param = writer.getDefaultWriteParam();
            param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
            param.setCompressionQuality(quality);
            writer.write(null, new IIOImage(image, null, null), param);
            out.flush();
            return bytes.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            writer.dispose();
        }
    }

    /** A PNG of zeros (colour type 0 grey or 6 RGBA), its rows deflated as they are produced. */
    private static byte[] png(int width, int height, int bitDepth, int colourType) {
        int channels = colourType == 6 ? 4 : 1;
        long rowBytes = ((long) width * channels * bitDepth + 7) / 8;
        try {
            ByteArrayOutputStream idat = new ByteArrayOutputStream();
            Deflater deflater = new Deflater(Deflater.BEST_COMPRESSION);
            try (DeflaterOutputStream z = new DeflaterOutputStream(idat, deflater, 65536)) {
                byte[] row = new byte[(int) rowBytes + 1]; // filter byte 0 and zero samples
                for (int y = 0; y < height; y++) {
                    z.write(row);
                }
            }
            deflater.end();
            ByteArrayOutputStream png = new ByteArrayOutputStream();
            png.write(new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'});
            ByteArrayOutputStream header = new ByteArrayOutputStream();
            DataOutputStream h = new DataOutputStream(header);
            h.writeInt(width);
            h.writeInt(height);
            h.writeByte(bitDepth);
            h.writeByte(colourType);
            h.writeByte(0);
            h.writeByte(0);
            h.writeByte(0);
            chunk(png, "IHDR", header.toByteArray());
            chunk(png, "IDAT", idat.toByteArray());
            chunk(png, "IEND", new byte[0]);
            return png.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void chunk(OutputStream out, String type, byte[] data) throws IOException {
        DataOutputStream d = new DataOutputStream(out);
        byte[] typeBytes = type.getBytes(StandardCharsets.US_ASCII);
        d.writeInt(data.length);
        d.write(typeBytes);
        d.write(data);
        CRC32 crc = new CRC32();
        crc.update(typeBytes);
        crc.update(data);
        d.writeInt((int) crc.getValue());
    }
}

package id.go.dukcapil.ikd.token.qr;

import java.awt.image.BufferedImage;
import java.awt.image.WritableRaster;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Optional;

import javax.imageio.ImageIO;

import com.google.zxing.WriterException;
import com.google.zxing.client.j2se.BufferedImageLuminanceSource;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;
import com.google.zxing.qrcode.encoder.ByteMatrix;
import com.google.zxing.qrcode.encoder.Encoder;
import com.google.zxing.qrcode.encoder.QRCode;

/**
 * QR codes of tokens, drawn by ZXing: its encoder picks the mode (alphanumeric for the Base45
 * credential), the smallest version at error correction M and the best mask by the
 * specification's penalty rules; the PNG is written by ImageIO and the SVG is one path of the
 * module matrix. About a millisecond per image, which is plenty: the app draws its own QR code from
 * the token, the server's image is a convenience, and a citizen mints at most one per 90 s.
 */
public final class QrCodes {

    /** The quiet zone the QR specification requires around the code, in modules. */
    public static final int QUIET_ZONE = 4;
    /** The largest PNG scale in pixels per module. */
    public static final int MAX_PNG_SCALE = 16;

    static {
        // images are written to memory: no temporary files
        ImageIO.setUseCache(false);
    }

    private QrCodes() {
    }

    /** The modules of a QR code with its quiet zone, and the version ZXing chose. */
    public record Matrix(int version, BitMatrix modules) {

        /** Width in modules, quiet zone included. */
        public int size() {
            return modules.getWidth();
        }
    }

    /** The smallest QR code of {@code text} at error correction M, as ZXing encodes it. */
    public static Matrix encode(String text) {
        QRCode code;
        try {
            code = Encoder.encode(text, ErrorCorrectionLevel.M);
        } catch (WriterException e) {
            throw new IllegalArgumentException("too long for a QR code: " + text.length() + " characters", e);
        }
        ByteMatrix matrix = code.getMatrix();
        int size = matrix.getWidth() + 2 * QUIET_ZONE;
        BitMatrix modules = new BitMatrix(size, size);
        for (int y = 0; y < matrix.getHeight(); y++) {
            for (int x = 0; x < matrix.getWidth(); x++) {
                if (matrix.get(x, y) == 1) {
                    modules.set(x + QUIET_ZONE, y + QUIET_ZONE);
                }
            }
        }
        return new Matrix(code.getVersion().getVersionNumber(), modules);
    }

    /** A 1-bit PNG, {@code scale} pixels per module, written by ImageIO. */
    public static byte[] png(Matrix matrix, int scale) {
        int size = matrix.size();
        BufferedImage image = new BufferedImage(size * scale, size * scale, BufferedImage.TYPE_BYTE_BINARY);
        WritableRaster raster = image.getRaster();
        int[] row = new int[size * scale];
        for (int y = 0; y < size; y++) {
            for (int x = 0; x < size; x++) {
                java.util.Arrays.fill(row, x * scale, (x + 1) * scale, matrix.modules().get(x, y) ? 0 : 1);
            }
            for (int line = 0; line < scale; line++) {
                raster.setSamples(0, y * scale + line, row.length, 1, 0, row);
            }
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(2048);
        try {
            ImageIO.write(image, "png", out);
        } catch (IOException e) {
            throw new UncheckedIOException("writing a PNG to memory cannot fail", e);
        }
        return out.toByteArray();
    }

    /**
     * An SVG of the matrix: a white square and one path of the dark runs of each row, in module
     * units (the viewer scales it). ASCII only, attributes in single quotes (see QrPictureSerializer).
     */
    public static String svg(Matrix matrix) {
        int size = matrix.size();
        BitMatrix modules = matrix.modules();
        StringBuilder svg = new StringBuilder(8192)
                .append("<svg xmlns='http://www.w3.org/2000/svg' viewBox='0 0 ").append(size).append(' ').append(size)
                .append("' shape-rendering='crispEdges'><rect width='").append(size).append("' height='").append(size)
                .append("' fill='#fff'/><path fill='#000' d='");
        for (int y = 0; y < size; y++) {
            int x = 0;
            while (x < size) {
                if (!modules.get(x, y)) {
                    x++;
                    continue;
                }
                int start = x;
                while (x < size && modules.get(x, y)) {
                    x++;
                }
                svg.append('M').append(start).append(' ').append(y).append('h').append(x - start).append("v1h-")
                        .append(x - start).append('z');
            }
        }
        return svg.append("'/></svg>").toString();
    }

    /** Reads a QR code from a picture (PNG, JPEG, ...) with {@link QrReader}; empty when there is none to read. */
    public static Optional<String> decode(byte[] picture) {
        try {
            BufferedImage image = ImageIO.read(new ByteArrayInputStream(picture));
            return image == null ? Optional.empty() : QrReader.read(new BufferedImageLuminanceSource(image));
        } catch (IOException e) {
            return Optional.empty();
        }
    }
}

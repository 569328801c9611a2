package id.go.dukcapil.ikd.token.qr;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.zip.CRC32;

import javax.imageio.ImageIO;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.BinaryBitmap;
import com.google.zxing.DecodeHintType;
import com.google.zxing.EncodeHintType;
import com.google.zxing.ReaderException;
import com.google.zxing.WriterException;
import com.google.zxing.client.j2se.BufferedImageLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;
import com.google.zxing.qrcode.encoder.Encoder;
import com.google.zxing.qrcode.encoder.QRCode;

/**
 * QR codes for tokens: ZXing chooses the smallest version at error correction M; the images are
 * written straight from the module matrix (a 1-bit grayscale PNG and an SVG path), which is
 * several times faster than drawing a BufferedImage and encoding it with ImageIO.
 */
public final class QrCodes {

    /** The quiet zone the QR specification requires around the code, in modules. */
    public static final int QUIET_ZONE = 4;
    /** The largest PNG scale: eight modules' pixels must fit in one long. */
    public static final int MAX_PNG_SCALE = 8;
    /**
     * Per scale, the pixels of eight modules (bit i of the index: module i dark) as {@code 8 * scale}
     * bits, first module in the highest bits, light = 1.
     */
    private static final long[][] EIGHT_MODULE_PIXELS = new long[MAX_PNG_SCALE][256];

    static {
        for (int scale = 1; scale <= MAX_PNG_SCALE; scale++) {
            for (int dark = 0; dark < 256; dark++) {
                long pixels = 0;
                for (int module = 0; module < 8; module++) {
                    long light = (dark >>> module & 1) == 0 ? (1L << scale) - 1 : 0;
                    pixels = pixels << scale | light;
                }
                EIGHT_MODULE_PIXELS[scale - 1][dark] = pixels;
            }
        }
    }

    private static final byte[] PNG_SIGNATURE = { (byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n' };
    private static final Map<DecodeHintType, Object> DECODE_HINTS = Map.of(DecodeHintType.TRY_HARDER, Boolean.TRUE,
            DecodeHintType.POSSIBLE_FORMATS, List.of(BarcodeFormat.QR_CODE));
    private static final Map<DecodeHintType, Object> PURE_DECODE_HINTS = Map.of(DecodeHintType.PURE_BARCODE, Boolean.TRUE,
            DecodeHintType.POSSIBLE_FORMATS, List.of(BarcodeFormat.QR_CODE));
    /** The longest "M<x> <y>.5" that starts a row of the SVG path, with numbers of up to three digits. */
    private static final int SVG_ROW_MAX = 10;
    /** The longest "m<gap> 0h<n>" of a run, with numbers of up to three digits. */
    private static final int SVG_RUN_MAX = 10;
    private static final byte[] SVG_TAIL = "'/></svg>".getBytes(StandardCharsets.US_ASCII);

    private QrCodes() {
    }

    /**
     * The modules of a QR code and the version chosen, as bits: row y is the {@link #words()} longs
     * from {@code y * words()}, module x its bit {@code x % 64} of word {@code x / 64}; bits past the
     * row's end are 0. The images walk runs of dark modules a word at a time.
     */
    public record Matrix(int version, int size, long[] rows) {

        int words() {
            return (size + 63) >>> 6;
        }

        boolean isDark(int x, int y) {
            return (rows[y * words() + (x >>> 6)] >>> x & 1L) != 0;
        }

        /** The first dark module of row y at or after x; {@code size} when there is none. */
        int nextDark(int y, int x) {
            return next(y, x, 0L);
        }

        /** The first light module of row y at or after x; {@code size} when the row is dark to its end. */
        int nextLight(int y, int x) {
            return next(y, x, -1L);
        }

        private int next(int y, int x, long flip) {
            if (x >= size) {
                return size;
            }
            int base = y * words();
            int w = x >>> 6;
            long word = (rows[base + w] ^ flip) & (-1L << x);
            while (word == 0) {
                if (++w == words()) {
                    return size;
                }
                word = rows[base + w] ^ flip;
            }
            return Math.min(size, (w << 6) + Long.numberOfTrailingZeros(word));
        }

        /** Runs of dark modules in row y. */
        int runs(int y) {
            int base = y * words();
            int runs = 0;
            long carry = 0;
            for (int w = 0; w < words(); w++) {
                long word = rows[base + w];
                runs += Long.bitCount(word & ~(word << 1 | carry));
                carry = word >>> 63;
            }
            return runs;
        }
    }

    /**
     * The smallest QR code at error correction M, with the best mask by the specification's penalty
     * rules: the same modules as ZXing's {@code Encoder.encode(text, M)}, many times faster (see
     * {@code QrEncoder} and {@code MaskSelection}, both tested module by module against ZXing).
     */
    public static Matrix encode(String text) {
        MaskSelection masks = MaskSelection.of(QrEncoder.maskZero(text));
        return masks.matrix(masks.best());
    }

    static QRCode zxing(String text, Map<EncodeHintType, ?> hints) {
        try {
            return Encoder.encode(text, ErrorCorrectionLevel.M, hints);
        } catch (WriterException e) {
            throw new IllegalArgumentException("text does not fit in a QR code", e);
        }
    }

    /**
     * A 1-bit grayscale PNG (0 = black), {@code scale} (1 to {@value #MAX_PNG_SCALE}) pixels per
     * module, with the quiet zone. Only the first scanline of each row of modules is drawn, eight
     * modules at a time from a table (eight modules are {@code scale} whole bytes of pixels); the
     * {@code scale - 1} copies below it are PNG's "Up" filter over it (all zeros), which
     * {@link ScaledScanlineDeflate} writes as one match per row of modules.
     */
    public static byte[] png(Matrix matrix, int scale) {
        if (scale < 1 || scale > MAX_PNG_SCALE) {
            throw new IllegalArgumentException("PNG scale must be 1 to " + MAX_PNG_SCALE + ", not " + scale);
        }
        int size = matrix.size();
        int modules = size + 2 * QUIET_ZONE;
        int width = modules * scale;
        int lineBytes = (width + 7) / 8 + 1;
        byte[] firstLines = new byte[lineBytes * modules];
        long[] pixels = EIGHT_MODULE_PIXELS[scale - 1];
        int words = matrix.words();
        for (int my = 0; my < modules; my++) {
            int line = my * lineBytes;
            firstLines[line] = 0; // filter type None
            int y = my - QUIET_ZONE;
            boolean inCode = y >= 0 && y < size;
            int at = line + 1;
            int lineEnd = line + lineBytes;
            // padded module m is module m - QUIET_ZONE of the row: dark bits of the row shifted by the quiet zone
            for (int m = 0; at < lineEnd; m += 8) {
                int dark = 0;
                if (inCode) {
                    int x = m - QUIET_ZONE;
                    long bits = x >= 0 ? word(matrix.rows(), y * words, words, x) : matrix.rows()[y * words] << -x;
                    dark = (int) bits & 0xff;
                }
                long eight = pixels[dark];
                for (int b = scale - 1; b >= 0 && at < lineEnd; b--) {
                    firstLines[at++] = (byte) (eight >>> (b << 3));
                }
            }
        }
        byte[] compressed = ScaledScanlineDeflate.zlib(firstLines, lineBytes, scale);

        ByteBuffer out = ByteBuffer.allocate(PNG_SIGNATURE.length + 25 + 12 + compressed.length + 12);
        out.put(PNG_SIGNATURE);
        ByteBuffer header = ByteBuffer.allocate(13).putInt(width).putInt(width)
                .put((byte) 1) // bit depth
                .put((byte) 0) // grayscale
                .put((byte) 0).put((byte) 0).put((byte) 0); // deflate, adaptive filtering, no interlace
        chunk(out, "IHDR", header.array(), 13);
        chunk(out, "IDAT", compressed, compressed.length);
        chunk(out, "IEND", new byte[0], 0);
        return out.array();
    }

    /** 64 modules of row words from module x on (bits past the row's end are 0). */
    private static long word(long[] rows, int base, int words, int x) {
        int w = x >>> 6;
        if (w >= words) {
            return 0;
        }
        int shift = x & 63;
        long low = rows[base + w] >>> shift;
        return shift == 0 || w + 1 >= words ? low : low | rows[base + w + 1] << (64 - shift);
    }

    /**
     * An SVG with one stroked path: each row of modules is a line one module thick through the row's
     * middle, and each run of dark modules a segment of it ("M4 4.5h7m2 0h1": move, draw 7, skip 2,
     * draw 1). About a third of the bytes of a rectangle per run, and no double quotes, so that JSON
     * carries it unescaped. Written as ASCII bytes into an array sized from the number of runs.
     */
    public static String svg(Matrix matrix) {
        int size = matrix.size();
        int modules = size + 2 * QUIET_ZONE;
        byte[] head = ("<svg xmlns='http://www.w3.org/2000/svg' viewBox='0 0 " + modules + ' ' + modules
                + "' shape-rendering='crispEdges'><path fill='#fff' d='M0 0h" + modules + 'v' + modules + "H0z'/>"
                + "<path stroke='#000' d='").getBytes(StandardCharsets.US_ASCII);
        int runs = 0;
        for (int y = 0; y < size; y++) {
            runs += matrix.runs(y);
        }
        byte[] out = new byte[head.length + size * SVG_ROW_MAX + runs * SVG_RUN_MAX + SVG_TAIL.length];
        System.arraycopy(head, 0, out, 0, head.length);
        int at = head.length;
        for (int y = 0; y < size; y++) {
            int end = -1; // where the previous run of this row ended; -1 before the first
            for (int start = matrix.nextDark(y, 0); start < size; start = matrix.nextDark(y, end)) {
                int x = matrix.nextLight(y, start);
                if (end < 0) {
                    // "M<x> <y>.5": the row's first run starts at an absolute point
                    out[at++] = 'M';
                    at = number(out, at, start + QUIET_ZONE);
                    out[at++] = ' ';
                    at = number(out, at, y + QUIET_ZONE);
                    out[at++] = '.';
                    out[at++] = '5';
                } else {
                    // "m<gap> 0": the next one a gap further along the same line
                    out[at++] = 'm';
                    at = number(out, at, start - end);
                    out[at++] = ' ';
                    out[at++] = '0';
                }
                out[at++] = 'h';
                at = number(out, at, x - start);
                end = x;
            }
        }
        System.arraycopy(SVG_TAIL, 0, out, at, SVG_TAIL.length);
        return new String(out, 0, at + SVG_TAIL.length, StandardCharsets.US_ASCII);
    }

    /** Writes a number of at most three digits (the largest code with its quiet zone is 185 modules wide). */
    private static int number(byte[] out, int at, int value) {
        if (value >= 100) {
            out[at++] = (byte) ('0' + value / 100);
        }
        if (value >= 10) {
            out[at++] = (byte) ('0' + value / 10 % 10);
        }
        out[at++] = (byte) ('0' + value % 10);
        return at;
    }

    /** Reads a QR code from a picture (PNG, JPEG, ...); empty when there is none to read. */
    public static Optional<String> decode(byte[] picture) {
        try {
            BufferedImage image = ImageIO.read(new ByteArrayInputStream(picture));
            if (image == null) {
                return Optional.empty();
            }
            BinaryBitmap bitmap = new BinaryBitmap(new HybridBinarizer(new BufferedImageLuminanceSource(image)));
            try {
                return Optional.of(new QRCodeReader().decode(bitmap, DECODE_HINTS).getText());
            } catch (ReaderException e) {
                // ZXing's finder search misses about 3 in 100 clean, upright codes (screenshots, our own
                // PNGs) that its pure-barcode reading gets right; photos need the search above
                return Optional.of(new QRCodeReader().decode(bitmap, PURE_DECODE_HINTS).getText());
            }
        } catch (ReaderException | IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    private static void chunk(ByteBuffer out, String type, byte[] data, int length) {
        byte[] typeBytes = type.getBytes(StandardCharsets.US_ASCII);
        out.putInt(length).put(typeBytes).put(data, 0, length);
        CRC32 crc = new CRC32();
        crc.update(typeBytes);
        crc.update(data, 0, length);
        out.putInt((int) crc.getValue());
    }
}

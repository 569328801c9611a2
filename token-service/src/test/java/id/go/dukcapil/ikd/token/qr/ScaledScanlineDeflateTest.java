package id.go.dukcapil.ikd.token.qr;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Random;
import java.util.zip.DataFormatException;
import java.util.zip.Deflater;
import java.util.zip.Inflater;

import org.junit.jupiter.api.Test;

class ScaledScanlineDeflateTest {

    @Test
    void inflatesToTheFirstLinesWithTheirUpFilteredCopies() throws DataFormatException {
        Random random = new Random(7);
        for (int trial = 0; trial < 400; trial++) {
            int lineBytes = 3 + random.nextInt(120);
            int scale = 1 + random.nextInt(9);
            int groups = 1 + random.nextInt(60);
            byte[] firstLines = lines(random, lineBytes, groups, trial % 4);
            byte[] expected = image(firstLines, lineBytes, scale);
            for (boolean fixedCodes : new boolean[] { false, true }) {
                byte[] zlib = ScaledScanlineDeflate.zlib(firstLines, lineBytes, scale, fixedCodes);
                assertThat(inflate(zlib, expected.length))
                        .as("trial %d, %d bytes per line, scale %d, fixed codes %s", trial, lineBytes, scale, fixedCodes)
                        .isEqualTo(expected);
            }
        }
    }

    @Test
    void aQrPngIsSmallerThanWithZlibsFastestLevel() throws DataFormatException {
        Random random = new Random(11);
        for (int i = 0; i < 20; i++) {
            QrCodes.Matrix matrix = QrCodes.encode(QrTexts.jws(random, 471));
            byte[] idat = idat(QrCodes.png(matrix, 4));
            int width = (matrix.size() + 2 * QrCodes.QUIET_ZONE) * 4;
            byte[] image = inflate(idat, ((width + 7) / 8 + 1) * width);
            Deflater zlib = new Deflater(Deflater.BEST_SPEED);
            zlib.setInput(image);
            zlib.finish();
            int zlibSize = zlib.deflate(new byte[image.length]);
            zlib.end();
            assertThat(idat.length).as("token %d", i).isLessThan(zlibSize);
        }
    }

    /** The data of the PNG's single IDAT chunk. */
    private static byte[] idat(byte[] png) {
        ByteBuffer in = ByteBuffer.wrap(png, 8, png.length - 8);
        while (in.hasRemaining()) {
            int length = in.getInt();
            byte[] type = new byte[4];
            in.get(type);
            byte[] data = new byte[length];
            in.get(data);
            in.getInt(); // CRC, checked by ImageIO in QrCodesTest
            if (new String(type, StandardCharsets.US_ASCII).equals("IDAT")) {
                return data;
            }
        }
        throw new AssertionError("no IDAT chunk");
    }

    @Test
    void huffmanCodesAreCompleteAndRespectTheLimit() {
        Random random = new Random(5);
        for (int trial = 0; trial < 200; trial++) {
            int[] counts = new int[2 + random.nextInt(300)];
            for (int i = 0; i < counts.length; i++) {
                counts[i] = random.nextInt(4) == 0 ? 0 : random.nextInt(1 + random.nextInt(5000));
            }
            byte[] lengths = ScaledScanlineDeflate.HuffmanLengths.of(counts, 15);
            if (lengths == null) {
                continue; // too deep for 15 bits: the caller falls back to the fixed codes
            }
            double kraft = 0;
            int coded = 0;
            for (int i = 0; i < counts.length; i++) {
                assertThat(counts[i] > 0 ? lengths[i] > 0 : true).as("a used symbol has a code").isTrue();
                if (lengths[i] > 0) {
                    assertThat((int) lengths[i]).isLessThanOrEqualTo(15);
                    kraft += Math.pow(2, -lengths[i]);
                    coded++;
                }
            }
            assertThat(coded).isGreaterThanOrEqualTo(2);
            assertThat(kraft).as("complete prefix code").isEqualTo(1.0);
        }
        assertThat(ScaledScanlineDeflate.HuffmanLengths.of(new int[] { 0, 0, 9, 0 }, 15)).containsExactly(1, 0, 1, 0);
        // Fibonacci counts make a code as deep as there are symbols: refused when deeper than the limit
        int[] fibonacci = new int[20];
        fibonacci[0] = 1;
        fibonacci[1] = 1;
        for (int i = 2; i < fibonacci.length; i++) {
            fibonacci[i] = fibonacci[i - 1] + fibonacci[i - 2];
        }
        assertThat(ScaledScanlineDeflate.HuffmanLengths.of(fibonacci, 15)).isNull();
        assertThat(ScaledScanlineDeflate.HuffmanLengths.of(fibonacci, 19)).isNotNull();
    }

    @Test
    void everyDistanceGetsTheCodeOfRfc1951() {
        int[] base = { 1, 2, 3, 4, 5, 7, 9, 13, 17, 25, 33, 49, 65, 97, 129, 193, 257, 385, 513, 769, 1025, 1537, 2049,
                3073, 4097, 6145, 8193, 12289, 16385, 24577, 32769 };
        for (int code = 0; code < 30; code++) {
            for (int distance = base[code]; distance < base[code + 1]; distance++) {
                assertThat(ScaledScanlineDeflate.distanceIndex(distance)).as("distance %d", distance).isEqualTo(code);
            }
        }
    }

    /** Random lines of a few byte values with runs; kind 1 repeats groups, kind 2 is all one value, kind 3 any bytes. */
    private static byte[] lines(Random random, int lineBytes, int groups, int kind) {
        byte[] values = { 0x00, 0x0f, (byte) 0xf0, (byte) 0xff };
        byte[] lines = new byte[lineBytes * groups];
        for (int group = 0; group < groups; group++) {
            int line = group * lineBytes;
            if (group > 0 && (kind == 2 || kind == 1 && random.nextInt(3) == 0)) {
                System.arraycopy(lines, line - lineBytes, lines, line, lineBytes);
                continue;
            }
            lines[line] = 0;
            for (int i = 1; i < lineBytes; ) {
                int run = 1 + random.nextInt(random.nextBoolean() ? 3 : 300);
                byte value = kind == 3 ? (byte) random.nextInt(256) : values[random.nextInt(values.length)];
                for (int r = 0; r < run && i < lineBytes; r++) {
                    lines[line + i++] = value;
                }
            }
        }
        return lines;
    }

    private static byte[] image(byte[] firstLines, int lineBytes, int scale) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] up = new byte[lineBytes];
        up[0] = 2;
        for (int line = 0; line < firstLines.length; line += lineBytes) {
            out.write(firstLines, line, lineBytes);
            for (int copy = 1; copy < scale; copy++) {
                out.write(up, 0, lineBytes);
            }
        }
        return out.toByteArray();
    }

    /** Inflates with the JDK's zlib, which also checks the Adler-32. */
    private static byte[] inflate(byte[] zlib, int expectedLength) throws DataFormatException {
        Inflater inflater = new Inflater();
        inflater.setInput(zlib);
        byte[] out = new byte[expectedLength + 16];
        int length = 0;
        while (!inflater.finished()) {
            int n = inflater.inflate(out, length, out.length - length);
            if (n == 0 && (inflater.needsInput() || inflater.needsDictionary())) {
                throw new DataFormatException("stream ends early");
            }
            length += n;
        }
        assertThat(inflater.getRemaining()).as("nothing after the stream").isZero();
        inflater.end();
        return Arrays.copyOf(out, length);
    }
}

package id.go.dukcapil.ikd.token.qr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeSet;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;

import com.google.zxing.EncodeHintType;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;
import com.google.zxing.qrcode.decoder.Mode;
import com.google.zxing.qrcode.decoder.Version;
import com.google.zxing.qrcode.encoder.ByteMatrix;
import com.google.zxing.qrcode.encoder.Encoder;
import com.google.zxing.qrcode.encoder.QRCode;

/**
 * MaskSelection on any matrix of every version: the modules it reads and derives, and the penalties
 * it computes, are ZXing's; and on the codes QrEncoder makes, it picks ZXing's mask.
 */
class MaskSelectionTest {

    /** 1:1:3:1:1, the finder-like pattern of penalty rule 3. */
    private static final int[] FINDER_LIKE = { 1, 0, 1, 1, 1, 0, 1 };

    @Test
    void anyMatrixOfEveryVersionReadsBackAndScoresAsZXingScoresIt() throws Exception {
        Method zxingPenalty = zxingPenalty();
        Random random = new Random(1804);
        for (int v = 1; v <= 40; v++) {
            byte[][][] differences = differences(v);
            int size = differences[0].length;
            List<byte[][]> structures = List.of(random(random, size, 0.5), random(random, size, 0.08),
                    random(random, size, 0.92), structured(random, size, false), structured(random, size, true),
                    constant(size, 0), constant(size, 1));
            for (byte[][] structure : structures) {
                // the code given with mask 0 is the structure itself: every mask's candidate is checked
                MaskSelection selection = MaskSelection.of(code(v, structure));
                int[] penalties = new int[8];
                for (int mask = 0; mask < 8; mask++) {
                    byte[][] expected = xor(structure, differences[mask]);
                    assertModules(selection.matrix(mask), expected, "version " + v + ", mask " + mask);
                    penalties[mask] = (int) zxingPenalty.invoke(null, byteMatrix(expected));
                    assertThat(selection.penalty(mask)).as("penalty, version %d, mask %d", v, mask)
                            .isEqualTo(penalties[mask]);
                }
                assertThat(selection.best()).as("best mask, version %d", v).isEqualTo(firstLowest(penalties));
                // and a code that has the structure under mask k, where rule 3's edges then lie
                for (int mask = 1; mask < 8; mask++) {
                    MaskSelection shifted = MaskSelection.of(code(v, xor(structure, differences[mask])));
                    assertModules(shifted.matrix(mask), structure, "structure under mask " + mask + ", version " + v);
                    assertThat(shifted.penalty(mask)).as("structure's penalty under mask %d, version %d", mask, v)
                            .isEqualTo(penalties[0]);
                }
            }
        }
    }

    @Test
    void theCodesOfQrEncoderGetZXingsMaskAndModules() throws Exception {
        Random random = new Random(90);
        TreeSet<Integer> versions = new TreeSet<>();
        TreeSet<Integer> masks = new TreeSet<>();
        List<String> texts = new ArrayList<>();
        for (int v = 1; v <= 40; v++) {
            int shortest = v == 1 ? 1 : capacity(v - 1) + 1;
            for (int i = 0; i < 4; i++) {
                texts.add(jws(random, shortest + random.nextInt(capacity(v) - shortest + 1)));
            }
        }
        for (int i = 0; i < 160; i++) {
            texts.add(jws(random, 471));
        }
        for (String text : texts) {
            QRCode expected = Encoder.encode(text, ErrorCorrectionLevel.M);
            MaskSelection selection = MaskSelection.of(QrEncoder.maskZero(text));
            int best = selection.best();
            assertThat(best).as("mask for %d characters", text.length()).isEqualTo(expected.getMaskPattern());
            ByteMatrix modules = expected.getMatrix();
            QrCodes.Matrix actual = selection.matrix(best);
            assertThat(actual.version()).isEqualTo(expected.getVersion().getVersionNumber());
            for (int y = 0; y < modules.getHeight(); y++) {
                for (int x = 0; x < modules.getWidth(); x++) {
                    if (actual.isDark(x, y) != (modules.get(x, y) == 1)) {
                        fail("module x %d, y %d differs for %d characters", x, y, text.length());
                    }
                }
            }
            versions.add(actual.version());
            masks.add(best);
        }
        assertThat(versions).hasSize(40);
        assertThat(masks).containsExactly(0, 1, 2, 3, 4, 5, 6, 7);
    }

    @Test
    void selectionsOnManyThreadsAtOnceAreZXings() throws Exception {
        Random random = new Random(7);
        List<String> texts = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            texts.add(jws(random, 1 + random.nextInt(2300)));
        }
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<int[]>> results = new ArrayList<>();
            for (int t = 0; t < 4; t++) {
                results.add(pool.submit(() -> texts.stream().mapToInt(text -> MaskSelection.of(QrEncoder.maskZero(text)).best()).toArray()));
            }
            int[] zxing = texts.stream().mapToInt(text -> QrCodes.zxing(text, Map.of()).getMaskPattern()).toArray();
            for (Future<int[]> result : results) {
                assertThat(result.get()).isEqualTo(zxing);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    /** By mask, ZXing's matrix with that mask XOR its matrix with mask 0, for any code of version v. */
    private static byte[][][] differences(int v) {
        String text = jws(new Random(v), capacity(v));
        byte[][] maskZero = QrCodes.zxing(text, Map.of(EncodeHintType.QR_MASK_PATTERN, 0)).getMatrix().getArray();
        assertThat(maskZero.length).isEqualTo(17 + 4 * v);
        byte[][][] differences = new byte[8][][];
        for (int mask = 0; mask < 8; mask++) {
            differences[mask] = xor(maskZero, QrCodes.zxing(text, Map.of(EncodeHintType.QR_MASK_PATTERN, mask)).getMatrix().getArray());
        }
        return differences;
    }

    private static QRCode code(int version, byte[][] modules) {
        QRCode code = new QRCode();
        code.setMode(Mode.BYTE);
        code.setECLevel(ErrorCorrectionLevel.M);
        code.setVersion(Version.getVersionForNumber(version));
        code.setMaskPattern(0);
        code.setMatrix(byteMatrix(modules));
        return code;
    }

    private static ByteMatrix byteMatrix(byte[][] modules) {
        ByteMatrix matrix = new ByteMatrix(modules.length, modules.length);
        for (int y = 0; y < modules.length; y++) {
            System.arraycopy(modules[y], 0, matrix.getArray()[y], 0, modules.length);
        }
        return matrix;
    }

    private static byte[][] xor(byte[][] a, byte[][] b) {
        byte[][] result = new byte[a.length][a.length];
        for (int y = 0; y < a.length; y++) {
            for (int x = 0; x < a.length; x++) {
                result[y][x] = (byte) (a[y][x] ^ b[y][x]);
            }
        }
        return result;
    }

    private static byte[][] random(Random random, int size, double dark) {
        byte[][] modules = new byte[size][size];
        for (byte[] row : modules) {
            for (int x = 0; x < size; x++) {
                row[x] = (byte) (random.nextDouble() < dark ? 1 : 0);
            }
        }
        return modules;
    }

    private static byte[][] constant(int size, int colour) {
        byte[][] modules = new byte[size][size];
        for (byte[] row : modules) {
            java.util.Arrays.fill(row, (byte) colour);
        }
        return modules;
    }

    /**
     * Rows that each hold long runs, or finder-like patterns with light beside them at the edges and
     * in between (where ZXing's rule 3 has its bounds), or noise; transposed, the same for columns.
     */
    private static byte[][] structured(Random random, int size, boolean transposed) {
        byte[][] modules = new byte[size][size];
        for (int y = 0; y < size; y++) {
            byte[] row = modules[y];
            switch (y % 4) {
                case 0 -> { // runs of 1 to 12
                    int colour = random.nextInt(2);
                    for (int x = 0; x < size;) {
                        int length = 1 + random.nextInt(12);
                        for (int i = 0; i < length && x < size; i++, x++) {
                            row[x] = (byte) colour;
                        }
                        colour ^= 1;
                    }
                }
                case 1, 2 -> { // a pattern near either edge or anywhere, with 0 to 5 light modules beside it
                    int[] starts = { 0, 1, 2, 3, 4, 5, size - 12, size - 11, size - 10, size - 8, size - 7,
                            random.nextInt(size - 6) };
                    int start = starts[random.nextInt(starts.length)];
                    for (int x = 0; x < size; x++) {
                        row[x] = (byte) (random.nextInt(3) == 0 ? 1 : 0);
                    }
                    int lightBefore = random.nextInt(6);
                    int lightAfter = random.nextInt(6);
                    for (int x = Math.max(0, start - lightBefore); x < start; x++) {
                        row[x] = 0;
                    }
                    for (int i = 0; i < 7; i++) {
                        row[start + i] = (byte) FINDER_LIKE[i];
                    }
                    for (int x = start + 7; x < Math.min(size, start + 7 + lightAfter); x++) {
                        row[x] = 0;
                    }
                }
                default -> {
                    for (int x = 0; x < size; x++) {
                        row[x] = (byte) random.nextInt(2);
                    }
                }
            }
        }
        if (transposed) {
            byte[][] columns = new byte[size][size];
            for (int y = 0; y < size; y++) {
                for (int x = 0; x < size; x++) {
                    columns[x][y] = modules[y][x];
                }
            }
            return columns;
        }
        return modules;
    }

    private static int firstLowest(int[] penalties) {
        int best = 0;
        for (int mask = 1; mask < penalties.length; mask++) {
            if (penalties[mask] < penalties[best]) {
                best = mask;
            }
        }
        return best;
    }

    private static void assertModules(QrCodes.Matrix actual, byte[][] expected, String what) {
        assertThat(actual.size()).as("size, %s", what).isEqualTo(expected.length);
        for (int y = 0; y < expected.length; y++) {
            for (int x = 0; x < expected.length; x++) {
                if (actual.isDark(x, y) != (expected[y][x] == 1)) {
                    fail("module x %d, y %d differs, %s", x, y, what);
                }
            }
        }
    }

    private static Method zxingPenalty() throws NoSuchMethodException {
        Method penalty = Encoder.class.getDeclaredMethod("calculateMaskPenalty", ByteMatrix.class);
        penalty.setAccessible(true);
        return penalty;
    }

    /** The longest byte-mode text at level M in version v, from ZXing's tables. */
    private static int capacity(int v) {
        Version version = Version.getVersionForNumber(v);
        int dataCodewords = version.getTotalCodewords()
                - version.getECBlocksForLevel(ErrorCorrectionLevel.M).getTotalECCodewords();
        return (8 * dataCodewords - 4 - Mode.BYTE.getCharacterCountBits(version)) / 8;
    }

    /** Base64url parts joined by dots, like a compact JWS; always byte mode (lower case letters or '-' or '_'). */
    private static String jws(Random random, int length) {
        StringBuilder text = new StringBuilder(QrTexts.jws(random, length));
        text.setCharAt(0, 'a');
        return text.toString();
    }
}

package id.go.dukcapil.ikd.token.qr;

import java.util.concurrent.atomic.AtomicReferenceArray;

import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;
import com.google.zxing.qrcode.decoder.Version;
import com.google.zxing.qrcode.encoder.QRCode;

/**
 * ZXing's choice of the best mask, made fast. ZXing encodes once with mask 0; the matrix for mask k
 * differs from that one only in the data modules (mask 0 off, mask k on) and in the format
 * information, so it is the mask-0 matrix XOR a difference that depends on the version alone. Each
 * candidate is then scored bit-parallel, one long per 64 modules of a row or column, with exactly the
 * penalty rules of ZXing 3.5.3's {@code MaskUtil}, and the first lowest penalty wins, as in
 * {@code Encoder.chooseMaskPattern}. That costs a small part of what ZXing spends building and
 * scoring eight whole matrices module by module.
 */
final class MaskSelection {

    private static final int N1 = 3;
    private static final int N2 = 3;
    private static final int N3 = 40;
    private static final int N4 = 10;
    /** The first copy of format bit i (0 = least significant), beside the top-left finder pattern. */
    private static final int[] FORMAT_X = { 8, 8, 8, 8, 8, 8, 8, 8, 7, 5, 4, 3, 2, 1, 0 };
    private static final int[] FORMAT_Y = { 0, 1, 2, 3, 4, 5, 7, 8, 8, 8, 8, 8, 8, 8, 8 };
    private static final AtomicReferenceArray<Layout> LAYOUTS = new AtomicReferenceArray<>(41);

    private final QRCode code;
    private final Layout layout;
    /**
     * The mask-0 matrix row by row (bit x of row y) and column by column (bit y of column x), each line
     * in {@code layout.words} longs between two zero guard words, so that shifting across words never
     * needs a bounds check and the modules beyond either end read as light.
     */
    private final long[] rows;
    private final long[] columns;

    private MaskSelection(QRCode maskZero) {
        if (maskZero.getMaskPattern() != 0 || maskZero.getECLevel() != ErrorCorrectionLevel.M) {
            throw new IllegalArgumentException("needs a code encoded at error correction M with mask 0");
        }
        code = maskZero;
        layout = layout(maskZero.getVersion().getVersionNumber());
        rows = new long[layout.size * layout.stride];
        columns = new long[rows.length];
        byte[][] modules = maskZero.getMatrix().getArray();
        for (int y = 0; y < layout.size; y++) {
            byte[] row = modules[y];
            for (int x = 0; x < layout.size; x++) {
                if (row[x] == 1) {
                    rows[layout.word(y, x)] |= 1L << x;
                    columns[layout.word(x, y)] |= 1L << y;
                }
            }
        }
    }

    /** The candidates for a code that ZXing encoded at error correction M with mask 0. */
    static MaskSelection of(QRCode maskZero) {
        return new MaskSelection(maskZero);
    }

    /** The mask ZXing would choose: the lowest penalty, the lowest mask number on a tie. */
    int best() {
        long[] candidateRows = new long[rows.length];
        long[] candidateColumns = new long[columns.length];
        int best = 0;
        int lowest = Integer.MAX_VALUE;
        for (int mask = 0; mask < 8; mask++) {
            int penalty = penalty(mask, candidateRows, candidateColumns);
            if (penalty < lowest) {
                lowest = penalty;
                best = mask;
            }
        }
        return best;
    }

    /** The penalty of the matrix with {@code mask}, as ZXing's {@code Encoder.calculateMaskPenalty} computes it. */
    int penalty(int mask) {
        return penalty(mask, new long[rows.length], new long[columns.length]);
    }

    /** The modules with {@code mask}, as ZXing places them with that mask. */
    QrCodes.Matrix matrix(int mask) {
        int size = layout.size;
        long[] difference = layout.rowDifference[mask];
        boolean[] dark = new boolean[size * size];
        for (int y = 0; y < size; y++) {
            for (int j = 0; j < layout.words; j++) {
                int word = layout.word(y, 64 * j);
                long bits = rows[word] ^ difference[word];
                int first = y * size + 64 * j;
                for (int i = 0, n = Math.min(64, size - 64 * j); i < n; i++) {
                    dark[first + i] = (bits >>> i & 1) != 0;
                }
            }
        }
        return new QrCodes.Matrix(code.getVersion().getVersionNumber(), size, dark);
    }

    private int penalty(int mask, long[] candidateRows, long[] candidateColumns) {
        long[] rowDifference = layout.rowDifference[mask];
        long[] columnDifference = layout.columnDifference[mask];
        int dark = 0;
        for (int i = 0; i < rows.length; i++) {
            candidateRows[i] = rows[i] ^ rowDifference[i];
            candidateColumns[i] = columns[i] ^ columnDifference[i];
            dark += Long.bitCount(candidateRows[i]);
        }
        int size = layout.size;
        int penalty = 0;
        for (int line = 0; line < size; line++) {
            penalty += linePenalty(candidateRows, line, layout) + linePenalty(candidateColumns, line, layout);
        }
        int blocks = 0;
        for (int y = 0; y + 1 < size; y++) {
            blocks += sameColourBlocks(candidateRows, y, layout);
        }
        int total = size * size;
        int fivePercentVariances = Math.abs(dark * 2 - total) * 10 / total;
        return penalty + N2 * blocks + N4 * fivePercentVariances;
    }

    /**
     * Rules 1 and 3 along one row or column. Rule 1: each run of L >= 5 modules of one colour costs
     * N1 + (L - 5); a run of L has L - 4 positions where five equal modules begin, so it costs that
     * count plus N1 - 1 for the run's first position. Rule 3 as ZXing counts it: dark-light-dark-dark-
     * dark-light-dark beginning at x, with four light modules inside the matrix just before it or just
     * after it, counted once per x.
     */
    private static int linePenalty(long[] lines, int line, Layout l) {
        int first = line * l.stride + 1;
        int runs = 0;
        int finderLike = 0;
        for (int j = 0; j < l.words; j++) {
            int w = first + j;
            long b0 = lines[w];
            long b1 = next(lines, w, 1);
            long b2 = next(lines, w, 2);
            long b3 = next(lines, w, 3);
            long b4 = next(lines, w, 4);
            long before = previous(lines, w, 1);
            long fiveEqual = ~((b0 ^ b1) | (b1 ^ b2) | (b2 ^ b3) | (b3 ^ b4)) & l.fiveFit[j];
            long runStarts = fiveEqual & ((before ^ b0) | ~l.notFirst[j]);
            runs += Long.bitCount(fiveEqual) + (N1 - 1) * Long.bitCount(runStarts);

            long pattern = b0 & ~b1 & b2 & b3 & b4 & ~next(lines, w, 5) & next(lines, w, 6);
            if (pattern != 0) {
                long lightBefore = ~(before | previous(lines, w, 2) | previous(lines, w, 3) | previous(lines, w, 4))
                        & l.fourBefore[j];
                long lightAfter = ~(next(lines, w, 7) | next(lines, w, 8) | next(lines, w, 9) | next(lines, w, 10))
                        & l.fourAfter[j];
                finderLike += Long.bitCount(pattern & (lightBefore | lightAfter));
            }
        }
        return runs + N3 * finderLike;
    }

    /** Rule 2: the 2x2 blocks of one colour whose top-left module is in row y. */
    private static int sameColourBlocks(long[] rows, int y, Layout l) {
        int first = y * l.stride + 1;
        int count = 0;
        for (int j = 0; j < l.words; j++) {
            int top = first + j;
            int bottom = top + l.stride;
            long a = rows[top];
            long b = rows[bottom];
            long aNext = next(rows, top, 1);
            long bNext = next(rows, bottom, 1);
            count += Long.bitCount(~((a ^ b) | (aNext ^ bNext) | (a ^ aNext)) & l.beforeLast[j]);
        }
        return count;
    }

    /** The word at index w shifted so that bit i holds module i + k of the line (0 < k < 64). */
    private static long next(long[] lines, int w, int k) {
        return lines[w] >>> k | lines[w + 1] << (64 - k);
    }

    /** The word at index w shifted so that bit i holds module i - k of the line (0 < k < 64). */
    private static long previous(long[] lines, int w, int k) {
        return lines[w] << k | lines[w - 1] >>> (64 - k);
    }

    private static Layout layout(int version) {
        Layout layout = LAYOUTS.get(version);
        if (layout == null) {
            layout = new Layout(Version.getVersionForNumber(version));
            LAYOUTS.compareAndSet(version, null, layout);
        }
        return layout;
    }

    /**
     * The modules that are not data: finder patterns with separators and format information,
     * alignment and timing patterns, version information. The same region as ZXing's
     * {@code Version.buildFunctionPattern()}, which is not public.
     */
    static boolean[] functionPattern(Version version) {
        int size = version.getDimensionForVersion();
        boolean[] function = new boolean[size * size];
        region(function, size, 0, 0, 9, 9);
        region(function, size, size - 8, 0, 8, 9);
        region(function, size, 0, size - 8, 9, 8);
        int[] centres = version.getAlignmentPatternCenters();
        int last = centres.length - 1;
        for (int i = 0; i <= last; i++) {
            for (int j = 0; j <= last; j++) {
                boolean nearFinder = (i == 0 && (j == 0 || j == last)) || (i == last && j == 0);
                if (!nearFinder) {
                    region(function, size, centres[j] - 2, centres[i] - 2, 5, 5);
                }
            }
        }
        region(function, size, 6, 9, 1, size - 17);
        region(function, size, 9, 6, size - 17, 1);
        if (version.getVersionNumber() > 6) {
            region(function, size, size - 11, 0, 3, 6);
            region(function, size, 0, size - 11, 6, 3);
        }
        return function;
    }

    private static void region(boolean[] modules, int size, int left, int top, int width, int height) {
        for (int y = top; y < top + height; y++) {
            for (int x = left; x < left + width; x++) {
                modules[y * size + x] = true;
            }
        }
    }

    /** ISO/IEC 18004 mask conditions, x the column and y the row; true flips the module. */
    static boolean maskBit(int mask, int x, int y) {
        return switch (mask) {
            case 0 -> (y + x) % 2 == 0;
            case 1 -> y % 2 == 0;
            case 2 -> x % 3 == 0;
            case 3 -> (y + x) % 3 == 0;
            case 4 -> (y / 2 + x / 3) % 2 == 0;
            case 5 -> (y * x) % 2 + (y * x) % 3 == 0;
            case 6 -> ((y * x) % 2 + (y * x) % 3) % 2 == 0;
            case 7 -> ((y * x) % 3 + (y + x) % 2) % 2 == 0;
            default -> throw new IllegalArgumentException("mask " + mask);
        };
    }

    /** The 15 format bits for error correction M and {@code mask}: BCH(15,5), then XOR 0x5412. */
    static int formatBits(int mask) {
        int data = ErrorCorrectionLevel.M.getBits() << 3 | mask;
        int remainder = data << 10;
        for (int bit = 14; bit >= 10; bit--) {
            if ((remainder >>> bit & 1) != 0) {
                remainder ^= 0x537 << (bit - 10);
            }
        }
        return (data << 10 | remainder) ^ 0x5412;
    }

    /** What depends on the version alone: the difference of each mask's matrix from mask 0's, and bounds. */
    private static final class Layout {

        final int size;
        /** Longs per line of modules, and per line with its two guard words. */
        final int words;
        final int stride;
        final long[][] rowDifference = new long[8][];
        final long[][] columnDifference = new long[8][];
        /** Bounds by position x in a line, one long per word: x <= size - 2, where a next module exists. */
        final long[] beforeLast;
        /** x <= size - 5, where five modules fit. */
        final long[] fiveFit;
        /** x >= 1. */
        final long[] notFirst;
        /** x >= 4, where four modules fit before. */
        final long[] fourBefore;
        /** x <= size - 11, where four modules fit after a 7-module pattern. */
        final long[] fourAfter;

        Layout(Version version) {
            size = version.getDimensionForVersion();
            words = (size + 63) >>> 6;
            stride = words + 2;
            beforeLast = positions(0, size - 2);
            fiveFit = positions(0, size - 5);
            notFirst = positions(1, size - 1);
            fourBefore = positions(4, size - 1);
            fourAfter = positions(0, size - 11);
            boolean[] function = functionPattern(version);
            long[][] rowOverlay = new long[8][size * stride];
            long[][] columnOverlay = new long[8][size * stride];
            for (int mask = 0; mask < 8; mask++) {
                for (int y = 0; y < size; y++) {
                    for (int x = 0; x < size; x++) {
                        if (!function[y * size + x] && maskBit(mask, x, y)) {
                            set(rowOverlay[mask], columnOverlay[mask], x, y);
                        }
                    }
                }
                // both copies of the format information, where ZXing's MatrixUtil.embedTypeInfo puts them
                int format = formatBits(mask);
                for (int i = 0; i < 15; i++) {
                    if ((format >>> i & 1) != 0) {
                        set(rowOverlay[mask], columnOverlay[mask], FORMAT_X[i], FORMAT_Y[i]);
                        set(rowOverlay[mask], columnOverlay[mask], i < 8 ? size - 1 - i : 8, i < 8 ? 8 : size - 15 + i);
                    }
                }
            }
            for (int mask = 0; mask < 8; mask++) {
                rowDifference[mask] = xor(rowOverlay[0], rowOverlay[mask]);
                columnDifference[mask] = xor(columnOverlay[0], columnOverlay[mask]);
            }
        }

        /** The index of the word that holds module i of line number {@code line}. */
        int word(int line, int i) {
            return line * stride + 1 + (i >>> 6);
        }

        private void set(long[] rows, long[] columns, int x, int y) {
            rows[word(y, x)] |= 1L << x;
            columns[word(x, y)] |= 1L << y;
        }

        private long[] positions(int from, int to) {
            long[] bits = new long[words];
            for (int i = from; i <= to; i++) {
                bits[i >>> 6] |= 1L << i;
            }
            return bits;
        }

        private static long[] xor(long[] a, long[] b) {
            long[] result = new long[a.length];
            for (int i = 0; i < a.length; i++) {
                result[i] = a[i] ^ b[i];
            }
            return result;
        }
    }
}

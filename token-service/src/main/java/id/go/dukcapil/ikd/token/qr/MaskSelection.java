package id.go.dukcapil.ikd.token.qr;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.util.Arrays;

import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;
import com.google.zxing.qrcode.decoder.Version;
import com.google.zxing.qrcode.encoder.QRCode;

/**
 * ZXing's choice of the best mask, made fast. ZXing encodes once with mask 0; the matrix for mask k
 * differs from that one only in the data modules (mask 0 off, mask k on) and in the format
 * information, so it is the mask-0 matrix XOR a difference that depends on the version alone. Each
 * candidate is then scored bit-parallel with exactly the penalty rules of ZXing 3.5.3's
 * {@code MaskUtil}, and the first lowest penalty wins, as in {@code Encoder.chooseMaskPattern}.
 *
 * <p>The modules are held as <em>lanes</em>: for each index i from 0 to size - 1, a vector of
 * 2 * size bits, lane x (x &lt; size) being module (x, i) of row i and lane size + y module (i, y)
 * of column i. Rules 1 and 3 then compare the vectors at i, i + 1, ... lane by lane, which walks
 * down the columns in the rows' lanes and along the rows in the columns' lanes: the same word
 * operations for both, without shifts, and the rows and columns share words (3 per index for a
 * version-17 code, not 4). The vectors are stored word by word ("planes"): word k at index i is
 * {@code k * size + i}, so that walking i reads consecutive longs.
 */
final class MaskSelection {

    private static final int N1 = 3;
    private static final int N2 = 3;
    private static final int N3 = 40;
    private static final int N4 = 10;
    /** The first copy of format bit i (0 = least significant), beside the top-left finder pattern. */
    private static final int[] FORMAT_X = { 8, 8, 8, 8, 8, 8, 8, 8, 7, 5, 4, 3, 2, 1, 0 };
    private static final int[] FORMAT_Y = { 0, 1, 2, 3, 4, 5, 7, 8, 8, 8, 8, 8, 8, 8, 8 };
    /**
     * Dark guard words before and after each plane of the scoring copy, for rule 3's four modules
     * before a pattern and four after it (the last pattern ends on the matrix's last module).
     */
    private static final int GUARD_BEFORE = 4;
    private static final int GUARD_AFTER = 4;
    /** Eight bytes of a ByteMatrix row as one long, byte j in bits 8j to 8j + 7. */
    private static final VarHandle EIGHT_BYTES = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    private static final long LOW_BIT_OF_EACH_BYTE = 0x0101010101010101L;
    private static final LazyTable<Layout> LAYOUTS = new LazyTable<>(41, v -> new Layout(Version.getVersionForNumber(v)));

    private final Layout layout;
    /** The mask-0 modules as lanes, plane by plane; never written after the constructor. */
    private final long[] lanes;

    private MaskSelection(QRCode maskZero) {
        if (maskZero.getMaskPattern() != 0 || maskZero.getECLevel() != ErrorCorrectionLevel.M) {
            throw new IllegalArgumentException("needs a code encoded at error correction M with mask 0");
        }
        layout = LAYOUTS.get(maskZero.getVersion().getVersionNumber());
        lanes = layout.lanes(maskZero.getMatrix().getArray());
    }

    /** The candidates for a code that ZXing encoded at error correction M with mask 0. */
    static MaskSelection of(QRCode maskZero) {
        return new MaskSelection(maskZero);
    }

    /** The mask ZXing would choose: the lowest penalty, the lowest mask number on a tie. */
    int best() {
        long[] candidate = layout.scoringCopy();
        int best = 0;
        int lowest = Integer.MAX_VALUE;
        for (int mask = 0; mask < 8; mask++) {
            // a later mask must be strictly lower to win, so its scoring may stop once it reaches the lowest
            int penalty = penalty(mask, candidate, lowest);
            if (penalty < lowest) {
                lowest = penalty;
                best = mask;
            }
        }
        return best;
    }

    /** The penalty of the matrix with {@code mask}, as ZXing's {@code Encoder.calculateMaskPenalty} computes it. */
    int penalty(int mask) {
        return penalty(mask, layout.scoringCopy(), Integer.MAX_VALUE);
    }

    /** The modules with {@code mask}, as ZXing places them with that mask. */
    QrCodes.Matrix matrix(int mask) {
        int size = layout.size;
        int words = layout.rowWords;
        long[] difference = layout.difference[mask];
        long[] rows = new long[size * words];
        // the rows' lanes come first, so module (x, y) is bit x of the vector at index y: word k of
        // row y is the vector's word k, less the column lanes that follow the row in it
        for (int k = 0; k < words; k++) {
            long rowLanes = layout.rowLanes[k];
            for (int y = 0; y < size; y++) {
                int at = k * size + y;
                rows[y * words + k] = (lanes[at] ^ difference[at]) & rowLanes;
            }
        }
        return new QrCodes.Matrix(layout.version, size, rows);
    }

    /**
     * The exact penalty of the matrix with {@code mask} if it is below {@code bound}; otherwise some
     * value of at least {@code bound}, since every rule adds a non-negative amount.
     */
    private int penalty(int mask, long[] candidate, int bound) {
        Layout l = layout;
        int size = l.size;
        int stride = l.planeStride;
        long[] difference = l.difference[mask];
        int lanesDark = 0;
        for (int k = 0; k < l.planes; k++) {
            int from = k * size;
            int to = k * stride + GUARD_BEFORE;
            for (int i = 0; i < size; i++) {
                long bits = lanes[from + i] ^ difference[from + i];
                candidate[to + i] = bits;
                lanesDark += Long.bitCount(bits);
            }
        }
        // each module is in the lanes twice, in its row and in its column (rule 4)
        int dark = lanesDark / 2;
        int total = size * size;
        int penalty = N4 * (Math.abs(dark * 2 - total) * 10 / total) + N2 * sameColourBlocks(candidate, l);
        for (int k = 0; k < l.planes && penalty < bound; k++) {
            penalty += runsAndFinderLikes(candidate, k * stride + GUARD_BEFORE, l.laneWords[k], size);
        }
        return penalty;
    }

    /**
     * Rules 1 and 3 along the lines of one plane's lanes, walking the index i along them. Rule 1: each
     * run of L >= 5 modules of one colour costs N1 + (L - 5); a run of L has L - 4 positions where five
     * equal modules begin, so it costs that count plus N1 - 1 for the run's first position, the one
     * whose predecessor is not such a position. Rule 3 as ZXing counts it: dark-light-dark-dark-dark-
     * light-dark beginning at i, with four light modules inside the matrix just before it (i >= 4) or
     * just after it (i + 11 <= size), counted once per i. The guard words are dark, so four modules
     * that reach beyond the matrix are never light, which are exactly ZXing's bounds.
     */
    private static int runsAndFinderLikes(long[] plane, int start, long lanesInWord, int size) {
        int runs = 0;
        int finderLikes = 0;
        long previousFive = 0;
        long d1 = plane[start] ^ plane[start + 1];
        long d2 = plane[start + 1] ^ plane[start + 2];
        long d3 = plane[start + 2] ^ plane[start + 3];
        int end = start + size - 6;
        for (int at = start; at < end; at++) {
            long m0 = plane[at];
            long m1 = plane[at + 1];
            long m2 = plane[at + 2];
            long m3 = plane[at + 3];
            long m4 = plane[at + 4];
            long d0 = d1;
            d1 = d2;
            d2 = d3;
            d3 = m3 ^ m4;
            long fiveEqual = ~(d0 | d1 | d2 | d3) & lanesInWord;
            runs += Long.bitCount(fiveEqual) + (N1 - 1) * Long.bitCount(fiveEqual & ~previousFive);
            previousFive = fiveEqual;
            long pattern = m0 & m2 & m3 & m4 & plane[at + 6] & ~(m1 | plane[at + 5]);
            long darkBefore = plane[at - 1] | plane[at - 2] | plane[at - 3] | plane[at - 4];
            long darkAfter = plane[at + 7] | plane[at + 8] | plane[at + 9] | plane[at + 10];
            finderLikes += Long.bitCount(pattern & ~(darkBefore & darkAfter));
        }
        // the last two positions where five modules fit, too near the end for the 7-module pattern
        for (int at = end; at < end + 2; at++) {
            long d0 = d1;
            d1 = d2;
            d2 = d3;
            d3 = plane[at + 3] ^ plane[at + 4];
            long fiveEqual = ~(d0 | d1 | d2 | d3) & lanesInWord;
            runs += Long.bitCount(fiveEqual) + (N1 - 1) * Long.bitCount(fiveEqual & ~previousFive);
            previousFive = fiveEqual;
        }
        return runs + N3 * finderLikes;
    }

    /**
     * Rule 2: the 2x2 blocks of one colour, counted by their top-left module (x, y), x and y at most
     * size - 2, in the rows' lanes: bit x of the vectors at y and y + 1, and bit x + 1 beside them
     * (from the next plane at bit 63).
     */
    private static int sameColourBlocks(long[] candidate, Layout l) {
        int stride = l.planeStride;
        int count = 0;
        for (int k = 0; k < l.rowWords; k++) {
            long topLeft = l.blockCorners[k];
            int at = k * stride + GUARD_BEFORE;
            int end = at + l.size - 1;
            int nextPlane = stride; // the scoring copy has a spare plane after the last
            long top = candidate[at];
            long topRight = top >>> 1 | candidate[at + nextPlane] << 63;
            for (; at < end; at++) {
                long bottom = candidate[at + 1];
                long bottomRight = bottom >>> 1 | candidate[at + 1 + nextPlane] << 63;
                count += Long.bitCount(~((top ^ bottom) | (topRight ^ bottomRight) | (top ^ topRight)) & topLeft);
                top = bottom;
                topRight = bottomRight;
            }
        }
        return count;
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

    /** What depends on the version alone, built once and then only read. */
    private static final class Layout {

        final int version;
        final int size;
        /** Longs per row of modules. */
        final int rowWords;
        /** Longs per vector of 2 * size lanes. */
        final int planes;
        /** The length of a plane in the scoring copy, with its guards. */
        final int planeStride;
        /** By mask, the lanes of its matrix XOR those of mask 0's, plane by plane like the lanes. */
        final long[][] difference = new long[8][];
        /** By word, the lanes that exist (lane < 2 * size). */
        final long[] laneWords;
        /** By word, the rows' lanes (lane < size). */
        final long[] rowLanes;
        /** By word, the rows' lanes x <= size - 2, where a 2x2 block can have its top-left module. */
        final long[] blockCorners;
        /** A scoring copy before any candidate: dark everywhere, so that the guards are dark. */
        private final long[] darkCopy;

        Layout(Version version) {
            this.version = version.getVersionNumber();
            size = version.getDimensionForVersion();
            rowWords = (size + 63) >>> 6;
            planes = (2 * size + 63) >>> 6;
            planeStride = GUARD_BEFORE + size + GUARD_AFTER;
            laneWords = lanesBetween(0, 2 * size - 1);
            rowLanes = lanesBetween(0, size - 1);
            blockCorners = lanesBetween(0, size - 2);
            darkCopy = new long[(planes + 1) * planeStride];
            Arrays.fill(darkCopy, -1L);
            boolean[] function = functionPattern(version);
            long[][] overlay = new long[8][];
            for (int mask = 0; mask < 8; mask++) {
                byte[][] flipped = new byte[size][size];
                for (int y = 0; y < size; y++) {
                    for (int x = 0; x < size; x++) {
                        if (!function[y * size + x] && maskBit(mask, x, y)) {
                            flipped[y][x] = 1;
                        }
                    }
                }
                // both copies of the format information, where ZXing's MatrixUtil.embedTypeInfo puts them
                int format = formatBits(mask);
                for (int i = 0; i < 15; i++) {
                    if ((format >>> i & 1) != 0) {
                        flipped[FORMAT_Y[i]][FORMAT_X[i]] = 1;
                        flipped[i < 8 ? 8 : size - 15 + i][i < 8 ? size - 1 - i : 8] = 1;
                    }
                }
                overlay[mask] = lanes(flipped);
            }
            for (int mask = 0; mask < 8; mask++) {
                difference[mask] = new long[overlay[0].length];
                for (int i = 0; i < overlay[0].length; i++) {
                    difference[mask][i] = overlay[0][i] ^ overlay[mask][i];
                }
            }
        }

        /** A copy to score candidates in: each plane between guard words, then a spare plane. */
        long[] scoringCopy() {
            return darkCopy.clone();
        }

        /**
         * The lanes of a matrix of 0 and 1 (ZXing's finished matrices hold nothing else), read eight
         * modules at a time. Rows: one multiplication gathers the low bits of eight bytes, byte j times
         * 2^(56 - 7j) landing in bit 56 + j with no two partial products on the same bit. Columns: the
         * same eight modules of eight rows, row u shifted left by u and ORed, make byte t hold column t
         * of the eight rows: an 8x8 transpose in fifteen operations, spread into the column lanes.
         */
        long[] lanes(byte[][] modules) {
            long[] lanes = new long[planes * size];
            int chunks = (size + 7) >>> 3;
            for (int y = 0; y < size; y++) {
                byte[] row = modules[y];
                for (int j = 0; j < rowWords; j++) {
                    long word = 0;
                    for (int c = 8 * j, end = Math.min(chunks, c + 8); c < end; c++) {
                        word |= (eightModules(row, c) * 0x0102040810204080L >>> 56) << (8 * (c & 7));
                    }
                    lanes[j * size + y] = word;
                }
            }
            for (int y0 = 0; y0 < size; y0 += 8) {
                int lane = size + y0;
                int word = lane >>> 6;
                int shift = lane & 63;
                boolean spills = shift > 56 && word + 1 < planes;
                int rows = Math.min(8, size - y0);
                for (int c = 0; c < chunks; c++) {
                    long transposed = 0;
                    for (int u = 0; u < rows; u++) {
                        transposed |= eightModules(modules[y0 + u], c) << u;
                    }
                    for (int t = 0, x = 8 * c, n = Math.min(8, size - x); t < n; t++, x++) {
                        long column = transposed >>> (8 * t) & 0xFF;
                        lanes[word * size + x] |= column << shift;
                        if (spills) {
                            lanes[(word + 1) * size + x] |= column >>> (64 - shift);
                        }
                    }
                }
            }
            return lanes;
        }

        /** Modules 8c to 8c + 7 of a row, one per byte (0 or 1); past the row's end, 0. */
        private long eightModules(byte[] row, int c) {
            int from = 8 * c;
            if (from + 8 <= size) {
                return (long) EIGHT_BYTES.get(row, from) & LOW_BIT_OF_EACH_BYTE;
            }
            // the row's last eight bytes, of which the first are done already (size >= 21)
            return (long) EIGHT_BYTES.get(row, size - 8) >>> (8 * (from + 8 - size)) & LOW_BIT_OF_EACH_BYTE;
        }

        private long[] lanesBetween(int from, int to) {
            long[] bits = new long[planes];
            for (int i = from; i <= to; i++) {
                bits[i >>> 6] |= 1L << i;
            }
            return bits;
        }
    }
}

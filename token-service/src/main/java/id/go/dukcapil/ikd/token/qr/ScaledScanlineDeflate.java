package id.go.dukcapil.ikd.token.qr;

import java.util.Arrays;

/**
 * The zlib stream (RFC 1950/1951) of a PNG image whose rows come in groups of {@code scale}
 * identical scanlines, as a QR code drawn at {@code scale} pixels per module does: the first
 * scanline of each group as given (filter byte included), the {@code scale - 1} below it with
 * PNG's Up filter, that is a filter byte 2 and zeros.
 *
 * <p>Why not {@link java.util.zip.Deflater}: zlib searches the whole image for matches and spends
 * about 60 µs per QR PNG on it, the largest cost of a fresh image. Here the matches are known in
 * advance: the Up-filtered copies repeat those of the group above (one match per group), and a
 * group equal to the one above is one match. The first lines are literals, few distinct ones (a
 * 1-bit row at 4 px per module has four byte values), coded with a Huffman code built for this
 * image; nothing is searched. The stream is read by any inflater; the tests inflate it
 * with the JDK's zlib and read the PNG with ImageIO, ZXing and zbarimg.
 */
final class ScaledScanlineDeflate {

    private static final int MIN_MATCH = 3;
    private static final int MAX_MATCH = 258;
    private static final int MAX_DISTANCE = 32_768;
    private static final int END_OF_BLOCK = 256;
    private static final int LITERAL_LENGTH_SYMBOLS = 286;
    private static final int DISTANCE_SYMBOLS = 30;
    private static final int CODE_LENGTH_SYMBOLS = 19;
    private static final int MAX_CODE_BITS = 15;
    private static final int MAX_CODE_LENGTH_BITS = 7;

    private static final int[] LENGTH_BASE = { 3, 4, 5, 6, 7, 8, 9, 10, 11, 13, 15, 17, 19, 23, 27, 31, 35, 43, 51, 59,
            67, 83, 99, 115, 131, 163, 195, 227, 258 };
    private static final int[] LENGTH_EXTRA = { 0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 2, 2, 2, 2, 3, 3, 3, 3, 4, 4, 4, 4,
            5, 5, 5, 5, 0 };
    private static final int[] DISTANCE_BASE = { 1, 2, 3, 4, 5, 7, 9, 13, 17, 25, 33, 49, 65, 97, 129, 193, 257, 385,
            513, 769, 1025, 1537, 2049, 3073, 4097, 6145, 8193, 12289, 16385, 24577 };
    private static final int[] DISTANCE_EXTRA = { 0, 0, 0, 0, 1, 1, 2, 2, 3, 3, 4, 4, 5, 5, 6, 6, 7, 7, 8, 8, 9, 9, 10,
            10, 11, 11, 12, 12, 13, 13 };
    /** The order in which the code-length code's lengths are written (RFC 1951, 3.2.7). */
    private static final int[] CODE_LENGTH_ORDER = { 16, 17, 18, 0, 8, 7, 9, 6, 10, 5, 11, 4, 12, 3, 13, 2, 14, 1, 15 };
    /** Length code index (into LENGTH_BASE) of each match length 0..258. */
    private static final byte[] LENGTH_INDEX = new byte[MAX_MATCH + 1];
    private static final byte[] FIXED_LITERAL_LENGTHS = new byte[288];
    private static final byte[] FIXED_DISTANCE_LENGTHS = new byte[DISTANCE_SYMBOLS];

    static {
        for (int i = 0; i < LENGTH_BASE.length; i++) {
            int last = i + 1 < LENGTH_BASE.length ? LENGTH_BASE[i + 1] - 1 : MAX_MATCH;
            for (int length = LENGTH_BASE[i]; length <= last && length <= MAX_MATCH; length++) {
                LENGTH_INDEX[length] = (byte) i;
            }
        }
        Arrays.fill(FIXED_LITERAL_LENGTHS, 0, 144, (byte) 8);
        Arrays.fill(FIXED_LITERAL_LENGTHS, 144, 256, (byte) 9);
        Arrays.fill(FIXED_LITERAL_LENGTHS, 256, 280, (byte) 7);
        Arrays.fill(FIXED_LITERAL_LENGTHS, 280, 288, (byte) 8);
        Arrays.fill(FIXED_DISTANCE_LENGTHS, (byte) 5);
    }

    private ScaledScanlineDeflate() {
    }

    /**
     * {@code firstLines} holds the first scanline of each group, {@code lineBytes} each (filter
     * byte first); the image has {@code scale} scanlines per group.
     */
    static byte[] zlib(byte[] firstLines, int lineBytes, int scale) {
        return zlib(firstLines, lineBytes, scale, false);
    }

    /** {@code fixedCodes}: the block with the RFC's fixed Huffman codes (the fallback, tested on its own). */
    static byte[] zlib(byte[] firstLines, int lineBytes, int scale, boolean fixedCodes) {
        if (lineBytes < MIN_MATCH || scale < 1 || firstLines.length % lineBytes != 0 || (long) scale * lineBytes > MAX_DISTANCE) {
            throw new IllegalArgumentException("unsupported image shape");
        }
        Image image = new Image(firstLines, lineBytes, scale);
        Counts counts = new Counts();
        image.walk(counts);
        BitWriter out = new BitWriter(firstLines.length / 3 + 256);
        out.bits(0x78, 8).bits(0x01, 8); // zlib header: deflate, 32 KB window, no dictionary (0x7801 % 31 == 0)
        if (fixedCodes || !writeDynamicBlock(out, image, counts)) {
            out.bits(1, 1).bits(1, 2); // final block, fixed Huffman codes
            image.walk(new Symbols(out, FIXED_LITERAL_LENGTHS, FIXED_DISTANCE_LENGTHS));
        }
        out.flushToByte();
        long adler = image.adler32();
        out.bits((int) (adler >>> 24) & 0xff, 8).bits((int) (adler >>> 16) & 0xff, 8)
                .bits((int) (adler >>> 8) & 0xff, 8).bits((int) adler & 0xff, 8);
        return out.toByteArray();
    }

    /** What {@link Image#walk} produces: literals and matches, counted or written. */
    private interface Sink {

        void literals(byte[] bytes, int from, int to);

        /** A match of length 3..258 at distance 1..32768. */
        void match(int length, int distance);

        void end();
    }

    /** The image as deflate symbols; walked once to count them and once to write them. */
    private record Image(byte[] firstLines, int lineBytes, int scale) {

        void walk(Sink sink) {
            int groupBytes = scale * lineBytes;
            for (int line = 0; line < firstLines.length; line += lineBytes) {
                if (line > 0 && Arrays.equals(firstLines, line, line + lineBytes, firstLines, line - lineBytes, line)) {
                    match(sink, groupBytes, groupBytes); // the whole group again, copies included
                    continue;
                }
                // no search for runs within a line: a QR's runs are short, and looking costs more than it saves
                sink.literals(firstLines, line, line + lineBytes);
                if (scale == 1) {
                    continue;
                }
                if (line > 0) {
                    match(sink, (scale - 1) * lineBytes, groupBytes); // the copies of the group above
                } else {
                    sink.literals(UP_FILTER_START, 0, 2); // the first copy spelt out, the others repeat it
                    if (lineBytes - 2 >= MIN_MATCH) {
                        match(sink, lineBytes - 2, 1);
                    } else {
                        sink.literals(UP_FILTER_START, 1, lineBytes - 1);
                    }
                    if (scale > 2) {
                        match(sink, (scale - 2) * lineBytes, lineBytes);
                    }
                }
            }
            sink.end();
        }

        /** A match of any length, in pieces of at most 258 that are each at least 3 long. */
        private static void match(Sink sink, int length, int distance) {
            while (length > 0) {
                int piece = length <= MAX_MATCH ? length : length - MAX_MATCH < MIN_MATCH ? length - MIN_MATCH : MAX_MATCH;
                sink.match(piece, distance);
                length -= piece;
            }
        }

        /** Adler-32 (RFC 1950) of the whole filtered image: each first line, then its Up-filtered copies. */
        long adler32() {
            final int modulus = 65_521;
            long a = 1;
            long b = 0;
            for (int line = 0; line < firstLines.length; line += lineBytes) {
                for (int i = line; i < line + lineBytes; i++) {
                    a += firstLines[i] & 0xff;
                    b += a;
                }
                a %= modulus;
                b %= modulus;
                for (int copy = 1; copy < scale; copy++) {
                    // the byte 2, then lineBytes - 1 zeros that leave a as it is and add it to b each time
                    a = (a + 2) % modulus;
                    b = (b + a * lineBytes) % modulus;
                }
            }
            return b << 16 | a;
        }
    }

    /** The filter byte of an Up-filtered line and the zeros after it. */
    private static final byte[] UP_FILTER_START = { 2, 0, 0 };

    private static final class Counts implements Sink {
        final int[] literalLengths = new int[LITERAL_LENGTH_SYMBOLS];
        final int[] distances = new int[DISTANCE_SYMBOLS];

        @Override
        public void literals(byte[] bytes, int from, int to) {
            for (int i = from; i < to; i++) {
                literalLengths[bytes[i] & 0xff]++;
            }
        }

        @Override
        public void match(int length, int distance) {
            literalLengths[257 + LENGTH_INDEX[length]]++;
            distances[distanceIndex(distance)]++;
        }

        @Override
        public void end() {
            literalLengths[END_OF_BLOCK]++;
        }
    }

    /** Writes the symbols with the codes of the given lengths; each code with its length packed in one int. */
    private static final class Symbols implements Sink {
        private final BitWriter out;
        private final int[] literalLengthCodes;
        private final int[] distanceCodes;

        Symbols(BitWriter out, byte[] literalLengths, byte[] distanceLengths) {
            this.out = out;
            this.literalLengthCodes = packedCodes(literalLengths);
            this.distanceCodes = packedCodes(distanceLengths);
        }

        private static int[] packedCodes(byte[] lengths) {
            int[] codes = canonicalCodes(lengths);
            for (int symbol = 0; symbol < codes.length; symbol++) {
                codes[symbol] |= lengths[symbol] << 16;
            }
            return codes;
        }

        @Override
        public void literals(byte[] bytes, int from, int to) {
            for (int i = from; i < to; i++) {
                int code = literalLengthCodes[bytes[i] & 0xff];
                out.bits(code & 0xffff, code >>> 16);
            }
        }

        @Override
        public void match(int length, int distance) {
            int lengthIndex = LENGTH_INDEX[length];
            int lengthCode = literalLengthCodes[257 + lengthIndex];
            int lengthBits = lengthCode >>> 16;
            out.bits(lengthCode & 0xffff | (length - LENGTH_BASE[lengthIndex]) << lengthBits, lengthBits + LENGTH_EXTRA[lengthIndex]);
            int distanceIndex = distanceIndex(distance);
            int distanceCode = distanceCodes[distanceIndex];
            int distanceBits = distanceCode >>> 16;
            out.bits(distanceCode & 0xffff | (distance - DISTANCE_BASE[distanceIndex]) << distanceBits,
                    distanceBits + DISTANCE_EXTRA[distanceIndex]);
        }

        @Override
        public void end() {
            int code = literalLengthCodes[END_OF_BLOCK];
            out.bits(code & 0xffff, code >>> 16);
        }
    }

    /** A dynamic-Huffman block; false (nothing written) when a code would be longer than deflate allows. */
    private static boolean writeDynamicBlock(BitWriter out, Image image, Counts counts) {
        byte[] literalLengths = HuffmanLengths.of(counts.literalLengths, MAX_CODE_BITS);
        byte[] distanceLengths = HuffmanLengths.of(counts.distances, MAX_CODE_BITS);
        if (literalLengths == null || distanceLengths == null) {
            return false;
        }
        int literalCount = Math.max(257, lastNonZero(literalLengths) + 1);
        int distanceCount = Math.max(1, lastNonZero(distanceLengths) + 1);
        byte[] all = new byte[literalCount + distanceCount];
        System.arraycopy(literalLengths, 0, all, 0, literalCount);
        System.arraycopy(distanceLengths, 0, all, literalCount, distanceCount);
        // the code lengths, run-length coded: 16 repeats the previous length 3-6 times, 17 and 18 are runs of zeros
        int[] lengthTokens = new int[all.length];
        int lengthTokenCount = 0;
        int[] codeLengthCounts = new int[CODE_LENGTH_SYMBOLS];
        for (int i = 0; i < all.length; ) {
            int value = all[i];
            int run = 1;
            while (i + run < all.length && all[i + run] == value) {
                run++;
            }
            i += run;
            if (value == 0) {
                while (run >= 3) {
                    int piece = Math.min(run, 138);
                    int symbol = piece >= 11 ? 18 : 17;
                    lengthTokens[lengthTokenCount++] = symbol | (piece - (symbol == 18 ? 11 : 3)) << 8;
                    codeLengthCounts[symbol]++;
                    run -= piece;
                }
            } else {
                lengthTokens[lengthTokenCount++] = value;
                codeLengthCounts[value]++;
                run--;
                while (run >= 3) {
                    int piece = Math.min(run, 6);
                    lengthTokens[lengthTokenCount++] = 16 | (piece - 3) << 8;
                    codeLengthCounts[16]++;
                    run -= piece;
                }
            }
            for (; run > 0; run--) {
                lengthTokens[lengthTokenCount++] = value;
                codeLengthCounts[value]++;
            }
        }
        byte[] codeLengthLengths = HuffmanLengths.of(codeLengthCounts, MAX_CODE_LENGTH_BITS);
        if (codeLengthLengths == null) {
            return false;
        }
        int codeLengthCount = CODE_LENGTH_SYMBOLS;
        while (codeLengthCount > 4 && codeLengthLengths[CODE_LENGTH_ORDER[codeLengthCount - 1]] == 0) {
            codeLengthCount--;
        }
        out.bits(1, 1).bits(2, 2); // final block, dynamic Huffman codes
        out.bits(literalCount - 257, 5).bits(distanceCount - 1, 5).bits(codeLengthCount - 4, 4);
        for (int i = 0; i < codeLengthCount; i++) {
            out.bits(codeLengthLengths[CODE_LENGTH_ORDER[i]], 3);
        }
        int[] codeLengthCodes = canonicalCodes(codeLengthLengths);
        for (int i = 0; i < lengthTokenCount; i++) {
            int symbol = lengthTokens[i] & 0xff;
            out.bits(codeLengthCodes[symbol], codeLengthLengths[symbol]);
            if (symbol >= 16) {
                out.bits(lengthTokens[i] >>> 8, symbol == 16 ? 2 : symbol == 17 ? 3 : 7);
            }
        }
        image.walk(new Symbols(out, literalLengths, distanceLengths));
        return true;
    }

    /** The distance code of a distance 1..32768 (RFC 1951, 3.2.5): two codes per power of two past 4. */
    static int distanceIndex(int distance) {
        if (distance <= 4) {
            return distance - 1;
        }
        int log = 31 - Integer.numberOfLeadingZeros(distance - 1);
        return 2 * log + ((distance - 1) >>> (log - 1) & 1);
    }

    private static int lastNonZero(byte[] lengths) {
        int last = lengths.length - 1;
        while (last >= 0 && lengths[last] == 0) {
            last--;
        }
        return last;
    }

    /** Canonical Huffman codes for the lengths (RFC 1951, 3.2.2), bit-reversed: deflate sends codes from their top bit. */
    private static int[] canonicalCodes(byte[] lengths) {
        int[] lengthCounts = new int[MAX_CODE_BITS + 1];
        for (byte length : lengths) {
            lengthCounts[length]++;
        }
        lengthCounts[0] = 0;
        int[] next = new int[MAX_CODE_BITS + 2];
        for (int bits = 1, code = 0; bits <= MAX_CODE_BITS; bits++) {
            code = (code + lengthCounts[bits - 1]) << 1;
            next[bits] = code;
        }
        int[] codes = new int[lengths.length];
        for (int symbol = 0; symbol < lengths.length; symbol++) {
            int length = lengths[symbol];
            if (length > 0) {
                codes[symbol] = Integer.reverse(next[length]++) >>> (32 - length);
            }
        }
        return codes;
    }

    /** Huffman code lengths from symbol counts. */
    static final class HuffmanLengths {

        private HuffmanLengths() {
        }

        /**
         * Optimal code lengths for the symbols counted (0 for those not used), or null when one would
         * exceed {@code maxBits}. At least two symbols get a code, so that every code is complete (some
         * inflaters refuse a one-symbol code).
         */
        static byte[] of(int[] counts, int maxBits) {
            int symbols = counts.length;
            int used = 0;
            for (int count : counts) {
                if (count > 0) {
                    used++;
                }
            }
            int[] weights = counts.clone();
            for (int symbol = 0; used < 2 && symbol < symbols; symbol++) {
                if (weights[symbol] == 0) {
                    weights[symbol] = 1;
                    used++;
                }
            }
            // leaves sorted by weight, then internal nodes made in order of weight (two-queue Huffman)
            long[] leaves = new long[used];
            int n = 0;
            for (int symbol = 0; symbol < symbols; symbol++) {
                if (weights[symbol] > 0) {
                    leaves[n++] = (long) weights[symbol] << 32 | symbol;
                }
            }
            Arrays.sort(leaves);
            int nodes = 2 * used - 1;
            long[] weight = new long[nodes];
            int[] parent = new int[nodes];
            for (int i = 0; i < used; i++) {
                weight[i] = leaves[i] >>> 32;
            }
            int nextLeaf = 0;
            int nextInternal = used;
            for (int made = used; made < nodes; made++) {
                int first = nextLeaf < used && (nextInternal >= made || weight[nextLeaf] <= weight[nextInternal]) ? nextLeaf++ : nextInternal++;
                int second = nextLeaf < used && (nextInternal >= made || weight[nextLeaf] <= weight[nextInternal]) ? nextLeaf++ : nextInternal++;
                weight[made] = weight[first] + weight[second];
                parent[first] = made;
                parent[second] = made;
            }
            int[] depth = new int[nodes];
            byte[] lengths = new byte[symbols];
            for (int node = nodes - 2; node >= 0; node--) {
                depth[node] = depth[parent[node]] + 1;
            }
            for (int i = 0; i < used; i++) {
                if (depth[i] > maxBits) {
                    return null;
                }
                lengths[(int) leaves[i]] = (byte) depth[i];
            }
            return lengths;
        }
    }

    /** Bits least significant first into bytes, as deflate packs them. */
    private static final class BitWriter {
        private byte[] bytes;
        private int size;
        private long buffer;
        private int buffered;

        BitWriter(int capacity) {
            bytes = new byte[capacity];
        }

        BitWriter bits(int value, int count) {
            buffer |= (long) value << buffered;
            buffered += count;
            if (buffered >= 32) {
                ensure(4);
                bytes[size++] = (byte) buffer;
                bytes[size++] = (byte) (buffer >>> 8);
                bytes[size++] = (byte) (buffer >>> 16);
                bytes[size++] = (byte) (buffer >>> 24);
                buffer >>>= 32;
                buffered -= 32;
            }
            return this;
        }

        void flushToByte() {
            while (buffered > 0) {
                ensure(1);
                bytes[size++] = (byte) buffer;
                buffer >>>= 8;
                buffered = Math.max(0, buffered - 8);
            }
            buffer = 0;
        }

        byte[] toByteArray() {
            flushToByte();
            return Arrays.copyOf(bytes, size);
        }

        private void ensure(int more) {
            if (size + more > bytes.length) {
                bytes = Arrays.copyOf(bytes, Math.max(bytes.length * 2, size + more));
            }
        }
    }
}

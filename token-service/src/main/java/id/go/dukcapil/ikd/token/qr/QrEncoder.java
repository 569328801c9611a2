package id.go.dukcapil.ikd.token.qr;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Map;

import com.google.zxing.EncodeHintType;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;
import com.google.zxing.qrcode.decoder.Mode;
import com.google.zxing.qrcode.decoder.Version;
import com.google.zxing.qrcode.encoder.ByteMatrix;
import com.google.zxing.qrcode.encoder.QRCode;

/**
 * ZXing's {@code Encoder.encode(text, M, mask 0)}, module for module, many times faster (about 20
 * times for a token's version-17 code). ZXing stays the reference: this class takes only the case
 * that tokens need (byte mode, ISO-8859-1) and hands every other text to ZXing. The speed comes from
 * doing once per version what ZXing redoes for every code (function patterns, format and version
 * information, the zig-zag order of the data modules: a cached template), from writing codewords
 * straight into a byte array instead of a BitArray, and from a table-driven Reed-Solomon shift
 * register instead of ZXing's polynomial objects; a code then costs the codewords, their remainders
 * and one XOR per data bit.
 */
final class QrEncoder {

    private static final Map<EncodeHintType, ?> MASK_ZERO = Map.of(EncodeHintType.QR_MASK_PATTERN, 0);
    private static final ErrorCorrectionLevel LEVEL = ErrorCorrectionLevel.M;
    /** The characters of ZXing's alphanumeric table; a text made of these (or digits) is not byte mode. */
    private static final String ALPHANUMERIC = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ $%*+-./:";
    private static final boolean[] NOT_BYTE_MODE = new boolean[0x100];
    /** GF(256) with ZXing's QR polynomial 0x011D: EXP[i] = 2^i, LOG its inverse. */
    private static final int[] EXP = new int[512];
    private static final int[] LOG = new int[256];
    /** Data codewords at level M by version, to choose a version without walking ZXing's objects. */
    private static final int[] DATA_CODEWORDS = new int[41];
    /** By error correction codewords per block: the generator's products, see products(int). */
    private static final LazyTable<long[]> GENERATORS = new LazyTable<>(33, QrEncoder::products);
    private static final LazyTable<Layout> LAYOUTS = new LazyTable<>(41, v -> new Layout(Version.getVersionForNumber(v)));

    static {
        for (int i = 0; i < ALPHANUMERIC.length(); i++) {
            NOT_BYTE_MODE[ALPHANUMERIC.charAt(i)] = true;
        }
        int x = 1;
        for (int i = 0; i < 255; i++) {
            EXP[i] = x;
            LOG[x] = i;
            x <<= 1;
            if (x >= 0x100) {
                x ^= 0x011D;
            }
        }
        // two periods, so that a sum of two logarithms needs no modulo
        for (int i = 255; i < 510; i++) {
            EXP[i] = EXP[i - 255];
        }
        for (int v = 1; v <= 40; v++) {
            Version version = Version.getVersionForNumber(v);
            DATA_CODEWORDS[v] = version.getTotalCodewords() - version.getECBlocksForLevel(LEVEL).getTotalECCodewords();
        }
    }

    private QrEncoder() {
    }

    /** The code ZXing's {@code Encoder.encode(text, M, {QR_MASK_PATTERN: 0})} gives. */
    static QRCode maskZero(String text) {
        int length = text.length();
        boolean byteMode = false;
        for (int i = 0; i < length; i++) {
            char c = text.charAt(i);
            if (c > 0xFF) {
                // ZXing writes '?' for it in ISO-8859-1; rare enough to leave to ZXing
                return zxing(text);
            }
            byteMode |= !NOT_BYTE_MODE[c];
        }
        if (!byteMode) {
            // numeric, alphanumeric, or empty
            return zxing(text);
        }
        // ZXing's recommendVersion: bits with version 1's count field, then again with the count
        // field of the version so chosen; 4 bits of mode indicator before the count
        int provisional = chooseVersion(4 + Mode.BYTE.getCharacterCountBits(Version.getVersionForNumber(1)) + 8 * length);
        if (provisional == 0) {
            return zxing(text); // too long: ZXing throws
        }
        int number = chooseVersion(4 + Mode.BYTE.getCharacterCountBits(Version.getVersionForNumber(provisional)) + 8 * length);
        if (number == 0) {
            return zxing(text);
        }
        Version version = Version.getVersionForNumber(number);
        Layout layout = LAYOUTS.get(number);
        // ZXing writes the count with the final version's field width; were it wider than the one the
        // version was chosen with, ZXing's own checks would decide (never for byte mode at M, in fact)
        int countBits = Mode.BYTE.getCharacterCountBits(version);
        int countBytes = countBits / 8;
        if (length >= 1 << countBits || countBytes + length + 1 > layout.dataCodewords) {
            return zxing(text);
        }
        byte[] codewords = new byte[layout.totalCodewords];
        writeDataCodewords(text.getBytes(StandardCharsets.ISO_8859_1), countBytes, layout.dataCodewords, codewords);
        writeErrorCorrection(layout, codewords);

        // the template holds bit 0 under mask 0 in every data module, so each bit is XORed into its
        // module; without a branch per bit, since half the bits of random data are 1
        byte[] modules = layout.template.clone();
        int[] order = layout.order;
        char[] positions = layout.positions;
        for (int f = 0, b = 0; f < order.length; f++, b += 8) {
            int value = codewords[order[f]];
            modules[positions[b]] ^= (byte) (value >>> 7 & 1); // most significant bit first
            modules[positions[b + 1]] ^= (byte) (value >>> 6 & 1);
            modules[positions[b + 2]] ^= (byte) (value >>> 5 & 1);
            modules[positions[b + 3]] ^= (byte) (value >>> 4 & 1);
            modules[positions[b + 4]] ^= (byte) (value >>> 3 & 1);
            modules[positions[b + 5]] ^= (byte) (value >>> 2 & 1);
            modules[positions[b + 6]] ^= (byte) (value >>> 1 & 1);
            modules[positions[b + 7]] ^= (byte) (value & 1);
        }
        ByteMatrix matrix = new ByteMatrix(layout.size, layout.size);
        byte[][] rows = matrix.getArray();
        for (int y = 0; y < layout.size; y++) {
            System.arraycopy(modules, y * layout.size, rows[y], 0, layout.size);
        }
        QRCode code = new QRCode();
        code.setMode(Mode.BYTE);
        code.setECLevel(LEVEL);
        code.setVersion(version);
        code.setMaskPattern(0);
        code.setMatrix(matrix);
        return code;
    }

    private static QRCode zxing(String text) {
        return QrCodes.zxing(text, MASK_ZERO);
    }

    /** ZXing's chooseVersion and willFit: the first version with room for the bits in whole bytes; 0 if none. */
    private static int chooseVersion(int bits) {
        int bytes = (bits + 7) / 8;
        for (int v = 1; v <= 40; v++) {
            if (DATA_CODEWORDS[v] >= bytes) {
                return v;
            }
        }
        return 0;
    }

    /**
     * The data codewords at the start of {@code out}: mode 0100, the count, the bytes, the 4-bit
     * terminator, then 0xEC and 0x11 in turn, as ZXing's encode and terminateBits append them. After
     * the mode indicator everything is whole bytes, so each codeword is two half-bytes of the sequence
     * count-then-data; the terminator always fits, since room is counted in whole bytes, and it ends
     * exactly on a codeword boundary.
     */
    private static void writeDataCodewords(byte[] data, int countBytes, int dataCodewords, byte[] out) {
        int length = data.length;
        int previous = 0x4; // the mode indicator, as the high half-byte of the first codeword
        int at = 0;
        if (countBytes == 2) {
            int high = length >>> 8;
            out[at++] = (byte) (previous << 4 | high >>> 4);
            previous = high & 0xF;
        }
        int low = length & 0xFF;
        out[at++] = (byte) (previous << 4 | low >>> 4);
        previous = low & 0xF;
        for (int i = 0; i < length; i++) {
            int b = data[i] & 0xFF;
            out[at++] = (byte) (previous << 4 | b >>> 4);
            previous = b & 0xF;
        }
        out[at++] = (byte) (previous << 4);
        for (int pad = 0; at < dataCodewords; pad++) {
            out[at++] = (byte) ((pad & 1) == 0 ? 0xEC : 0x11);
        }
    }

    /**
     * The error correction codewords of each block after the data codewords, block after block: the
     * remainder of data(x) * x^ec modulo the generator, as a shift register of up to 32 bytes in four
     * longs (the next byte out in the top byte of the first), so that one data byte costs a table
     * look-up and a few shifts and XORs instead of ec multiplications in GF(256).
     */
    private static void writeErrorCorrection(Layout layout, byte[] codewords) {
        int ec = layout.ecPerBlock;
        long[] products = layout.products;
        int dataOffset = 0;
        int ecOffset = layout.dataCodewords;
        for (int block = 0; block < layout.blocks; block++) {
            int end = dataOffset + (block < layout.smallBlocks ? layout.largeBlockData - 1 : layout.largeBlockData);
            long r0 = 0;
            long r1 = 0;
            long r2 = 0;
            long r3 = 0;
            for (int i = dataOffset; i < end; i++) {
                int f = ((codewords[i] & 0xFF) ^ (int) (r0 >>> 56)) << 2;
                r0 = ((r0 << 8) | (r1 >>> 56)) ^ products[f];
                r1 = ((r1 << 8) | (r2 >>> 56)) ^ products[f + 1];
                r2 = ((r2 << 8) | (r3 >>> 56)) ^ products[f + 2];
                r3 = (r3 << 8) ^ products[f + 3];
            }
            for (int j = 0; j < ec; j++) {
                long word = j < 8 ? r0 : j < 16 ? r1 : j < 24 ? r2 : r3;
                codewords[ecOffset + j] = (byte) (word >>> (56 - 8 * (j & 7)));
            }
            dataOffset = end;
            ecOffset += ec;
        }
    }

    /**
     * For each byte f, f times the coefficients after the leading 1 of ZXing's generator for
     * {@code degree} codewords, packed as the shift register holds them (four longs per f). ZXing's
     * generator is the product of (x + 2^i) for i = 0 .. degree - 1 (the field's generator base is 0).
     */
    private static long[] products(int degree) {
        int[] poly = { 1 }; // highest power first
        for (int d = 0; d < degree; d++) {
            int[] next = new int[poly.length + 1];
            for (int i = 0; i < poly.length; i++) {
                next[i] ^= poly[i];
                next[i + 1] ^= multiply(poly[i], EXP[d]);
            }
            poly = next;
        }
        long[] products = new long[256 * 4];
        for (int f = 0; f < 256; f++) {
            for (int j = 0; j < degree; j++) {
                products[4 * f + j / 8] |= (long) multiply(poly[j + 1], f) << (56 - 8 * (j & 7));
            }
        }
        return products;
    }

    private static int multiply(int a, int b) {
        return a == 0 || b == 0 ? 0 : EXP[LOG[a] + LOG[b]];
    }

    /** What depends on the version alone, built once and then only read. */
    private static final class Layout {

        final int size;
        final int totalCodewords;
        final int dataCodewords;
        final int blocks;
        /** Blocks with one data codeword fewer than the others; they come first, as in ZXing. */
        final int smallBlocks;
        final int largeBlockData;
        final int ecPerBlock;
        /** The generator's products for the shift register, see products(int). */
        final long[] products;
        /**
         * The module matrix row by row (index y * size + x) with the function patterns, the format
         * information for level M and mask 0, the version information, and in every data module what
         * ZXing puts there for a 0 bit: the mask-0 condition. That includes the remainder modules that
         * no codeword reaches, which ZXing fills with 0 bits and masks too.
         */
        final byte[] template;
        /** The data module of bit b (0 = most significant bit of the first placed codeword), y * size + x. */
        final char[] positions;
        /**
         * For each codeword in placement order, its index in the unplaced array: the data codewords as
         * written, then each block's error correction codewords; ZXing's interleaving.
         */
        final int[] order;

        Layout(Version version) {
            size = version.getDimensionForVersion();
            totalCodewords = version.getTotalCodewords();
            Version.ECBlocks ecBlocks = version.getECBlocksForLevel(LEVEL);
            dataCodewords = totalCodewords - ecBlocks.getTotalECCodewords();
            blocks = ecBlocks.getNumBlocks();
            // ZXing's getNumDataBytesAndNumECBytesForBlockID derives the blocks from the totals
            int largeBlocks = totalCodewords % blocks;
            smallBlocks = blocks - largeBlocks;
            largeBlockData = dataCodewords / blocks + 1;
            ecPerBlock = totalCodewords / blocks - (dataCodewords / blocks);
            if (ecPerBlock != ecBlocks.getECCodewordsPerBlock()) {
                throw new IllegalStateException("blocks of version " + version + " unlike ZXing's tables");
            }
            if (ecPerBlock > 32) {
                throw new IllegalStateException("more error correction codewords per block than the register holds");
            }
            products = GENERATORS.get(ecPerBlock);
            order = interleaving();

            byte[][] matrix = new byte[size][size];
            for (byte[] row : matrix) {
                Arrays.fill(row, (byte) -1);
            }
            embedFunctionPatterns(version, matrix);
            // the data modules in the order of ZXing's embedDataBits: two-column strips from the right,
            // up then down, skipping the vertical timing column and every module already set
            int[] walk = new int[size * size];
            int count = 0;
            int direction = -1;
            int x = size - 1;
            int y = size - 1;
            while (x > 0) {
                if (x == 6) {
                    x--;
                }
                while (y >= 0 && y < size) {
                    for (int i = 0; i < 2; i++) {
                        int xx = x - i;
                        if (matrix[y][xx] == -1) {
                            walk[count++] = y * size + xx;
                            matrix[y][xx] = (byte) (MaskSelection.maskBit(0, xx, y) ? 1 : 0);
                        }
                    }
                    y += direction;
                }
                direction = -direction;
                y += direction;
                x -= 2;
            }
            if (count < 8 * totalCodewords) {
                throw new IllegalStateException("version " + version + " has too few data modules");
            }
            positions = new char[8 * totalCodewords]; // size * size < 2^16
            for (int i = 0; i < positions.length; i++) {
                positions[i] = (char) walk[i];
            }
            template = new byte[size * size];
            for (int row = 0; row < size; row++) {
                System.arraycopy(matrix[row], 0, template, row * size, size);
            }
        }

        private int[] interleaving() {
            int[] dataStart = new int[blocks];
            int[] dataLength = new int[blocks];
            for (int b = 0, offset = 0; b < blocks; b++) {
                dataStart[b] = offset;
                dataLength[b] = b < smallBlocks ? largeBlockData - 1 : largeBlockData;
                offset += dataLength[b];
            }
            int[] result = new int[totalCodewords];
            int at = 0;
            for (int i = 0; i < largeBlockData; i++) {
                for (int b = 0; b < blocks; b++) {
                    if (i < dataLength[b]) {
                        result[at++] = dataStart[b] + i;
                    }
                }
            }
            for (int i = 0; i < ecPerBlock; i++) {
                for (int b = 0; b < blocks; b++) {
                    result[at++] = dataCodewords + b * ecPerBlock + i;
                }
            }
            return result;
        }

        /**
         * What ZXing's MatrixUtil.buildMatrix sets before the data, in its order (the order matters
         * where patterns would overlap: an alignment pattern goes only where its centre is still
         * empty, the timing patterns only into empty modules). matrix[y][x], -1 for empty.
         */
        private void embedFunctionPatterns(Version version, byte[][] matrix) {
            finder(matrix, 0, 0);
            finder(matrix, size - 7, 0);
            finder(matrix, 0, size - 7);
            for (int i = 0; i < 8; i++) { // separators
                matrix[7][i] = 0;
                matrix[7][size - 8 + i] = 0;
                matrix[size - 8][i] = 0;
            }
            for (int i = 0; i < 7; i++) {
                matrix[i][7] = 0;
                matrix[i][size - 8] = 0;
                matrix[size - 7 + i][7] = 0;
            }
            matrix[size - 8][8] = 1; // the dark module
            int[] centres = version.getAlignmentPatternCenters();
            for (int cy : centres) {
                for (int cx : centres) {
                    if (matrix[cy][cx] == -1) {
                        for (int dy = -2; dy <= 2; dy++) {
                            for (int dx = -2; dx <= 2; dx++) {
                                int ring = Math.max(Math.abs(dx), Math.abs(dy));
                                matrix[cy + dy][cx + dx] = (byte) (ring == 1 ? 0 : 1);
                            }
                        }
                    }
                }
            }
            for (int i = 8; i < size - 8; i++) { // timing
                byte bit = (byte) ((i + 1) % 2);
                if (matrix[6][i] == -1) {
                    matrix[6][i] = bit;
                }
                if (matrix[i][6] == -1) {
                    matrix[i][6] = bit;
                }
            }
            // format information for M and mask 0, bit i (0 = least significant) where ZXing's
            // embedTypeInfo puts it: around the top-left finder, and split between the other two
            int format = MaskSelection.formatBits(0);
            for (int i = 0; i < 15; i++) {
                byte bit = (byte) (format >>> i & 1);
                int x1 = i < 8 ? 8 : (i == 8 ? 7 : 14 - i);
                int y1 = i < 6 ? i : (i < 8 ? i + 1 : 8);
                matrix[y1][x1] = bit;
                if (i < 8) {
                    matrix[8][size - 1 - i] = bit;
                } else {
                    matrix[size - 7 + (i - 8)][8] = bit;
                }
            }
            if (version.getVersionNumber() >= 7) {
                int info = versionInfo(version.getVersionNumber());
                for (int i = 0; i < 6; i++) {
                    for (int j = 0; j < 3; j++) {
                        byte bit = (byte) (info >>> (3 * i + j) & 1);
                        matrix[size - 11 + j][i] = bit; // bottom left
                        matrix[i][size - 11 + j] = bit; // top right
                    }
                }
            }
        }

        private static void finder(byte[][] matrix, int left, int top) {
            for (int dy = 0; dy < 7; dy++) {
                for (int dx = 0; dx < 7; dx++) {
                    int ring = Math.max(Math.abs(dx - 3), Math.abs(dy - 3));
                    matrix[top + dy][left + dx] = (byte) (ring == 2 ? 0 : 1);
                }
            }
        }

        /** The 18 version information bits: the version in 6 bits, then BCH(18,6) with 0x1F25. */
        private static int versionInfo(int version) {
            int remainder = version << 12;
            for (int bit = 17; bit >= 12; bit--) {
                if ((remainder >>> bit & 1) != 0) {
                    remainder ^= 0x1F25 << (bit - 12);
                }
            }
            return version << 12 | remainder;
        }
    }
}

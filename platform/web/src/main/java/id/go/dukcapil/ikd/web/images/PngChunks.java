package id.go.dukcapil.ikd.web.images;

import java.io.EOFException;
import java.io.IOException;

import javax.imageio.stream.ImageInputStream;

/**
 * What ImageIO's PNG reader does not look at: the APNG animation chunks. The reader decodes the
 * default image and ignores {@code acTL}, {@code fcTL} and {@code fdAT}, so an animation would
 * pass as a still picture; the chunk headers are walked (data skipped, never inflated) to find them.
 */
final class PngChunks {

    private static final int ACTL = type("acTL");
    private static final int FCTL = type("fcTL");
    private static final int FDAT = type("fdAT");
    private static final int IEND = type("IEND");
    private static final int SIGNATURE_BYTES = 8;

    private PngChunks() {
    }

    /** Whether the PNG at the stream's position has APNG chunks; the position is kept. */
    static boolean animated(ImageInputStream input) throws IOException {
        input.mark();
        try {
            input.skipBytes(SIGNATURE_BYTES);
            while (true) {
                long length = input.readUnsignedInt();
                int type = input.readInt();
                if (type == ACTL || type == FCTL || type == FDAT) {
                    return true;
                }
                if (type == IEND) {
                    return false;
                }
                input.seek(input.getStreamPosition() + length + 4); // data and CRC
            }
        } catch (EOFException truncated) {
            return false; // the reader finds out it is truncated
        } finally {
            input.reset();
        }
    }

    private static int type(String name) {
        return name.charAt(0) << 24 | name.charAt(1) << 16 | name.charAt(2) << 8 | name.charAt(3);
    }
}

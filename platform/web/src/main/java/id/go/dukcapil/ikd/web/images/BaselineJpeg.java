package id.go.dukcapil.ikd.web.images;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The lossless alternative to re-encoding a JPEG to drop its metadata: the same compressed pixels
 * without any APPn (EXIF with GPS position and serials, XMP, thumbnails) or COM segment and
 * without anything after EOI. A byte copy, so microseconds instead of the encoder's milliseconds.
 *
 * <p>Only the plainest shape is rewritten: SOI; DQT, DHT, DRI, APPn, COM and exactly one SOF0 or
 * SOF1 (baseline or extended sequential Huffman) with 1 component, or 3 with the ids 1, 2, 3 that
 * mean YCbCr without a JFIF or Adobe marker; then exactly one scan of every component whose data
 * runs to EOI. An ICC profile that says sRGB (what a browser's canvas embeds) goes with the other
 * metadata, since a JPEG without one means sRGB. Anything else (progressive, arithmetic, several
 * scans, an Adobe APP14 or another ICC profile, which change how the pixels are read, CMYK, a
 * marker where none belongs, a truncated segment or scan) is {@link Optional#empty()}, and the caller re-encodes. Each step moves forward
 * through the input, so the work is bounded by its length. It does not prove the pixels decode:
 * the caller decodes them ({@link ImageGuard}) before trusting them.
 */
public final class BaselineJpeg {

    private static final int SOI = 0xD8;
    private static final int EOI = 0xD9;
    private static final int SOS = 0xDA;
    private static final int DQT = 0xDB;
    private static final int DHT = 0xC4;
    private static final int DRI = 0xDD;
    private static final int SOF0 = 0xC0;
    private static final int SOF1 = 0xC1;
    private static final int APP0 = 0xE0;
    private static final int APP2 = 0xE2;
    private static final int APP14 = 0xEE;
    private static final int APP15 = 0xEF;
    private static final int COM = 0xFE;
    private static final byte[] ICC_PROFILE = "ICC_PROFILE\0".getBytes(java.nio.charset.StandardCharsets.US_ASCII);

    private BaselineJpeg() {
    }

    /** The JPEG without metadata or trailing bytes, or empty when it is not of the plain shape. */
    public static Optional<byte[]> withoutMetadata(byte[] jpeg) {
        return withoutMetadata(jpeg, Integer.MAX_VALUE);
    }

    /**
     * As {@link #withoutMetadata(byte[])}, and empty as well when the frame's longer side exceeds
     * {@code maxLongSide} (a caller that stores at most that size re-encodes such a file anyway):
     * known from the frame header, before the scan is read or any ICC profile evaluated.
     */
    public static Optional<byte[]> withoutMetadata(byte[] jpeg, int maxLongSide) {
        int n = jpeg.length;
        if (n < 4 || u8(jpeg, 0) != 0xFF || u8(jpeg, 1) != SOI) {
            return Optional.empty();
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(n);
        out.write(0xFF);
        out.write(SOI);
        int components = 0;
        List<int[]> iccSegments = new ArrayList<>(1); // evaluated once the frame is known to fit
        int at = 2;
        while (true) {
            // a marker, after any number of 0xFF fill bytes
            if (at >= n || u8(jpeg, at) != 0xFF) {
                return Optional.empty();
            }
            while (at < n && u8(jpeg, at) == 0xFF) {
                at++;
            }
            if (at + 2 >= n) {
                return Optional.empty();
            }
            int marker = u8(jpeg, at);
            int length = (u8(jpeg, at + 1) << 8) | u8(jpeg, at + 2);
            int start = at + 1; // the length field
            int end = start + length;
            if (length < 2 || end > n) {
                return Optional.empty();
            }
            if (marker == SOF0 || marker == SOF1) {
                if (components != 0) {
                    return Optional.empty(); // a second frame
                }
                components = frameComponents(jpeg, start, length);
                if (components == 0 || longSide(jpeg, start) > maxLongSide) {
                    return Optional.empty();
                }
            } else if (marker == APP14) {
                return Optional.empty(); // it changes how the pixels are read: keep the re-encode
            } else if (marker == APP2 && startsWith(jpeg, start + 2, end, ICC_PROFILE)) {
                iccSegments.add(new int[] { start + 2 + ICC_PROFILE.length, end });
            } else if (marker == SOS) {
                for (int[] icc : iccSegments) {
                    if (!isWholeSrgbProfile(jpeg, icc[0], icc[1])) {
                        return Optional.empty(); // another profile changes how the pixels are read
                    }
                }
                return scan(jpeg, start, length, components, out);
            } else if (marker != DQT && marker != DHT && marker != DRI && marker != COM
                    && (marker < APP0 || marker > APP15)) {
                return Optional.empty();
            }
            if (marker == DQT || marker == DHT || marker == DRI || marker == SOF0 || marker == SOF1) {
                out.write(0xFF);
                out.write(jpeg, at, end - at);
            }
            at = end;
        }
    }

    /** The frame's longer side; its header was checked by {@link #frameComponents}. */
    private static int longSide(byte[] jpeg, int start) {
        // length (2), precision (1), height (2), width (2)
        int height = (u8(jpeg, start + 3) << 8) | u8(jpeg, start + 4);
        int width = (u8(jpeg, start + 5) << 8) | u8(jpeg, start + 6);
        return Math.max(height, width);
    }

    /** The number of components of a frame that can be rewritten as it is, or 0. */
    private static int frameComponents(byte[] jpeg, int start, int length) {
        // length, precision, height, width, count, then 3 bytes per component
        if (length < 8 || u8(jpeg, start + 2) != 8) {
            return 0;
        }
        int count = u8(jpeg, start + 7);
        if (length != 8 + 3 * count || !(count == 1 || count == 3)) {
            return 0;
        }
        if (count == 3) {
            for (int i = 0; i < 3; i++) {
                if (u8(jpeg, start + 8 + 3 * i) != i + 1) {
                    return 0; // 'R','G','B' or other ids: the colour space would hang on a dropped marker
                }
            }
        }
        return count;
    }

    /** Copies the scan header and its entropy-coded data up to EOI, which must follow. */
    private static Optional<byte[]> scan(byte[] jpeg, int start, int length, int components, ByteArrayOutputStream out) {
        int n = jpeg.length;
        if (components == 0 || length != 6 + 2 * components || u8(jpeg, start + 2) != components) {
            return Optional.empty(); // no frame yet, or a scan of only some components
        }
        int at = start + length;
        while (at < n) {
            if (u8(jpeg, at) != 0xFF) {
                at++;
                continue;
            }
            int next = at + 1;
            while (next < n && u8(jpeg, next) == 0xFF) {
                next++;
            }
            if (next >= n) {
                return Optional.empty();
            }
            int code = u8(jpeg, next);
            if (code == 0x00 || (code >= 0xD0 && code <= 0xD7)) {
                at = next + 1; // a stuffed 0xFF or a restart marker: still the scan
            } else if (code == EOI) {
                out.write(0xFF);
                out.write(jpeg, start - 1, at - (start - 1)); // SOS, its header and the data
                out.write(0xFF);
                out.write(EOI);
                return Optional.of(out.toByteArray());
            } else {
                return Optional.empty(); // another scan, DNL or anything else
            }
        }
        return Optional.empty(); // no EOI
    }

    /**
     * Whether the ICC segment's body (sequence number, count, profile) is a whole profile in one
     * segment that says sRGB, which a JPEG without a profile means anyway ({@link SrgbProfile}).
     */
    private static boolean isWholeSrgbProfile(byte[] jpeg, int from, int end) {
        return end - from > 2 && u8(jpeg, from) == 1 && u8(jpeg, from + 1) == 1
                && SrgbProfile.describesSrgb(java.util.Arrays.copyOfRange(jpeg, from + 2, end));
    }

    private static boolean startsWith(byte[] data, int from, int end, byte[] prefix) {
        if (end - from < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if (data[from + i] != prefix[i]) {
                return false;
            }
        }
        return true;
    }

    private static int u8(byte[] data, int index) {
        return data[index] & 0xFF;
    }
}

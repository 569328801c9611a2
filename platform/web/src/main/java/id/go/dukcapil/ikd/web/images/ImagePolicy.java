package id.go.dukcapil.ikd.web.images;

import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import id.go.dukcapil.ikd.web.ProblemType;

/**
 * What one upload may be, all checked from the header before a pixel is decoded, and how large
 * it is decoded.
 *
 * @param formats          accepted formats
 * @param maxSide          widest or highest accepted; also bounds the decoders' row buffers
 * @param maxPixels        most pixels (width × height) accepted
 * @param minSide          narrowest or lowest accepted (1 for no minimum)
 * @param maxBitsPerChannel most bits per colour channel (8: no 16-bit PNG)
 * @param decodeLongSide   decoded with subsampling so that the long side is at most this
 * @param subject          how the refusals name the upload
 * @param codes            problem codes replacing {@link ImageProblems}' defaults, per refusal
 */
public record ImagePolicy(Set<ImageFormat> formats, int maxSide, long maxPixels, int minSide, int maxBitsPerChannel,
        int decodeLongSide, Subject subject, Map<ImageRefusal, ProblemType> codes) {

    /** The form field and the words for the upload in refusals ("swafoto" / "selfie"). */
    public record Subject(String field, String nameId, String nameEn) {
    }

    /** Decoded pixels are at most this many bytes each (8 bits × 4 channels, as TYPE_INT_ARGB). */
    private static final int DECODED_BYTES_PER_PIXEL = 4;

    public ImagePolicy {
        formats = Set.copyOf(EnumSet.copyOf(formats));
        codes = Map.copyOf(codes);
        if (maxSide < 1 || maxPixels < 1 || minSide < 1 || minSide > maxSide || maxBitsPerChannel < 1
                || decodeLongSide < 1) {
            throw new IllegalArgumentException("an image policy needs positive limits and minSide <= maxSide");
        }
    }

    ProblemType code(ImageRefusal refusal) {
        return codes.getOrDefault(refusal, ImageProblems.of(refusal));
    }

    /** "JPEG atau PNG" / "JPEG or PNG". */
    String formatList(String or) {
        return formats.stream().sorted().map(Enum::name).collect(Collectors.joining(", "))
                .replaceFirst(", ([A-Z]+)$", " " + or + " $1");
    }

    /**
     * The heap one decode may hold at its worst, for sizing the {@code image-decode} bulkhead
     * ({@code memory-per-task}): the decoded image at the decode size (the long side at most
     * {@code decodeLongSide}, so at most its square), one converted copy of it, and the decoders'
     * buffers of a few rows at {@code maxSide} and 16 bits. The upload's own bytes come on top.
     */
    public long worstCaseDecodeBytes() {
        long decoded = (long) decodeLongSide * decodeLongSide * DECODED_BYTES_PER_PIXEL;
        long rows = 4L * maxSide * DECODED_BYTES_PER_PIXEL * 2;
        return 2 * decoded + rows;
    }
}

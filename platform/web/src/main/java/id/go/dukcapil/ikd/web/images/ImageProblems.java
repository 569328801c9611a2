package id.go.dukcapil.ikd.web.images;

import id.go.dukcapil.ikd.web.ProblemType;

/**
 * The default problem codes of {@link ImageGuard}'s refusals; an API with older codes of its own
 * (the selfie's {@code SELFIE_*}) maps the refusals to those instead.
 */
public enum ImageProblems implements ProblemType {
    IMAGE_NOT_READABLE(400, "Gambar tidak dapat dibaca", "The image cannot be read"),
    IMAGE_FORMAT_UNSUPPORTED(415, "Format gambar tidak didukung", "The image format is not supported"),
    IMAGE_TOO_LARGE(413, "Resolusi gambar terlalu besar", "The image's resolution is too high"),
    IMAGE_TOO_SMALL(400, "Resolusi gambar terlalu kecil", "The image's resolution is too low"),
    IMAGE_DEPTH_UNSUPPORTED(422, "Kedalaman warna gambar tidak didukung", "The image's colour depth is not supported"),
    IMAGE_ANIMATED(422, "Gambar bergerak atau berisi beberapa gambar tidak diterima",
            "Animated or multi-image files are not accepted");

    private final Definition definition;

    ImageProblems(int status, String titleId, String titleEn) {
        this.definition = new Definition(status, titleId, titleEn);
    }

    @Override
    public Definition definition() {
        return definition;
    }

    /** The default code of a refusal. */
    public static ImageProblems of(ImageRefusal refusal) {
        return switch (refusal) {
            case NOT_READABLE -> IMAGE_NOT_READABLE;
            case FORMAT_UNSUPPORTED -> IMAGE_FORMAT_UNSUPPORTED;
            case TOO_LARGE -> IMAGE_TOO_LARGE;
            case TOO_SMALL -> IMAGE_TOO_SMALL;
            case DEPTH_UNSUPPORTED -> IMAGE_DEPTH_UNSUPPORTED;
            case MULTIPLE_IMAGES -> IMAGE_ANIMATED;
        };
    }
}

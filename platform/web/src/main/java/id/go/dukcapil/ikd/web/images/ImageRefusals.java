package id.go.dukcapil.ikd.web.images;

import id.go.dukcapil.ikd.web.ProblemException;

/** The problems {@link ImageGuard} answers with, in the policy's codes and words. */
final class ImageRefusals {

    private ImageRefusals() {
    }

    static ProblemException refuse(ImageRefusal refusal, ImagePolicy policy) {
        ImagePolicy.Subject subject = policy.subject();
        String id = subject.nameId();
        String en = subject.nameEn();
        ProblemException problem = switch (refusal) {
            case NOT_READABLE -> new ProblemException(policy.code(refusal),
                    "Berkas " + id + " bukan gambar " + policy.formatList("atau") + " yang dapat dibaca.",
                    "The " + en + " file is not a readable " + policy.formatList("or") + " image.");
            case FORMAT_UNSUPPORTED -> new ProblemException(policy.code(refusal),
                    "Kirim " + id + " dalam format " + policy.formatList("atau") + ".",
                    "Send the " + en + " as " + policy.formatList("or") + ".");
            case TOO_SMALL -> new ProblemException(policy.code(refusal),
                    "Resolusi " + id + " paling kecil " + policy.minSide() + " piksel per sisi.",
                    "The " + en + " must be at least " + policy.minSide() + " pixels per side.")
                    .with("minSide", policy.minSide());
            case MULTIPLE_IMAGES -> new ProblemException(policy.code(refusal),
                    "Kirim " + id + " sebagai satu gambar diam, bukan animasi atau berkas berisi beberapa gambar.",
                    "Send the " + en + " as one still image, not an animation or a file of several images.");
            case TOO_LARGE -> tooLarge(policy);
            case DEPTH_UNSUPPORTED -> depth(policy);
        };
        return problem.with("field", subject.field());
    }

    private static ProblemException tooLarge(ImagePolicy policy) {
        ImagePolicy.Subject subject = policy.subject();
        String megapixels = String.format(java.util.Locale.ROOT, "%.1f", policy.maxPixels() / 1e6);
        return new ProblemException(policy.code(ImageRefusal.TOO_LARGE),
                "Resolusi " + subject.nameId() + " paling besar " + policy.maxSide() + " piksel per sisi dan "
                        + megapixels.replace('.', ',') + " megapiksel.",
                "The " + subject.nameEn() + " may be at most " + policy.maxSide() + " pixels per side and " + megapixels
                        + " megapixels.")
                .with("field", subject.field()).with("maxSide", policy.maxSide()).with("maxPixels", policy.maxPixels());
    }

    private static ProblemException depth(ImagePolicy policy) {
        ImagePolicy.Subject subject = policy.subject();
        return new ProblemException(policy.code(ImageRefusal.DEPTH_UNSUPPORTED),
                "Kedalaman warna " + subject.nameId() + " paling besar " + policy.maxBitsPerChannel()
                        + " bit per kanal.",
                "The " + subject.nameEn() + " may have at most " + policy.maxBitsPerChannel()
                        + " bits per colour channel.")
                .with("field", subject.field()).with("maxBitsPerChannel", policy.maxBitsPerChannel());
    }
}

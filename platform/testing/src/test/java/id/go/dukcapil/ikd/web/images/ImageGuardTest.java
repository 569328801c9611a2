package id.go.dukcapil.ikd.web.images;

import static id.go.dukcapil.ikd.testing.HostileImages.GRAY;
import static id.go.dukcapil.ikd.testing.HostileImages.RGBA;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.Map;
import java.util.Random;

import org.junit.jupiter.api.Test;

import id.go.dukcapil.ikd.testing.HostileImages;
import id.go.dukcapil.ikd.web.ProblemException;
import id.go.dukcapil.ikd.web.ProblemType;

/**
 * {@link ImageGuard} with real files: the bombs are refused from the header (the refusal's code
 * says which check stopped them, and each check runs before any pixel is decoded), animations and
 * multi-image files are refused, ordinary pictures are decoded at the size asked for.
 */
class ImageGuardTest {

    private static final ImagePolicy.Subject PICTURE = new ImagePolicy.Subject("picture", "gambar", "picture");
    /** Like the selfie's: JPEG or PNG, 4096 px a side, 12 MiPx, 8 bits, decoded to 1600 px. */
    private static final ImagePolicy SELFIE = new ImagePolicy(EnumSet.of(ImageFormat.JPEG, ImageFormat.PNG), 4096,
            12L << 20, 240, 8, 1600, PICTURE, Map.of());
    /** Like the /verify upload's: GIF too, 4 MiPx. */
    private static final ImagePolicy UPLOAD = new ImagePolicy(EnumSet.allOf(ImageFormat.class), 4096, 4L << 20, 1, 8,
            1600, PICTURE, Map.of());

    @Test
    void aTwentyThousandPixelSquarePngOfFortyEightKilobytesIsRefusedFromItsHeader() {
        byte[] bomb = HostileImages.zeroPng(20000, 20000, 1, GRAY);
        assertThat(bomb.length).isLessThan(64 * 1024);
        assertThat(refusal(bomb, UPLOAD).type()).isEqualTo(ImageProblems.IMAGE_TOO_LARGE);
        assertThat(refusal(bomb, UPLOAD).extensions()).containsEntry("field", "picture")
                .containsEntry("maxPixels", 4L << 20);
    }

    @Test
    void aSixteenBitRgbaPngWithinTheSideLimitIsRefusedForItsDepth() {
        byte[] bomb = HostileImages.zeroPng(4096, 4096, 16, RGBA);
        assertThat(bomb.length).isLessThan(200 * 1024);
        ImagePolicy sixteenMegapixels = new ImagePolicy(SELFIE.formats(), 4096, 16L << 20, 240, 8, 1600, PICTURE,
                Map.of());
        assertThat(refusal(bomb, sixteenMegapixels).type()).isEqualTo(ImageProblems.IMAGE_DEPTH_UNSUPPORTED);
        // the selfie's 12 MiPx stop it before its depth is looked at
        assertThat(refusal(bomb, SELFIE).type()).isEqualTo(ImageProblems.IMAGE_TOO_LARGE);
        assertThat(refusal(HostileImages.zeroPng(1024, 1024, 16, RGBA), SELFIE).type())
                .isEqualTo(ImageProblems.IMAGE_DEPTH_UNSUPPORTED);
    }

    @Test
    void aJpegDeclaringHugeDimensionsIsRefusedFromItsHeader() {
        assertThat(refusal(HostileImages.jpegDeclaring(65000, 65000), SELFIE).type())
                .isEqualTo(ImageProblems.IMAGE_TOO_LARGE);
        // a side over the limit, though few pixels: the decoders' row buffers grow with the width
        assertThat(refusal(HostileImages.jpegDeclaring(60000, 16), UPLOAD).type())
                .isEqualTo(ImageProblems.IMAGE_TOO_LARGE);
    }

    @Test
    void animationsAndFilesOfSeveralImagesAreRefused() {
        assertThat(refusal(HostileImages.animatedPng(400, 400), SELFIE).type()).isEqualTo(ImageProblems.IMAGE_ANIMATED);
        assertThat(refusal(HostileImages.sequence("gif", 3, 400, 400), UPLOAD).type())
                .isEqualTo(ImageProblems.IMAGE_ANIMATED);
        assertThat(refusal(HostileImages.twoJpegs(400, 400), SELFIE).type()).isEqualTo(ImageProblems.IMAGE_ANIMATED);
        // formats outside the policy are refused by content, whatever the file claims
        assertThat(refusal(HostileImages.sequence("gif", 3, 400, 400), SELFIE).type())
                .isEqualTo(ImageProblems.IMAGE_FORMAT_UNSUPPORTED);
        assertThat(refusal(HostileImages.sequence("tiff", 2, 400, 400), UPLOAD).type())
                .isEqualTo(ImageProblems.IMAGE_FORMAT_UNSUPPORTED);
    }

    @Test
    void truncatedAndNonImageFilesAreNotReadable() {
        byte[] png = HostileImages.picture("png", 800, 600);
        byte[] jpeg = HostileImages.picture("jpeg", 800, 600);
        assertThat(refusal(HostileImages.truncated(png, 0.6), SELFIE).type()).isEqualTo(ImageProblems.IMAGE_NOT_READABLE);
        assertThat(refusal(HostileImages.truncated(jpeg, 0.6), SELFIE).type())
                .isEqualTo(ImageProblems.IMAGE_NOT_READABLE);
        assertThat(refusal(HostileImages.truncated(jpeg, 0.05), SELFIE).type())
                .isEqualTo(ImageProblems.IMAGE_NOT_READABLE);
        assertThat(refusal("not an image at all".getBytes(), SELFIE).type()).isEqualTo(ImageProblems.IMAGE_NOT_READABLE);
        assertThat(refusal(new byte[0], SELFIE).type()).isEqualTo(ImageProblems.IMAGE_NOT_READABLE);
    }

    @Test
    void tooSmallPicturesAreRefused() {
        assertThat(refusal(HostileImages.picture("jpeg", 100, 400), SELFIE).type())
                .isEqualTo(ImageProblems.IMAGE_TOO_SMALL);
    }

    @Test
    void aServiceMapsTheRefusalsToItsOwnCodes() {
        ImagePolicy own = new ImagePolicy(SELFIE.formats(), 4096, 12L << 20, 240, 8, 1600, PICTURE,
                Map.of(ImageRefusal.TOO_LARGE, Own.MY_TOO_LARGE));
        assertThat(refusal(HostileImages.zeroPng(20000, 20000, 1, GRAY), own).type()).isEqualTo(Own.MY_TOO_LARGE);
        assertThat(refusal(HostileImages.animatedPng(300, 300), own).type()).isEqualTo(ImageProblems.IMAGE_ANIMATED);
    }

    @Test
    void ordinaryPicturesAreDecodedWithSubsamplingToTheSizeAsked() throws Exception {
        byte[] photo = HostileImages.picture("jpeg", 4032, 3024);
        DecodedImage decoded = ImageGuard.decode(photo, SELFIE);
        assertThat(decoded.header()).isEqualTo(new ImageHeader(ImageFormat.JPEG, 4032, 3024, 8, 3, 1));
        assertThat(decoded.subsampling()).isEqualTo(3);
        assertThat(decoded.image().getWidth()).isEqualTo(1344);
        assertThat(decoded.image().getHeight()).isEqualTo(1008);
        // the middle of the oval is the drawing's dark brown, not grey
        assertThat(decoded.image().getRGB(672, 504) & 0xffffff).isNotEqualTo(0x808080);

        Path file = Files.createTempFile("picture-", ".png");
        try {
            Files.write(file, HostileImages.picture("png", 640, 480));
            DecodedImage small = ImageGuard.decode(file, SELFIE);
            assertThat(small.header().format()).isEqualTo(ImageFormat.PNG);
            assertThat(small.subsampling()).isEqualTo(1);
            assertThat(small.image().getWidth()).isEqualTo(640);
        } finally {
            Files.deleteIfExists(file);
        }
        assertThat(ImageGuard.inspect(HostileImages.sequence("gif", 1, 300, 200), UPLOAD))
                .isEqualTo(new ImageHeader(ImageFormat.GIF, 300, 200, 8, 1, 1));
        assertThat(ImageGuard.inspect(HostileImages.zeroPng(300, 300, 1, GRAY), UPLOAD).bitsPerChannel()).isEqualTo(1);
    }

    @Test
    void theWorstCaseOfADecodeIsBoundedByTheDecodeSize() {
        // 1600 x 1600 at 4 bytes, twice, and row buffers: what the image-decode bulkhead is sized from
        assertThat(SELFIE.worstCaseDecodeBytes()).isBetween(19L << 20, 20L << 20);
    }

    @Test
    void aJpegDecodedOnlyAsProofIsReadAsGreyAtFullSizeAndRefusedWhereverTheColourDecodeIsRefused() {
        byte[] photo = HostileImages.picture("jpeg", 800, 600);
        DecodedImage proof = ImageGuard.decode(photo, SELFIE, ImageGuard.Purpose.PROVE);
        assertThat(proof.header()).isEqualTo(ImageGuard.decode(photo, SELFIE).header());
        assertThat(proof.image().getType()).isEqualTo(BufferedImage.TYPE_BYTE_GRAY);
        assertThat(ImageGuard.decode(photo, SELFIE).image().getType()).isEqualTo(BufferedImage.TYPE_3BYTE_BGR);
        // decoded with subsampling, the caller re-encodes: colour
        DecodedImage large = ImageGuard.decode(HostileImages.picture("jpeg", 4032, 3024), SELFIE, ImageGuard.Purpose.PROVE);
        assertThat(large.subsampling()).isEqualTo(3);
        assertThat(large.image().getType()).isEqualTo(BufferedImage.TYPE_3BYTE_BGR);
        // a PNG is decoded as it is
        assertThat(ImageGuard.decode(HostileImages.picture("png", 800, 600), SELFIE, ImageGuard.Purpose.PROVE).image()
                .getColorModel().getNumColorComponents()).isEqualTo(3);

        // the grey decode still decodes every block of the chroma: truncated and corrupted scans
        // are refused exactly when the colour decode refuses them
        Random random = new Random(20261206);
        int refused = 0;
        for (int i = 0; i < 60; i++) {
            byte[] damaged = i % 2 == 0 ? HostileImages.truncated(photo, 0.1 + 0.85 * random.nextDouble()) : photo.clone();
            if (i % 2 == 1) {
                for (int flips = 1 + random.nextInt(6); flips > 0; flips--) {
                    damaged[700 + random.nextInt(photo.length - 702)] = (byte) random.nextInt(256);
                }
            }
            boolean colourRefused = refuses(damaged, ImageGuard.Purpose.DRAW);
            assertThat(refuses(damaged, ImageGuard.Purpose.PROVE)).as("damage %d", i).isEqualTo(colourRefused);
            refused += colourRefused ? 1 : 0;
        }
        assertThat(refused).as("damaged files refused").isGreaterThan(40);
    }

    private static boolean refuses(byte[] file, ImageGuard.Purpose purpose) {
        try {
            ImageGuard.decode(file, SELFIE, purpose);
            return false;
        } catch (ProblemException refusedFile) {
            assertThat(refusedFile.type()).isEqualTo(ImageProblems.IMAGE_NOT_READABLE);
            return true;
        }
    }

    private static ProblemException refusal(byte[] file, ImagePolicy policy) {
        ProblemException refused = catchThrowableOfType(ProblemException.class, () -> ImageGuard.decode(file, policy));
        assertThat(refused).as("refused").isNotNull();
        return refused;
    }

    private enum Own implements ProblemType {
        MY_TOO_LARGE;

        @Override
        public Definition definition() {
            return new Definition(413, "Terlalu besar", "Too large");
        }
    }
}

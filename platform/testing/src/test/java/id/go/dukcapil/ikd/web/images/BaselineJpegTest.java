package id.go.dukcapil.ikd.web.images;

import static id.go.dukcapil.ikd.testing.HostileImages.exifWithGps;
import static id.go.dukcapil.ikd.testing.HostileImages.segment;
import static org.assertj.core.api.Assertions.assertThat;

import java.awt.color.ColorSpace;
import java.awt.color.ICC_Profile;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;

import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.MemoryCacheImageOutputStream;

import org.junit.jupiter.api.Test;

import id.go.dukcapil.ikd.testing.HostileImages;
import id.go.dukcapil.ikd.testing.PhoneSelfie;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

/**
 * {@link BaselineJpeg}: a plain baseline JPEG keeps its pixels bit for bit and loses its EXIF
 * (with a GPS position), comments and appended bytes; every other shape, and every damaged or
 * hostile file, is left to the re-encode (empty), and no input makes it throw or read past the end.
 */
class BaselineJpegTest {

    private static final byte[] SERIAL = HostileImages.SERIAL;
    private static final byte[] APPENDED = HostileImages.APPENDED;

    @Test
    void thePhoneSelfieKeepsItsPixelsAndLosesItsGpsExifCommentAndAppendedBytes() {
        byte[] clean = PhoneSelfie.jpeg();
        byte[] upload = HostileImages.withPrivateMetadata(clean);

        byte[] stored = BaselineJpeg.withoutMetadata(upload).orElseThrow();

        assertThat(pixels(stored)).isEqualTo(pixels(upload));
        assertThat(contains(stored, "Exif".getBytes(StandardCharsets.US_ASCII))).isFalse();
        assertThat(contains(stored, new byte[] { 'M', 'M', 0, 42 })).as("the TIFF header of the EXIF").isFalse();
        assertThat(contains(stored, SERIAL)).isFalse();
        assertThat(contains(stored, APPENDED)).isFalse();
        assertThat(segmentMarkers(stored)).as("no APPn or COM").noneMatch(m -> m >= 0xE0 && m <= 0xEF || m == 0xFE);
        assertThat(stored.length).isLessThan(clean.length); // the JFIF APP0 is gone too
        assertThat(BaselineJpeg.withoutMetadata(stored)).hasValue(stored);
    }

    @Test
    void aGreyJpegKeepsItsPixels() {
        BufferedImage grey = new BufferedImage(320, 240, BufferedImage.TYPE_BYTE_GRAY);
        grey.createGraphics().drawImage(HostileImages.drawing(320, 240), 0, 0, null);
        byte[] jpeg = jpeg(grey, 0.8f, false);
        assertThat(pixels(BaselineJpeg.withoutMetadata(jpeg).orElseThrow())).isEqualTo(pixels(jpeg));
    }

    @Test
    void aFrameLongerThanTheCallersSizeIsLeftToTheReencode() {
        byte[] baseline = jpeg(HostileImages.drawing(320, 240), 0.8f, false);
        assertThat(BaselineJpeg.withoutMetadata(baseline, 320)).hasValue(BaselineJpeg.withoutMetadata(baseline).orElseThrow());
        assertThat(BaselineJpeg.withoutMetadata(baseline, 319)).isEmpty();
        byte[] portrait = jpeg(HostileImages.drawing(240, 320), 0.8f, false);
        assertThat(BaselineJpeg.withoutMetadata(portrait, 320)).isPresent();
        assertThat(BaselineJpeg.withoutMetadata(portrait, 319)).isEmpty();
    }

    @Test
    void otherShapesAreLeftToTheReencode() {
        BufferedImage drawing = HostileImages.drawing(320, 240);
        byte[] baseline = jpeg(drawing, 0.8f, false);
        assertThat(BaselineJpeg.withoutMetadata(baseline)).isPresent();

        assertThat(BaselineJpeg.withoutMetadata(jpeg(drawing, 0.8f, true))).as("progressive").isEmpty();
        assertThat(BaselineJpeg.withoutMetadata(HostileImages.picture("png", 320, 240))).as("PNG").isEmpty();
        byte[] first = HostileImages.picture("jpeg", 320, 240);
        assertThat(BaselineJpeg.withoutMetadata(HostileImages.twoJpegs(320, 240)))
                .as("a second image after EOI is appended bytes (ImageGuard refuses the file before)")
                .hasValue(BaselineJpeg.withoutMetadata(first).orElseThrow());
        byte[] adobe = "Adobe\0\144\0\0\0\0\0".getBytes(StandardCharsets.ISO_8859_1);
        assertThat(BaselineJpeg.withoutMetadata(withSegmentsAfterSoi(baseline, segment(0xEE, adobe))))
                .as("Adobe APP14 decides the colour transform").isEmpty();
        byte[] icc = concat("ICC_PROFILE\0\1\1".getBytes(StandardCharsets.US_ASCII), new byte[64]);
        assertThat(BaselineJpeg.withoutMetadata(withSegmentsAfterSoi(baseline, segment(0xE2, icc))))
                .as("a profile that cannot be read").isEmpty();
        byte[] linear = concat("ICC_PROFILE\0\1\1".getBytes(StandardCharsets.US_ASCII),
                ICC_Profile.getInstance(ColorSpace.CS_LINEAR_RGB).getData());
        assertThat(BaselineJpeg.withoutMetadata(withSegmentsAfterSoi(baseline, segment(0xE2, linear))))
                .as("a profile other than sRGB changes the colours").isEmpty();
        byte[] srgbOfTwo = concat("ICC_PROFILE\0\1\2".getBytes(StandardCharsets.US_ASCII),
                ICC_Profile.getInstance(ColorSpace.CS_sRGB).getData());
        assertThat(BaselineJpeg.withoutMetadata(withSegmentsAfterSoi(baseline, segment(0xE2, srgbOfTwo))))
                .as("the first of two segments is not a whole profile").isEmpty();
        byte[] rgbIds = baseline.clone();
        int sof = indexOfMarker(rgbIds, 0xC0);
        rgbIds[sof + 10] = 'R'; // the first component's id
        assertThat(BaselineJpeg.withoutMetadata(rgbIds)).as("components named R, G, B").isEmpty();
    }

    @Test
    void aBrowserCanvasJpegLosesItsSrgbProfileAndKeepsItsPixels() throws IOException {
        // Chromium's canvas.toDataURL('image/jpeg'): JFIF, its compact sRGB ICC profile, a 4:2:0 baseline frame
        byte[] canvas;
        try (var in = BaselineJpegTest.class.getResourceAsStream("/chromium-canvas.jpg")) {
            canvas = in.readAllBytes();
        }
        byte[] plain = BaselineJpeg.withoutMetadata(canvas).orElseThrow();
        assertThat(segmentMarkers(plain)).as("neither JFIF nor the profile is left").doesNotContain(0xE0, 0xE2);
        assertThat(plain.length).isLessThan(canvas.length - 400);
        assertThat(contains(canvas, Arrays.copyOfRange(plain, indexOfMarker(plain, 0xDA), plain.length)))
                .as("the same compressed pixels").isTrue();
        assertThat(ImageIO.read(new ByteArrayInputStream(plain)).getWidth()).isEqualTo(64);

        byte[] jdkSrgb = concat("ICC_PROFILE\0\1\1".getBytes(StandardCharsets.US_ASCII),
                ICC_Profile.getInstance(ColorSpace.CS_sRGB).getData());
        byte[] baseline = jpeg(HostileImages.drawing(64, 48), 0.8f, false);
        assertThat(BaselineJpeg.withoutMetadata(withSegmentsAfterSoi(baseline, segment(0xE2, jdkSrgb))))
                .as("another encoder's sRGB profile says the same").hasValue(BaselineJpeg.withoutMetadata(baseline).orElseThrow());
    }

    @Test
    void damagedFilesAreLeftToTheDecoderAndTheReencode() {
        byte[] jpeg = withSegmentsAfterSoi(jpeg(HostileImages.drawing(48, 40), 0.7f, false),
                segment(0xE1, exifWithGps()));
        for (int length = 0; length < jpeg.length; length++) {
            assertThat(BaselineJpeg.withoutMetadata(Arrays.copyOf(jpeg, length))).as("cut at %d", length).isEmpty();
        }
        int dqt = indexOfMarker(jpeg, 0xDB);
        byte[] pastTheEnd = jpeg.clone();
        pastTheEnd[dqt + 2] = (byte) 0xFF;
        pastTheEnd[dqt + 3] = (byte) 0xFF;
        assertThat(BaselineJpeg.withoutMetadata(pastTheEnd)).as("a length past the end").isEmpty();
        byte[] tooShort = jpeg.clone();
        tooShort[dqt + 2] = 0;
        tooShort[dqt + 3] = 1;
        assertThat(BaselineJpeg.withoutMetadata(tooShort)).as("a length below 2").isEmpty();
        byte[] exifLength = jpeg.clone();
        exifLength[4] = (byte) 0xFF; // the APP1 right after SOI claims 65 KB
        assertThat(BaselineJpeg.withoutMetadata(exifLength)).as("an APP1 longer than the file").isEmpty();
        byte[] hidden = concat(Arrays.copyOf(jpeg, jpeg.length - 2), segment(0xE1, exifWithGps()),
                new byte[] { (byte) 0xFF, (byte) 0xD9 });
        assertThat(BaselineJpeg.withoutMetadata(hidden)).as("an APP1 between the scan and EOI").isEmpty();
        byte[] noScan = Arrays.copyOf(jpeg, indexOfMarker(jpeg, 0xDA));
        assertThat(BaselineJpeg.withoutMetadata(concat(noScan, new byte[] { (byte) 0xFF, (byte) 0xD9 })))
                .as("EOI without a scan").isEmpty();
    }

    /** Whatever the bytes: no exception, and anything returned is a clean JPEG no longer than the input. */
    @Property(tries = 400)
    void anyBytesGiveACleanJpegOrNothing(@ForAll("hostile") byte[] input) {
        Optional<byte[]> rewritten = BaselineJpeg.withoutMetadata(input);
        rewritten.ifPresent(out -> {
            assertThat(out.length).isLessThanOrEqualTo(input.length);
            assertThat(out[0] & 0xFF).isEqualTo(0xFF);
            assertThat(out[1] & 0xFF).isEqualTo(0xD8);
            assertThat(out[out.length - 2] & 0xFF).isEqualTo(0xFF);
            assertThat(out[out.length - 1] & 0xFF).isEqualTo(0xD9);
            assertThat(segmentMarkers(out)).noneMatch(m -> m >= 0xE0 && m <= 0xEF || m == 0xFE);
            assertThat(BaselineJpeg.withoutMetadata(out)).hasValue(out);
        });
    }

    /** Any plain baseline JPEG, with metadata added: the same pixels after the rewrite. */
    @Property(tries = 40)
    void theRewriteDecodesToTheSamePixels(@ForAll @IntRange(min = 8, max = 200) int width,
            @ForAll @IntRange(min = 8, max = 200) int height, @ForAll @IntRange(min = 10, max = 100) int quality,
            @ForAll boolean grey, @ForAll long seed) {
        BufferedImage image = new BufferedImage(width, height,
                grey ? BufferedImage.TYPE_BYTE_GRAY : BufferedImage.TYPE_3BYTE_BGR);
        SplittableRandom random = new SplittableRandom(seed);
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                image.setRGB(x, y, random.nextInt(1 << 24));
            }
        }
        byte[] jpeg = concat(withSegmentsAfterSoi(jpeg(image, quality / 100f, false), segment(0xE1, exifWithGps()),
                segment(0xFE, SERIAL)), APPENDED);
        byte[] stored = BaselineJpeg.withoutMetadata(jpeg).orElseThrow();
        assertThat(pixels(stored)).isEqualTo(pixels(jpeg));
    }

    @Provide
    Arbitrary<byte[]> hostile() {
        byte[] valid = concat(withSegmentsAfterSoi(jpeg(HostileImages.drawing(40, 32), 0.6f, false),
                segment(0xE1, exifWithGps()), segment(0xFE, SERIAL)), APPENDED);
        Arbitrary<byte[]> mutated = Combinators.combine(Arbitraries.integers().between(0, valid.length - 1),
                Arbitraries.integers().between(0, 255), Arbitraries.integers().between(0, 3)).as((at, value, how) -> {
                    return switch (how) {
                        case 0 -> Arrays.copyOf(valid, at); // truncated
                        case 1 -> { // one byte changed
                            byte[] copy = valid.clone();
                            copy[at] = (byte) value.intValue();
                            yield copy;
                        }
                        case 2 -> concat(Arrays.copyOf(valid, at), new byte[] { (byte) 0xFF, (byte) value.intValue() },
                                Arrays.copyOfRange(valid, at, valid.length)); // a marker inserted
                        default -> concat(Arrays.copyOf(valid, at), Arrays.copyOfRange(valid, Math.min(valid.length,
                                at + value), valid.length)); // a piece cut out
                    };
                });
        Arbitrary<byte[]> noise = Arbitraries.bytes().array(byte[].class).ofMaxSize(300)
                .map(bytes -> concat(new byte[] { (byte) 0xFF, (byte) 0xD8 }, bytes));
        return Arbitraries.oneOf(mutated, noise, Arbitraries.bytes().array(byte[].class).ofMaxSize(64));
    }

    static byte[] withSegmentsAfterSoi(byte[] jpeg, byte[]... segments) {
        return concat(Arrays.copyOf(jpeg, 2), concat(segments), Arrays.copyOfRange(jpeg, 2, jpeg.length));
    }

    static byte[] jpeg(BufferedImage image, float quality, boolean progressive) {
        ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (MemoryCacheImageOutputStream out = new MemoryCacheImageOutputStream(bytes)) {
            writer.setOutput(out);
            ImageWriteParam param = writer.getDefaultWriteParam();
            param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
            param.setCompressionQuality(quality);
            if (progressive) {
                param.setProgressiveMode(ImageWriteParam.MODE_DEFAULT);
            }
            writer.write(null, new IIOImage(image, null, null), param);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            writer.dispose();
        }
        return bytes.toByteArray();
    }

    /** Every pixel as ImageIO decodes it, with the image's size. */
    static int[] pixels(byte[] jpeg) {
        try {
            BufferedImage image = ImageIO.read(new ByteArrayInputStream(jpeg));
            int[] rgb = image.getRGB(0, 0, image.getWidth(), image.getHeight(), null, 0, image.getWidth());
            int[] sized = Arrays.copyOf(rgb, rgb.length + 2);
            sized[rgb.length] = image.getWidth();
            sized[rgb.length + 1] = image.getHeight();
            return sized;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The markers of the segments before the first scan. */
    static List<Integer> segmentMarkers(byte[] jpeg) {
        List<Integer> markers = new ArrayList<>();
        int at = 2;
        while (at + 3 < jpeg.length && (jpeg[at] & 0xFF) == 0xFF) {
            int marker = jpeg[at + 1] & 0xFF;
            markers.add(marker);
            if (marker == 0xDA) {
                break;
            }
            at += 2 + (((jpeg[at + 2] & 0xFF) << 8) | (jpeg[at + 3] & 0xFF));
        }
        return markers;
    }

    private static int indexOfMarker(byte[] jpeg, int marker) {
        for (int i = 2; i + 1 < jpeg.length; i++) {
            if ((jpeg[i] & 0xFF) == 0xFF && (jpeg[i + 1] & 0xFF) == marker) {
                return i;
            }
        }
        throw new IllegalArgumentException("no marker " + Integer.toHexString(marker));
    }

    private static boolean contains(byte[] data, byte[] part) {
        outer:
        for (int i = 0; i + part.length <= data.length; i++) {
            for (int j = 0; j < part.length; j++) {
                if (data[i + j] != part[j]) {
                    continue outer;
                }
            }
            return true;
        }
        return false;
    }

    static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] part : parts) {
            out.writeBytes(part);
        }
        return out.toByteArray();
    }
}

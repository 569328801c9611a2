package id.go.dukcapil.ikd.web.images;

import java.awt.image.BufferedImage;
import java.awt.image.SampleModel;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Iterator;
import java.util.Optional;

import javax.imageio.ImageIO;
import javax.imageio.ImageReadParam;
import javax.imageio.ImageReader;
import javax.imageio.ImageTypeSpecifier;
import javax.imageio.stream.FileImageInputStream;
import javax.imageio.stream.ImageInputStream;

import id.go.dukcapil.ikd.web.ProblemException;

/**
 * The suite's one way to decode an uploaded image. Everything that decides the cost is read from
 * the header with ImageIO's readers before a pixel is decoded: the format (by content, whatever
 * the client claimed), width and height, bits per channel, channels and the number of images (and
 * APNG's animation chunks, which ImageIO ignores). Beyond the {@link ImagePolicy} the answer is a
 * problem with the refusal's code, so a 48 KB file declaring 20000 × 20000 pixels costs a header
 * read. What passes is decoded with subsampling to the size the caller needs, so the decoded
 * image is bounded by the policy's decode size, not by the upload. A decoder warning (a truncated
 * JPEG, which the JDK's reader would fill with grey) refuses the image too.
 *
 * <p>Blocking and CPU-heavy: callers run it inside the {@code image-decode} bulkhead
 * ({@link ImageDecoding}).
 */
public final class ImageGuard {

    static {
        ImageIO.setUseCache(false); // decode in memory, never through temporary files
    }

    private ImageGuard() {
    }

    /** What the caller does with the pixels, which decides how much of them is decoded. */
    public enum Purpose {
        /** The caller draws or re-encodes the image: its colours, as the file holds them. */
        DRAW,
        /**
         * The caller keeps the file as it came and decodes it only as the proof that it decodes
         * without a warning. A JPEG decoded at full size is then read as grey: the reader still
         * decodes every block of every component, so a corrupt or truncated scan warns as before,
         * but transforms only the luminance and converts no colour (about half the CPU of a
         * 720×960 selfie). Anything else, and a JPEG decoded with subsampling (which the caller
         * will re-encode), is decoded as for {@link #DRAW}.
         */
        PROVE
    }

    /** The header of an image the policy accepts; refuses it otherwise. Decodes no pixels. */
    public static ImageHeader inspect(byte[] data, ImagePolicy policy) {
        return read(new ByteArrayImageInputStream(data), policy, null).header();
    }

    /** Checks the header against the policy, then decodes at the policy's decode size. */
    public static DecodedImage decode(byte[] data, ImagePolicy policy) {
        return decode(data, policy, Purpose.DRAW);
    }

    /** As {@link #decode(byte[], ImagePolicy)}, decoding what {@code purpose} needs. */
    public static DecodedImage decode(byte[] data, ImagePolicy policy, Purpose purpose) {
        return read(new ByteArrayImageInputStream(data), policy, purpose);
    }

    /** As {@link #decode(byte[], ImagePolicy)}, reading the file as needed instead of into memory. */
    public static DecodedImage decode(Path file, ImagePolicy policy) {
        ImageInputStream input;
        try {
            input = new FileImageInputStream(file.toFile());
        } catch (IOException e) {
            throw ImageRefusals.refuse(ImageRefusal.NOT_READABLE, policy);
        }
        return read(input, policy, Purpose.DRAW);
    }

    /** {@code purpose} null: the header only, no pixel decoded. */
    private static DecodedImage read(ImageInputStream input, ImagePolicy policy, Purpose purpose) {
        try (input) {
            ImageReader reader = reader(input, policy);
            try {
                ImageHeader header = header(reader, input, policy);
                if (purpose == null) {
                    return new DecodedImage(header, null, 1);
                }
                return pixels(reader, header, policy, purpose);
            } finally {
                reader.dispose();
            }
        } catch (ProblemException refused) {
            throw refused;
        } catch (IOException | RuntimeException e) {
            // corrupt or truncated data; the decoder's message may quote content, so it is not kept
            throw ImageRefusals.refuse(ImageRefusal.NOT_READABLE, policy);
        }
    }

    /** A reader of an accepted format for the content, whatever its name or claimed type. */
    private static ImageReader reader(ImageInputStream input, ImagePolicy policy) {
        Iterator<ImageReader> readers = ImageIO.getImageReaders(input);
        if (!readers.hasNext()) {
            throw ImageRefusals.refuse(ImageRefusal.NOT_READABLE, policy);
        }
        while (readers.hasNext()) {
            ImageReader reader = readers.next();
            try {
                Optional<ImageFormat> format = ImageFormat.of(reader.getFormatName());
                if (format.isPresent() && policy.formats().contains(format.get())) {
                    return reader;
                }
            } catch (IOException e) {
                // a reader that cannot even name its format is skipped
            }
            reader.dispose();
        }
        throw ImageRefusals.refuse(ImageRefusal.FORMAT_UNSUPPORTED, policy);
    }

    private static ImageHeader header(ImageReader reader, ImageInputStream input, ImagePolicy policy)
            throws IOException {
        ImageFormat format = ImageFormat.of(reader.getFormatName()).orElseThrow();
        if (format == ImageFormat.PNG && PngChunks.animated(input)) {
            throw ImageRefusals.refuse(ImageRefusal.MULTIPLE_IMAGES, policy);
        }
        // not seek-forward-only: counting the images reads to the end, and image 0 is read after
        reader.setInput(input, false, true);
        int width = reader.getWidth(0);
        int height = reader.getHeight(0);
        if (width > policy.maxSide() || height > policy.maxSide() || (long) width * height > policy.maxPixels()) {
            throw ImageRefusals.refuse(ImageRefusal.TOO_LARGE, policy);
        }
        if (width < policy.minSide() || height < policy.minSide()) {
            throw ImageRefusals.refuse(ImageRefusal.TOO_SMALL, policy);
        }
        ImageTypeSpecifier raw = reader.getRawImageType(0);
        if (raw == null) {
            // a colour model the reader has no image type for: it could not decode it
            throw ImageRefusals.refuse(ImageRefusal.FORMAT_UNSUPPORTED, policy);
        }
        SampleModel samples = raw.getSampleModel();
        int bits = Arrays.stream(samples.getSampleSize()).max().orElse(0);
        if (bits > policy.maxBitsPerChannel()) {
            throw ImageRefusals.refuse(ImageRefusal.DEPTH_UNSUPPORTED, policy);
        }
        int images = reader.getNumImages(true);
        if (images != 1) {
            throw ImageRefusals.refuse(ImageRefusal.MULTIPLE_IMAGES, policy);
        }
        return new ImageHeader(format, width, height, bits, samples.getNumBands(), images);
    }

    private static DecodedImage pixels(ImageReader reader, ImageHeader header, ImagePolicy policy, Purpose purpose)
            throws IOException {
        int longSide = Math.max(header.width(), header.height());
        int subsampling = Math.max(1, Math.ceilDiv(longSide, policy.decodeLongSide()));
        ImageReadParam param = reader.getDefaultReadParam();
        param.setSourceSubsampling(subsampling, subsampling, 0, 0);
        if (purpose == Purpose.PROVE && subsampling == 1 && header.format() == ImageFormat.JPEG) {
            grey(reader).ifPresent(param::setDestinationType);
        }
        boolean[] warned = { false };
        reader.addIIOReadWarningListener((source, warning) -> warned[0] = true);
        BufferedImage image = reader.read(0, param);
        if (warned[0]) {
            throw ImageRefusals.refuse(ImageRefusal.NOT_READABLE, policy);
        }
        return new DecodedImage(header, image, subsampling);
    }

    /** The reader's grey destination, when it offers one (the JPEG reader does for a colour JPEG). */
    private static Optional<ImageTypeSpecifier> grey(ImageReader reader) throws IOException {
        for (Iterator<ImageTypeSpecifier> types = reader.getImageTypes(0); types.hasNext();) {
            ImageTypeSpecifier type = types.next();
            if (type.getBufferedImageType() == BufferedImage.TYPE_BYTE_GRAY) {
                return Optional.of(type);
            }
        }
        return Optional.empty();
    }
}

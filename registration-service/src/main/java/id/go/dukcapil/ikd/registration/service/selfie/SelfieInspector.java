package id.go.dukcapil.ikd.registration.service.selfie;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.Transparency;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;

import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.MemoryCacheImageOutputStream;

import jakarta.enterprise.context.ApplicationScoped;

import id.go.dukcapil.ikd.registration.config.RegistrationConfig;
import id.go.dukcapil.ikd.registration.service.problems.RegistrationProblems;
import id.go.dukcapil.ikd.web.ProblemException;
import id.go.dukcapil.ikd.web.ProblemType;
import id.go.dukcapil.ikd.web.images.BaselineJpeg;
import id.go.dukcapil.ikd.web.images.DecodedImage;
import id.go.dukcapil.ikd.web.images.ImageDecoding;
import id.go.dukcapil.ikd.web.images.ImageFormat;
import id.go.dukcapil.ikd.web.images.ImageGuard;
import id.go.dukcapil.ikd.web.images.ImagePolicy;
import id.go.dukcapil.ikd.web.images.ImageRefusal;
import io.smallrye.mutiny.Uni;

/**
 * Checks that a selfie really is one still JPEG or PNG photo of sensible size, whatever content
 * type the client claimed, and stores it as a JPEG at most {@code stored-long-side} pixels long.
 *
 * <p>{@link ImageGuard} reads format, dimensions, bits per channel and image count from the header
 * and refuses before any pixel is decoded (a 130 KB 16-bit PNG would decode to 128 MiB), then
 * decodes with subsampling to the stored size. All of it runs in the {@code image-decode}
 * bulkhead, so a burst of selfies waits or gets 503 instead of taking the heap. What is stored is
 * the pixels only: a plain baseline JPEG within the stored size loses its APPn/COM segments and
 * trailing bytes losslessly, anything else is re-encoded; either way EXIF metadata (GPS position,
 * device serials) and anything appended to the file never reach storage or the operator's screen.
 */
@ApplicationScoped
public class SelfieInspector {

    private static final float JPEG_QUALITY = 0.9f;
    /** The problem code of each refusal of an image; the moving selfie's frames use them too. */
    public static final Map<ImageRefusal, ProblemType> CODES = Map.of(
            ImageRefusal.NOT_READABLE, RegistrationProblems.SELFIE_NOT_AN_IMAGE,
            ImageRefusal.FORMAT_UNSUPPORTED, RegistrationProblems.SELFIE_UNSUPPORTED_FORMAT,
            ImageRefusal.TOO_LARGE, RegistrationProblems.SELFIE_TOO_MANY_PIXELS,
            ImageRefusal.TOO_SMALL, RegistrationProblems.SELFIE_TOO_SMALL,
            ImageRefusal.DEPTH_UNSUPPORTED, RegistrationProblems.SELFIE_DEPTH_UNSUPPORTED,
            ImageRefusal.MULTIPLE_IMAGES, RegistrationProblems.SELFIE_ANIMATED);

    private final RegistrationConfig.Selfie limits;
    private final ImagePolicy policy;
    private final ImageDecoding decoding;

    public SelfieInspector(RegistrationConfig config, ImageDecoding decoding) {
        this.limits = config.selfie();
        this.decoding = decoding;
        this.policy = new ImagePolicy(EnumSet.of(ImageFormat.JPEG, ImageFormat.PNG), limits.maxSide(),
                limits.maxPixels(), limits.minSide(), limits.maxBitsPerChannel(), limits.storedLongSide(),
                new ImagePolicy.Subject("selfie", "swafoto", "selfie"), CODES);
    }

    /** What the selfie may be; also what the {@code image-decode} bulkhead is sized for. */
    public ImagePolicy policy() {
        return policy;
    }

    /**
     * Checks and stores an uploaded file in the {@code image-decode} bulkhead: its size first, then
     * its bytes (at most {@code max-bytes}), which the lossless rewrite needs besides the decoder.
     */
    public Uni<Selfie> inspect(Path upload) {
        return decoding.run(() -> inspectFile(upload));
    }

    private Selfie inspectFile(Path upload) {
        long size;
        try {
            size = Files.size(upload);
        } catch (IOException e) {
            throw new UncheckedIOException("reading an uploaded selfie failed", e);
        }
        if (size == 0) {
            throw missing();
        }
        if (size > limits.maxBytes()) {
            throw tooLarge();
        }
        byte[] data;
        try {
            data = Files.readAllBytes(upload); // at most max-bytes, checked above
        } catch (IOException e) {
            throw new UncheckedIOException("reading an uploaded selfie failed", e);
        }
        return stored(data);
    }

    /** The same checks and storing for bytes in memory, on the calling thread. */
    public Selfie inspect(byte[] upload) {
        if (upload == null || upload.length == 0) {
            throw missing();
        }
        if (upload.length > limits.maxBytes()) {
            throw tooLarge();
        }
        return stored(upload);
    }

    /**
     * What is stored: the decode is the proof that the pixels are sound either way; a baseline JPEG
     * at most {@code stored-long-side} long is then stored as it came, less its metadata (a byte
     * copy, {@link BaselineJpeg}), and anything else re-encoded (about 12 ms of CPU for a 720×960
     * selfie, docs/performance.md). A JPEG stored as it came needs its decode only as that proof,
     * so it is decoded without its colours ({@link ImageGuard.Purpose#PROVE}).
     */
    private Selfie stored(byte[] upload) {
        // a file larger than the stored size is re-encoded anyway: known from its frame header
        Optional<byte[]> plain = BaselineJpeg.withoutMetadata(upload, policy.decodeLongSide());
        DecodedImage decoded = ImageGuard.decode(upload, policy,
                plain.isPresent() ? ImageGuard.Purpose.PROVE : ImageGuard.Purpose.DRAW);
        if (plain.isPresent() && decoded.header().format() == ImageFormat.JPEG && decoded.subsampling() == 1) {
            byte[] jpeg = plain.get();
            return new Selfie(jpeg, sha256(jpeg), decoded.header().width(), decoded.header().height());
        }
        return reencode(decoded);
    }

    // package-private for SelfieCostBench, which measures it against the lossless rewrite
    static Selfie reencode(DecodedImage decoded) {
        BufferedImage image = writable(decoded.image());
        byte[] jpeg = encodeJpeg(image);
        return new Selfie(jpeg, sha256(jpeg), image.getWidth(), image.getHeight());
    }

    /**
     * The decoded image itself when the JPEG writer takes it as it is (ImageIO decodes JPEG and
     * 8-bit RGB PNG to 3-byte BGR, grey to 1 byte): no copy of the pixels. Transparent, palette and
     * packed images are drawn onto white, as the operator would see a transparent PNG.
     */
    private static BufferedImage writable(BufferedImage image) {
        int type = image.getType();
        if ((type == BufferedImage.TYPE_3BYTE_BGR || type == BufferedImage.TYPE_BYTE_GRAY)
                && image.getColorModel().getTransparency() == Transparency.OPAQUE) {
            return image;
        }
        BufferedImage rgb = new BufferedImage(image.getWidth(), image.getHeight(), BufferedImage.TYPE_3BYTE_BGR);
        Graphics2D graphics = rgb.createGraphics();
        try {
            graphics.setColor(Color.WHITE);
            graphics.fillRect(0, 0, image.getWidth(), image.getHeight());
            graphics.drawImage(image, 0, 0, null);
        } finally {
            graphics.dispose();
        }
        return rgb;
    }

    private static byte[] encodeJpeg(BufferedImage image) {
        ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (MemoryCacheImageOutputStream output = new MemoryCacheImageOutputStream(bytes)) {
            writer.setOutput(output);
            ImageWriteParam param = writer.getDefaultWriteParam();
            param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
            param.setCompressionQuality(JPEG_QUALITY);
            writer.write(null, new IIOImage(image, null, null), param);
        } catch (IOException e) {
            throw new UncheckedIOException("encoding a decoded image as JPEG failed", e);
        } finally {
            writer.dispose();
        }
        return bytes.toByteArray();
    }

    private static String sha256(byte[] data) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(data));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    public static ProblemException missing() {
        return new ProblemException(RegistrationProblems.SELFIE_MISSING, "Kirim swafoto Anda.", "Send your selfie.")
                .with("field", "selfie");
    }

    private ProblemException tooLarge() {
        return new ProblemException(RegistrationProblems.SELFIE_TOO_LARGE,
                "Ukuran swafoto paling besar " + limits.maxBytes() / 1024 + " KB.",
                "The selfie may be at most " + limits.maxBytes() / 1024 + " KB.")
                .with("field", "selfie").with("maxBytes", limits.maxBytes());
    }
}

package id.go.dukcapil.ikd.registration.service;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.Locale;
import java.util.Set;

import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageInputStream;
import javax.imageio.stream.MemoryCacheImageOutputStream;

import jakarta.enterprise.context.ApplicationScoped;

import id.go.dukcapil.ikd.registration.config.RegistrationConfig;
import id.go.dukcapil.ikd.web.ProblemException;

/**
 * Checks that a selfie really is a JPEG or PNG photo of sensible size, whatever content type the
 * client claimed, and re-encodes it as JPEG. Blocking and CPU-heavy: call it on a worker thread.
 *
 * <p>The dimensions are read from the image header before any pixel is decoded, so a small file
 * that would expand to gigabytes (a decompression bomb) is refused without decoding it.
 * Re-encoding drops everything but the pixels: EXIF metadata (GPS position, device serials) and
 * anything appended to the file never reach storage or the operator's screen.
 */
@ApplicationScoped
public class SelfieInspector {

    private static final Set<String> ACCEPTED_FORMATS = Set.of("jpeg", "png");
    private static final float JPEG_QUALITY = 0.9f;

    private final RegistrationConfig.Selfie limits;

    public SelfieInspector(RegistrationConfig config) {
        this.limits = config.selfie();
        ImageIO.setUseCache(false); // decode in memory, never through temp files
    }

    /** Reads an uploaded file; its size is checked before it is read. */
    public Selfie inspect(Path upload) {
        try {
            long size = Files.size(upload);
            if (size == 0) {
                throw missing();
            }
            if (size > limits.maxBytes()) {
                throw tooLarge();
            }
            return inspect(Files.readAllBytes(upload));
        } catch (IOException e) {
            throw new UncheckedIOException("reading an uploaded selfie failed", e);
        }
    }

    public Selfie inspect(byte[] upload) {
        if (upload == null || upload.length == 0) {
            throw missing();
        }
        if (upload.length > limits.maxBytes()) {
            throw tooLarge();
        }
        BufferedImage image = decode(upload);
        byte[] jpeg = encodeJpeg(image);
        return new Selfie(jpeg, sha256(jpeg), image.getWidth(), image.getHeight());
    }

    private BufferedImage decode(byte[] upload) {
        try (ImageInputStream input = ImageIO.createImageInputStream(new ByteArrayInputStream(upload))) {
            Iterator<ImageReader> readers = ImageIO.getImageReaders(input);
            if (!readers.hasNext()) {
                throw notAnImage();
            }
            ImageReader reader = readers.next();
            try {
                String format = reader.getFormatName().toLowerCase(Locale.ROOT);
                if (!ACCEPTED_FORMATS.contains(format)) {
                    throw new ProblemException(RegistrationProblems.SELFIE_UNSUPPORTED_FORMAT,
                            "Kirim swafoto dalam format JPEG atau PNG.", "Send the selfie as JPEG or PNG.")
                            .with("field", "selfie");
                }
                reader.setInput(input, true, true);
                checkDimensions(reader.getWidth(0), reader.getHeight(0));
                return reader.read(0);
            } finally {
                reader.dispose();
            }
        } catch (IOException | RuntimeException e) {
            if (e instanceof ProblemException problem) {
                throw problem;
            }
            // truncated or corrupt data: the decoder's message may quote content, so it is not kept
            throw notAnImage();
        }
    }

    private void checkDimensions(int width, int height) {
        if (width > limits.maxSide() || height > limits.maxSide() || (long) width * height > limits.maxPixels()) {
            throw new ProblemException(RegistrationProblems.SELFIE_TOO_MANY_PIXELS,
                    "Resolusi swafoto paling besar " + limits.maxSide() + " piksel per sisi.",
                    "The selfie may be at most " + limits.maxSide() + " pixels per side.")
                    .with("field", "selfie").with("maxSide", limits.maxSide()).with("maxPixels", limits.maxPixels());
        }
        if (width < limits.minSide() || height < limits.minSide()) {
            throw new ProblemException(RegistrationProblems.SELFIE_TOO_SMALL,
                    "Resolusi swafoto paling kecil " + limits.minSide() + " piksel per sisi.",
                    "The selfie must be at least " + limits.minSide() + " pixels per side.")
                    .with("field", "selfie").with("minSide", limits.minSide());
        }
    }

    private static byte[] encodeJpeg(BufferedImage image) {
        // JPEG has no alpha: flatten onto white, as the operator would see a transparent PNG
        BufferedImage rgb = new BufferedImage(image.getWidth(), image.getHeight(), BufferedImage.TYPE_INT_RGB);
        Graphics2D graphics = rgb.createGraphics();
        try {
            graphics.setColor(Color.WHITE);
            graphics.fillRect(0, 0, image.getWidth(), image.getHeight());
            graphics.drawImage(image, 0, 0, null);
        } finally {
            graphics.dispose();
        }
        ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (MemoryCacheImageOutputStream output = new MemoryCacheImageOutputStream(bytes)) {
            writer.setOutput(output);
            ImageWriteParam param = writer.getDefaultWriteParam();
            param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
            param.setCompressionQuality(JPEG_QUALITY);
            writer.write(null, new IIOImage(rgb, null, null), param);
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

    private static ProblemException notAnImage() {
        return new ProblemException(RegistrationProblems.SELFIE_NOT_AN_IMAGE,
                "Berkas swafoto bukan gambar JPEG atau PNG yang dapat dibaca.",
                "The selfie file is not a readable JPEG or PNG image.").with("field", "selfie");
    }
}

package id.go.dukcapil.ikd.token.service;

import java.nio.file.Path;
import java.util.EnumSet;
import java.util.Map;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import com.google.zxing.LuminanceSource;
import com.google.zxing.client.j2se.BufferedImageLuminanceSource;

import id.go.dukcapil.ikd.token.config.TokenConfig;
import id.go.dukcapil.ikd.token.qr.QrReader;
import id.go.dukcapil.ikd.web.Bulkheads;
import id.go.dukcapil.ikd.web.images.ImageDecoding;
import id.go.dukcapil.ikd.web.images.ImageFormat;
import id.go.dukcapil.ikd.web.images.ImagePolicy;
import io.smallrye.mutiny.Uni;

/**
 * The QR code in a picture uploaded to the /verify page. The picture goes through the platform's
 * image guard in the {@code image-decode} bulkhead (PNG, JPEG or GIF, at most
 * {@code verifier-page.max-pixels}, one still image, 8 bits per channel, decoded with subsampling
 * to {@code decode-long-side}), where it is turned into grey levels; ZXing reads those in the
 * {@code qr-read} bulkhead. Refusals are problems with the platform's {@code IMAGE_*} codes.
 */
@ApplicationScoped
public class PictureQrReader {

    public static final String QR_READ_BULKHEAD = "qr-read";

    private final ImageDecoding decoding;
    private final Bulkheads bulkheads;
    private final ImagePolicy policy;

    public PictureQrReader(ImageDecoding decoding, Bulkheads bulkheads, TokenConfig config) {
        this.decoding = decoding;
        this.bulkheads = bulkheads;
        TokenConfig.VerifierPage page = config.verifierPage();
        this.policy = pagePolicy(page.maxSide(), page.maxPixels(), page.decodeLongSide());
    }

    /** The verifier page's picture policy: any format, one frame, decoded at most {@code decodeLongSide} long. */
    public static ImagePolicy pagePolicy(int maxSide, long maxPixels, int decodeLongSide) {
        return new ImagePolicy(EnumSet.allOf(ImageFormat.class), maxSide, maxPixels, 1, 8, decodeLongSide,
                new ImagePolicy.Subject("picture", "gambar", "picture"), Map.of());
    }

    public ImagePolicy policy() {
        return policy;
    }

    /** The QR code's text, empty when the picture has none; fails with the refusal's problem. */
    public Uni<Optional<String>> read(Path picture) {
        // grey levels (a byte a pixel) made in the decode task, so the decoded picture goes with it
        return decoding.decode(picture, policy,
                decoded -> (LuminanceSource) new BufferedImageLuminanceSource(decoded.image()))
                .chain(grey -> bulkheads.named(QR_READ_BULKHEAD).run(() -> QrReader.read(grey)));
    }
}

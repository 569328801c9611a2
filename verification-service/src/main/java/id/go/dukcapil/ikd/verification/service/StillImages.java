package id.go.dukcapil.ikd.verification.service;

import java.util.EnumSet;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import jakarta.inject.Singleton;

import id.go.dukcapil.ikd.crypto.AesGcmSealer;
import id.go.dukcapil.ikd.verification.config.VideoCallConfig;
import id.go.dukcapil.ikd.verification.domain.VideoCallProblems;
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
 * A still from a call, checked and sealed as the selfie is, with the platform's mechanisms: the
 * upload's size, then {@link ImageGuard} (format by content, sides and pixel budget from the header,
 * one image, a full decode that any warning refuses) in the {@code image-decode} bulkhead
 * ({@link ImageDecoding}), then the pixels only ({@link BaselineJpeg}: no APPn, COM or trailing bytes),
 * sealed with AES-256-GCM ({@link AesGcmSealer}) under {@code ikd.video-call.stills.key} with the
 * still's id as associated data. The call page sends the canvas's baseline JPEG, whose sRGB profile
 * goes with the other metadata, so a still of another shape is refused rather than re-encoded.
 */
@Singleton
public class StillImages {

    static final String KEY_SETTING = "ikd.video-call.stills.key";
    private static final Map<ImageRefusal, ProblemType> CODES = Map.of(
            ImageRefusal.NOT_READABLE, VideoCallProblems.STILL_INVALID,
            ImageRefusal.FORMAT_UNSUPPORTED, VideoCallProblems.STILL_INVALID,
            ImageRefusal.TOO_LARGE, VideoCallProblems.STILL_TOO_LARGE,
            ImageRefusal.TOO_SMALL, VideoCallProblems.STILL_INVALID,
            ImageRefusal.DEPTH_UNSUPPORTED, VideoCallProblems.STILL_INVALID,
            ImageRefusal.MULTIPLE_IMAGES, VideoCallProblems.STILL_INVALID);

    /** A checked still, sealed for the row {@code id}. */
    public record Sealed(UUID id, byte[] sealed, int width, int height) {
    }

    private final VideoCallConfig.Stills limits;
    private final ImagePolicy policy;
    private final ImageDecoding decoding;
    private final Optional<AesGcmSealer> sealer;

    public StillImages(VideoCallConfig config, ImageDecoding decoding) {
        this.limits = config.stills();
        this.decoding = decoding;
        // decoded at full size (the decode long side is the largest side): the decode proves the very bytes stored
        this.policy = new ImagePolicy(EnumSet.of(ImageFormat.JPEG), limits.maxSide(), limits.maxPixels(),
                limits.minSide(), 8, limits.maxSide(), new ImagePolicy.Subject("still", "foto", "still"), CODES);
        // a malformed key stops the service at start with the setting's name; an absent one turns stills off
        this.sealer = limits.key().filter(key -> !key.isBlank())
                .map(key -> AesGcmSealer.fromBase64(key, KEY_SETTING, 32));
    }

    public boolean configured() {
        return sealer.isPresent();
    }

    /** What a still may be; also what the {@code image-decode} bulkhead is sized for. */
    public ImagePolicy policy() {
        return policy;
    }

    /** Refuses at once, before any decoding, when stills are off or the upload is empty or too large. */
    public void requireAcceptable(byte[] upload) {
        requireConfigured();
        if (upload == null || upload.length == 0) {
            throw new ProblemException(VideoCallProblems.STILL_INVALID, "Kirim gambar JPEG dari video.",
                    "Send a JPEG image from the video.").with("field", "still");
        }
        if (upload.length > limits.maxBytes()) {
            throw new ProblemException(VideoCallProblems.STILL_TOO_LARGE,
                    "Ukuran foto paling besar " + limits.maxBytes() / 1024 + " KB.",
                    "A still may be at most " + limits.maxBytes() / 1024 + " KB.")
                    .with("field", "still").with("maxBytes", limits.maxBytes());
        }
    }

    /** Checks, strips and seals {@code upload} as the still {@code id}, in the {@code image-decode} bulkhead. */
    public Uni<Sealed> seal(UUID id, byte[] upload) {
        requireAcceptable(upload);
        return decoding.run(() -> {
            DecodedImage decoded = ImageGuard.decode(upload, policy);
            byte[] plain = BaselineJpeg.withoutMetadata(upload).orElseThrow(() -> new ProblemException(
                    VideoCallProblems.STILL_INVALID, "Foto harus berupa JPEG baseline dari halaman panggilan.",
                    "A still must be a baseline JPEG from the call page.").with("field", "still"));
            return new Sealed(id, sealer.orElseThrow().seal(id.toString(), plain), decoded.header().width(),
                    decoded.header().height());
        });
    }

    /** The JPEG of the still {@code id}; fails when the key or the row is not the one it was sealed with. */
    public byte[] open(UUID id, byte[] sealed) {
        requireConfigured();
        return sealer.orElseThrow().open(id.toString(), sealed);
    }

    private void requireConfigured() {
        if (sealer.isEmpty()) {
            throw new ProblemException(VideoCallProblems.STILLS_NOT_CONFIGURED,
                    "Kunci enkripsi foto (" + KEY_SETTING + ") belum dipasang.",
                    "The stills' encryption key (" + KEY_SETTING + ") is not set.");
        }
    }
}

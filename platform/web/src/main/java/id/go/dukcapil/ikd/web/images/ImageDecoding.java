package id.go.dukcapil.ikd.web.images;

import java.nio.file.Path;
import java.util.function.Function;
import java.util.function.Supplier;

import jakarta.enterprise.context.ApplicationScoped;

import id.go.dukcapil.ikd.web.Bulkheads;
import io.smallrye.mutiny.Uni;

/**
 * Decoding uploads behind the {@value #BULKHEAD} bulkhead: {@link ImageGuard}'s checks and decode,
 * then the caller's use of the pixels (re-encoding, reading a QR code) in the same task, so that
 * at most the bulkhead's concurrency of decoded images is alive at once. Size the bulkhead with
 * {@code ikd.bulkhead.image-decode.memory-per-task} at least {@link ImagePolicy#worstCaseDecodeBytes()}
 * plus the largest upload; beyond it the answer is {@code 503 SERVICE_BUSY} with Retry-After.
 */
@ApplicationScoped
public class ImageDecoding {

    public static final String BULKHEAD = "image-decode";

    private final Bulkheads bulkheads;

    public ImageDecoding(Bulkheads bulkheads) {
        this.bulkheads = bulkheads;
    }

    /** Decodes {@code file} under {@code policy} and applies {@code use}, on the bulkhead's threads. */
    public <T> Uni<T> decode(Path file, ImagePolicy policy, Function<DecodedImage, T> use) {
        return bulkheads.named(BULKHEAD).run(() -> use.apply(ImageGuard.decode(file, policy)));
    }

    /**
     * Runs {@code work}, which decodes with {@link ImageGuard} itself (e.g. after checks of its own
     * on the file), in the same bulkhead.
     */
    public <T> Uni<T> run(Supplier<T> work) {
        return bulkheads.named(BULKHEAD).run(work);
    }

    /** As {@link #decode(Path, ImagePolicy, Function)}, for bytes already in memory. */
    public <T> Uni<T> decode(byte[] data, ImagePolicy policy, Function<DecodedImage, T> use) {
        return bulkheads.named(BULKHEAD).run(() -> use.apply(ImageGuard.decode(data, policy)));
    }
}

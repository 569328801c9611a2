package id.go.dukcapil.ikd.token.service;

import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.context.ApplicationScoped;

import id.go.dukcapil.ikd.token.config.TokenConfig;
import id.go.dukcapil.ikd.token.domain.QrImage;
import id.go.dukcapil.ikd.token.domain.QrToken;
import id.go.dukcapil.ikd.token.qr.QrCodes;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;

/**
 * Renders a token's QR code once, on a worker thread (never on the event loop), and keeps the
 * images for the token's life so that fetching them again costs nothing.
 */
@ApplicationScoped
public class QrImageService {

    private final Map<String, QrImage> cache = new ConcurrentHashMap<>();
    private final TokenConfig config;
    private final Clock clock;

    public QrImageService(TokenConfig config, Clock clock) {
        this.config = config;
        this.clock = clock;
    }

    public Uni<QrImage> render(QrToken token) {
        return Uni.createFrom().item(() -> cache.computeIfAbsent(token.jti(), jti -> draw(token)))
                .runSubscriptionOn(Infrastructure.getDefaultWorkerPool());
    }

    /** The cached images of a live token of this subject. */
    public Optional<QrImage> cached(String jti, String subject) {
        return Optional.ofNullable(cache.get(jti))
                .filter(image -> image.subject().equals(subject))
                .filter(image -> image.expiresAt().isAfter(clock.instant()));
    }

    QrImage draw(QrToken token) {
        QrCodes.Matrix matrix = QrCodes.encode(token.token());
        return new QrImage(token.jti(), token.subject(), matrix.version(),
                QrCodes.png(matrix, config.qr().moduleSize()), QrCodes.svg(matrix), token.expiresAt());
    }

    @Scheduled(every = "30s", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void evictExpired() {
        var now = clock.instant();
        cache.values().removeIf(image -> !image.expiresAt().isAfter(now));
    }
}

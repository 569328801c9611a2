package id.go.dukcapil.ikd.token.service;

import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import id.go.dukcapil.ikd.token.config.TokenConfig;
import id.go.dukcapil.ikd.token.domain.QrImage;
import id.go.dukcapil.ikd.token.domain.QrToken;
import id.go.dukcapil.ikd.token.qr.QrCodes;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;

/**
 * Draws a token's QR code on a worker thread (never on the event loop), and remembers the live
 * token itself, not its pictures, so that its owner can fetch them again ({@code qr.pngUrl},
 * {@code qr.svgUrl}) until it expires. Drawing again costs about 70 µs; keeping the pictures cost
 * 14 KB per live token, which at a few thousand mints per second is gigabytes of heap. A full map
 * stops remembering rather than growing: the mint answer carries the pictures anyway.
 */
@ApplicationScoped
public class QrImageService {

    /** A live token as its owner may see it again. */
    private record LiveToken(String subject, String token, Instant expiresAt) {
    }

    private final Map<String, LiveToken> live = new ConcurrentHashMap<>();
    private final int moduleSize;
    private final int maxLiveTokens;
    private final Clock clock;
    private final Counter notRemembered;

    @Inject
    public QrImageService(TokenConfig config, Clock clock, MeterRegistry registry) {
        this(config.qr().moduleSize(), config.qr().maxLiveTokens(), clock, registry);
    }

    QrImageService(int moduleSize, int maxLiveTokens, Clock clock, MeterRegistry registry) {
        this.moduleSize = moduleSize;
        this.maxLiveTokens = maxLiveTokens;
        this.clock = clock;
        Gauge.builder("ikd.token.qr.live", live, Map::size).description("live QR tokens whose images can be fetched again")
                .register(registry);
        this.notRemembered = Counter.builder("ikd.token.qr.not.remembered")
                .description("QR tokens minted while the live-token map was full: their image URLs answer 404").register(registry);
    }

    /** For tests of one class: metrics go nowhere. */
    QrImageService(int moduleSize, int maxLiveTokens, Clock clock) {
        this(moduleSize, maxLiveTokens, clock, new SimpleMeterRegistry());
    }

    /** The token's PNG and SVG, drawn on a worker; the token is remembered for its image URLs. */
    public Uni<QrImage> render(QrToken token) {
        return Uni.createFrom().item(() -> {
            remember(token);
            return draw(token.jti(), token.token());
        }).runSubscriptionOn(Infrastructure.getDefaultWorkerPool());
    }

    /** The PNG of a live token of this subject, drawn again; call from a worker thread. */
    public Optional<byte[]> png(String jti, String subject) {
        return liveToken(jti, subject).map(token -> QrCodes.png(QrCodes.encode(token.token()), moduleSize));
    }

    /** The SVG of a live token of this subject, drawn again; call from a worker thread. */
    public Optional<String> svg(String jti, String subject) {
        return liveToken(jti, subject).map(token -> QrCodes.svg(QrCodes.encode(token.token())));
    }

    int liveTokens() {
        return live.size();
    }

    private void remember(QrToken token) {
        if (live.size() >= maxLiveTokens) {
            notRemembered.increment();
            return;
        }
        live.put(token.jti(), new LiveToken(token.subject(), token.token(), token.expiresAt()));
    }

    private Optional<LiveToken> liveToken(String jti, String subject) {
        return Optional.ofNullable(live.get(jti))
                .filter(token -> token.subject().equals(subject))
                .filter(token -> token.expiresAt().isAfter(clock.instant()));
    }

    private QrImage draw(String jti, String token) {
        QrCodes.Matrix matrix = QrCodes.encode(token);
        return new QrImage(jti, matrix.version(), QrCodes.png(matrix, moduleSize), QrCodes.svg(matrix));
    }

    @Scheduled(every = "30s", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void evictExpired() {
        Instant now = clock.instant();
        live.values().removeIf(token -> !token.expiresAt().isAfter(now));
    }
}

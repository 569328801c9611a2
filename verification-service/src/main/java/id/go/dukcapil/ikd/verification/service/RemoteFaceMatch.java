package id.go.dukcapil.ikd.verification.service;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import id.go.dukcapil.ikd.verification.client.FaceMatchClient;
import id.go.dukcapil.ikd.verification.config.FaceMatchConfig;
import id.go.dukcapil.ikd.verification.domain.FaceImage;
import id.go.dukcapil.ikd.verification.domain.FaceMatchScore;
import id.go.dukcapil.ikd.web.Bulkheads;
import id.go.dukcapil.ikd.web.ProblemException;
import io.smallrye.mutiny.Uni;

/**
 * A remote provider ({@link FaceMatchClient}): the blocking call runs in the {@value #BULKHEAD} bulkhead
 * ({@code ikd.bulkhead.face-match.*}: a few at once, a few waiting, the rest answered "busy" at once), never
 * on the event loop, and the page waits at most {@code ikd.verification.face-match.timeout} for it, waiting
 * for a place included. Whatever happens, the page gets a score or the reason there is none.
 */
@ApplicationScoped
public class RemoteFaceMatch implements FaceMatch {

    static final String BULKHEAD = "face-match";
    private static final Logger LOG = Logger.getLogger(RemoteFaceMatch.class);

    private final FaceMatchClient client;
    private final Bulkheads bulkheads;
    private final FaceMatchConfig config;

    public RemoteFaceMatch(FaceMatchClient client, Bulkheads bulkheads, FaceMatchConfig config) {
        this.client = client;
        this.bulkheads = bulkheads;
        this.config = config;
    }

    @Override
    public Uni<FaceMatchScore> compare(FaceImage selfie, FaceImage registryPhoto) {
        return bulkheads.named(BULKHEAD).run(() -> client.compare(selfie, registryPhoto))
                .ifNoItem().after(config.timeout()).recoverWithItem(() -> FaceMatchClient.timedOut(config.timeout()))
                .onFailure(ProblemException.class).recoverWithItem(busy -> FaceMatchScore.unavailable(
                        "terlalu banyak permintaan skor saat ini; muat ulang halaman sebentar lagi",
                        "too many score requests right now; reload the page in a moment"))
                .onFailure().recoverWithItem(e -> {
                    LOG.warnf("face-match failed: %s", e.getClass().getSimpleName());
                    return FaceMatchScore.unavailable("terjadi kesalahan saat meminta skor",
                            "asking for the score failed");
                });
    }
}

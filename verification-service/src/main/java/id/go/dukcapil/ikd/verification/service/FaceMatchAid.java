package id.go.dukcapil.ikd.verification.service;

import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import id.go.dukcapil.ikd.verification.client.SelfieFetcher;
import id.go.dukcapil.ikd.verification.config.FaceMatchConfig;
import id.go.dukcapil.ikd.verification.domain.FaceImage;
import id.go.dukcapil.ikd.verification.domain.FaceMatchScore;
import id.go.dukcapil.ikd.verification.domain.VerificationCase;
import id.go.dukcapil.ikd.verification.repository.PopulationRegistry;
import id.go.dukcapil.ikd.verification.repository.PopulationRegistry.RegistryPhoto;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;

/**
 * The face-similarity score beside the selfie and the registry photo: from the configured
 * {@link FaceMatch} provider, only when both images are there (a selfie that is not the registered one is
 * not compared). The score is an aid: it is shown, never stored with the case or the decision, and no
 * rule reads it; that it was shown (provider, version, score) is an audit entry, {@code FACE_MATCH_SHOWN}.
 */
@ApplicationScoped
public class FaceMatchAid {

    private static final Logger LOG = Logger.getLogger(FaceMatchAid.class);

    private final FaceMatch provider;
    private final boolean builtIn;
    private final AuditLog audit;
    private final CaseQueries queries;
    private final CaseGrantIssuer grants;
    private final SelfieFetcher selfies;
    private final PopulationRegistry registry;

    public FaceMatchAid(FaceMatchConfig config, BuiltInFaceMatch none, RemoteFaceMatch remote, AuditLog audit,
            CaseQueries queries, CaseGrantIssuer grants, SelfieFetcher selfies, PopulationRegistry registry) {
        this.builtIn = config.provider() == FaceMatchConfig.Provider.NONE;
        this.provider = builtIn ? none : remote;
        this.audit = audit;
        this.queries = queries;
        this.grants = grants;
        this.selfies = selfies;
        this.registry = registry;
    }

    /** The score of a case the operator may see, fetching the selfie and the registry photo (the JSON API). */
    public Uni<FaceMatchScore> ofCase(OperatorPrincipal principal, String operatorToken, UUID caseId) {
        return queries.visible(principal, caseId).chain(c -> builtIn
                ? Uni.createFrom().item(BuiltInFaceMatch.NO_SCORE)
                : grants.issue(principal, c)
                        .chain(grant -> selfies.fetch(c.registrationId, operatorToken, grant.grant(), c.selfieSha256))
                        .chain(selfie -> registry.photo(c.nik).chain(photo -> compare(principal, c, selfie, photo))));
    }

    /** The score for the images the case page already fetched. Never fails. */
    public Uni<FaceMatchScore> compare(OperatorPrincipal principal, VerificationCase c, SelfieFetcher.Selfie selfie,
            Optional<RegistryPhoto> photo) {
        if (builtIn) {
            return Uni.createFrom().item(BuiltInFaceMatch.NO_SCORE);
        }
        if (selfie.availability() != SelfieFetcher.Availability.SHOWN) {
            return Uni.createFrom().item(FaceMatchScore.unavailable("tidak ada swafoto terdaftar untuk dibandingkan",
                    "there is no registered selfie to compare"));
        }
        if (photo.isEmpty()) {
            return Uni.createFrom().item(FaceMatchScore.unavailable("tidak ada foto registri untuk dibandingkan",
                    "there is no registry photo to compare"));
        }
        FaceImage probe = new FaceImage(selfie.contentType(), selfie.content());
        FaceImage reference = new FaceImage(photo.get().contentType(), photo.get().content());
        return provider.compare(probe, reference).chain(score -> score.outcome() != FaceMatchScore.Outcome.SCORED
                ? Uni.createFrom().item(score)
                : Panache.withTransaction(() -> audit.append("FACE_MATCH_SHOWN", principal.username(),
                        principal.officeCode(), c.id.toString(), Map.of("provider", score.provider(),
                                "version", score.version(), "score", score.scoreText())))
                        .replaceWith(score)
                        // a score whose showing cannot be recorded is not shown
                        .onFailure().recoverWithItem(e -> {
                            LOG.warnf("face-match score of case %s not shown: audit failed (%s)", c.id, e.getMessage());
                            return FaceMatchScore.unavailable("skor tidak dapat dicatat di log audit",
                                    "the score could not be recorded in the audit log");
                        }));
    }
}

package id.go.dukcapil.ikd.web;

import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.smallrye.jwt.auth.principal.JWTAuthContextInfo;
import io.smallrye.mutiny.Uni;

/**
 * Access to a citizen's registry (KTP-el) photo, which only verification-service (beside the
 * population registry) holds. The photo never travels on Kafka: events carry its SHA-256, and a
 * suite service that must show it (activation-service to the citizen's own session,
 * token-service to a relying party whose scope includes {@code ikd.photo}) fetches it with a
 * <em>photo grant</em> it issues itself after its own check: a suite-signed JWT with {@code aud}
 * {@value #AUDIENCE}, {@value #REGISTRATION_CLAIM} the registration and {@value #PURPOSE_CLAIM}
 * why, living {@value #LIFETIME_SECONDS} seconds. The caller checks the image against the digest
 * its own projection holds.
 */
@ApplicationScoped
public class RegistryPhotoGrants {

    public static final String HEADER = "X-IKD-Photo-Grant";
    public static final String AUDIENCE = "ikd-registry-photo";
    public static final String REGISTRATION_CLAIM = "reg";
    /** {@code citizen-card} or {@code relying-party}, for verification-service's log. */
    public static final String PURPOSE_CLAIM = "purpose";
    public static final int LIFETIME_SECONDS = 60;
    private final SuiteGrantVerifier verifier;

    @Inject
    public RegistryPhotoGrants(JWTAuthContextInfo suite, Bulkheads bulkheads) {
        this.verifier = new SuiteGrantVerifier(suite, AUDIENCE, bulkheads);
    }

    /**
     * The grant's purpose when {@code grant} is a valid photo grant for {@code registrationId};
     * else fails with 403 {@code PHOTO_GRANT_REQUIRED}. The signature check runs in the
     * {@code case-grant} bulkhead.
     */
    public Uni<String> require(String grant, UUID registrationId) {
        return verifier.verify(grant, token -> {
            if (!registrationId.toString().equals(String.valueOf(token.<Object>getClaim(REGISTRATION_CLAIM)))) {
                throw refused();
            }
            Object purpose = token.getClaim(PURPOSE_CLAIM);
            return purpose == null ? "unknown" : String.valueOf(purpose);
        }, RegistryPhotoGrants::refused);
    }

    private static ProblemException refused() {
        return new ProblemException(CaseGrantProblems.PHOTO_GRANT_REQUIRED,
                "Foto data kependudukan hanya diberikan kepada layanan IKD dengan izin yang sah.",
                "The registry photo is given only to IKD services with a valid grant.");
    }
}

package id.go.dukcapil.ikd.web;

import java.util.Objects;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.jwt.JsonWebToken;

import io.smallrye.jwt.auth.principal.JWTAuthContextInfo;
import io.smallrye.mutiny.Uni;

/**
 * Office scope for what other services hold about a verification case (the citizen's selfie in
 * registration-service, the delivery log in notification-service). Those services do not know
 * cases; verification-service does, and after checking that the operator's office holds the case
 * (or that a central verifier reviews it) it issues a <em>case grant</em>: a suite-signed JWT with
 * {@code aud} {@value #AUDIENCE}, {@code sub} the operator, {@value #REGISTRATION_CLAIM} the
 * registration id and {@value #OFFICE_CLAIM} the operator's office, living two minutes. The
 * endpoint wants it in the {@value #HEADER} header beside the operator's own bearer token, and
 * both must name the same operator and office: a grant alone opens nothing, and an operator's
 * token alone no longer opens any citizen's data.
 */
@ApplicationScoped
public class CaseGrants {

    public static final String HEADER = "X-IKD-Case-Grant";
    public static final String AUDIENCE = "ikd-case-grant";
    public static final String REGISTRATION_CLAIM = "reg";
    public static final String OFFICE_CLAIM = "office";
    private final SuiteGrantVerifier verifier;

    @Inject
    public CaseGrants(JWTAuthContextInfo suite, Bulkheads bulkheads) {
        this.verifier = new SuiteGrantVerifier(suite, AUDIENCE, bulkheads);
    }

    /**
     * Succeeds when {@code grant} is a valid case grant for {@code registrationId}, issued to the
     * operator and office of {@code caller}; else fails with 403 {@code CASE_GRANT_REQUIRED}.
     * The signature check (about a millisecond) runs in the {@code case-grant} bulkhead.
     */
    public Uni<Void> require(String grant, UUID registrationId, JsonWebToken caller) {
        // read on the request's thread: the caller is request-scoped, the check runs in the bulkhead
        String subject = caller.getSubject();
        Object callerOffice = caller.getClaim(OFFICE_CLAIM);
        String office = callerOffice == null ? null : String.valueOf(callerOffice);
        return verifier.verify(grant, token -> {
            check(token, registrationId, subject, office);
            return null;
        }, CaseGrants::refused).replaceWithVoid();
    }

    private static void check(JsonWebToken token, UUID registrationId, String callerSubject, String callerOffice) {
        Object office = token.getClaim(OFFICE_CLAIM);
        boolean matches = registrationId.toString().equals(String.valueOf(token.<Object>getClaim(REGISTRATION_CLAIM)))
                && callerSubject != null && callerSubject.equals(token.getSubject())
                && office != null && callerOffice != null && Objects.equals(String.valueOf(office), callerOffice);
        if (!matches) {
            throw refused();
        }
    }

    private static ProblemException refused() {
        return new ProblemException(CaseGrantProblems.CASE_GRANT_REQUIRED,
                "Buka kasusnya di portal petugas kantor Anda; kantor lain tidak dapat melihat data pemohon ini.",
                "Open the case in your office's operator portal; other offices cannot see this citizen's data.");
    }
}

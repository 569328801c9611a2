package id.go.dukcapil.ikd.verification.service;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import id.go.dukcapil.ikd.verification.config.VerificationConfig;
import id.go.dukcapil.ikd.verification.domain.VerificationCase;
import id.go.dukcapil.ikd.web.Bulkheads;
import id.go.dukcapil.ikd.web.CaseGrants;
import io.smallrye.jwt.build.Jwt;
import io.smallrye.mutiny.Uni;

/**
 * Issues case grants ({@link CaseGrants}): the office scope of cases carried to the services that
 * hold the case's data but not the case (the selfie, the delivery log). Call only after checking
 * that the operator may see the case.
 */
@ApplicationScoped
public class CaseGrantIssuer {

    private static final Logger LOG = Logger.getLogger(CaseGrantIssuer.class);
    /** Long enough to open a page and its selfie; short enough that a copied grant is soon useless. */
    public static final Duration LIFETIME = Duration.ofMinutes(2);

    public record Grant(String grant, UUID caseId, UUID registrationId, Instant expiresAt) {
    }

    private final VerificationConfig config;
    private final Bulkheads bulkheads;

    public CaseGrantIssuer(VerificationConfig config, Bulkheads bulkheads) {
        this.config = config;
        this.bulkheads = bulkheads;
    }

    public Uni<Grant> issue(OperatorPrincipal principal, VerificationCase c) {
        return bulkheads.named("case-grant").run(() -> {
            Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
            Instant expiresAt = now.plus(LIFETIME);
            String grant = Jwt.issuer(config.issuer())
                    .subject(principal.id().toString())
                    .audience(CaseGrants.AUDIENCE)
                    .claim(CaseGrants.REGISTRATION_CLAIM, c.registrationId.toString())
                    .claim(CaseGrants.OFFICE_CLAIM, principal.officeCode())
                    .claim("case", c.id.toString())
                    .issuedAt(now)
                    .expiresAt(expiresAt)
                    .jws().header("typ", "JWT")
                    .sign();
            LOG.debugf("case grant for case %s issued to %s (%s)", c.id, principal.username(), principal.officeCode());
            return new Grant(grant, c.id, c.registrationId, expiresAt);
        });
    }
}

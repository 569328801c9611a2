package id.go.dukcapil.ikd.verification.client;

import java.time.Duration;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.jboss.logging.Logger;

import io.smallrye.mutiny.Uni;
import id.go.dukcapil.ikd.web.Digests;

/**
 * Fetches the citizen's selfie for the comparison page. The portal must stay usable when
 * registration-service is down or the selfie was erased: every failure becomes an explained
 * "unavailable" instead of an error page. The digest is checked against the one the
 * registration announced, so a swapped image is flagged.
 */
@ApplicationScoped
public class SelfieFetcher {

    private static final Logger LOG = Logger.getLogger(SelfieFetcher.class);
    private static final int MAX_BYTES = 5 * 1024 * 1024;

    private final RegistrationServiceClient client;

    public SelfieFetcher(@RestClient RegistrationServiceClient client) {
        this.client = client;
    }

    public enum Availability {
        SHOWN,
        /** Erased (its purpose ended) or unknown to registration-service. */
        NOT_FOUND,
        /** registration-service did not answer usefully. */
        UNAVAILABLE,
        /** The image does not have the digest the registration announced. */
        DIGEST_MISMATCH
    }

    public record Selfie(Availability availability, String contentType, byte[] content) {
        static Selfie missing(Availability why) {
            return new Selfie(why, null, null);
        }
    }

    /** {@code caseGrant}: from {@code CaseGrantIssuer}, for the case the operator is looking at. */
    public Uni<Selfie> fetch(UUID registrationId, String operatorToken, String caseGrant, String expectedSha256) {
        return ConnectionRetry.idempotentRead(() -> client.selfie(registrationId, "Bearer " + operatorToken, caseGrant))
                .ifNoItem().after(Duration.ofSeconds(5)).fail()
                .map(response -> {
                    try (response) {
                        int status = response.getStatus();
                        if (status == 404 || status == 410) {
                            return Selfie.missing(Availability.NOT_FOUND);
                        }
                        String type = response.getMediaType() == null ? "" : response.getMediaType().toString();
                        if (status != 200 || !type.startsWith("image/")) {
                            LOG.warnf("registration-service answered %d (%s) for a selfie", status, type);
                            return Selfie.missing(Availability.UNAVAILABLE);
                        }
                        byte[] content = response.readEntity(byte[].class);
                        if (content == null || content.length == 0 || content.length > MAX_BYTES) {
                            return Selfie.missing(Availability.UNAVAILABLE);
                        }
                        if (!Digests.sha256Hex(content).equalsIgnoreCase(expectedSha256)) {
                            return new Selfie(Availability.DIGEST_MISMATCH, type, content);
                        }
                        return new Selfie(Availability.SHOWN, type, content);
                    }
                })
                .onFailure().recoverWithItem(e -> {
                    if (e instanceof jakarta.ws.rs.WebApplicationException web
                            && (web.getResponse().getStatus() == 404 || web.getResponse().getStatus() == 410)) {
                        return Selfie.missing(Availability.NOT_FOUND);
                    }
                    LOG.warnf("selfie of registration %s unavailable: %s", registrationId, e.getClass().getSimpleName());
                    return Selfie.missing(Availability.UNAVAILABLE);
                });
    }
}

package id.go.dukcapil.ikd.verification.client;

import java.time.Duration;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.WebApplicationException;

import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.jboss.logging.Logger;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import id.go.dukcapil.ikd.verification.domain.VerificationProblems;
import id.go.dukcapil.ikd.web.ProblemException;
import io.smallrye.mutiny.Uni;

/**
 * Asks registration-service, which issues counter codes, whether a scanned code is the current
 * one (see {@code CounterCodeCheck}). Fails closed: no answer means no scan (503 with a
 * Retry-After), since the alternative is trusting events that may not have arrived.
 */
@ApplicationScoped
public class CounterCodeConfirmer {

    private static final Logger LOG = Logger.getLogger(CounterCodeConfirmer.class);
    private static final Duration PATIENCE = Duration.ofSeconds(3);

    private final RegistrationServiceClient client;
    private final ObjectMapper json;

    public CounterCodeConfirmer(@RestClient RegistrationServiceClient client, ObjectMapper json) {
        this.client = client;
        this.json = json;
    }

    /** True when {@code codeId} is the registration's current code; false when it is not or is unknown. */
    public Uni<Boolean> isCurrent(UUID registrationId, UUID codeId, String operatorToken) {
        return ConnectionRetry.idempotentRead(() -> client.counterCode(registrationId, codeId, "Bearer " + operatorToken))
                .ifNoItem().after(PATIENCE).fail()
                .map(response -> {
                    try (response) {
                        int status = response.getStatus();
                        if (status == 404) {
                            return false;
                        }
                        if (status != 200) {
                            throw unavailable(status);
                        }
                        JsonNode answer = json.readTree(response.readEntity(String.class));
                        return answer.path("current").asBoolean(false)
                                && codeId.toString().equals(answer.path("codeId").asText());
                    } catch (ProblemException e) {
                        throw e;
                    } catch (Exception e) {
                        throw unavailable(-1);
                    }
                })
                .onFailure(e -> !(e instanceof ProblemException)).recoverWithUni(e -> {
                    if (e instanceof WebApplicationException web && web.getResponse().getStatus() == 404) {
                        return Uni.createFrom().item(false);
                    }
                    LOG.warnf("registration-service could not confirm a counter code: %s", e.getClass().getSimpleName());
                    return Uni.createFrom().failure(unavailable(-1));
                });
    }

    private static ProblemException unavailable(int status) {
        if (status > 0) {
            LOG.warnf("registration-service answered %d when confirming a counter code", status);
        }
        return new ProblemException(VerificationProblems.REGISTRATION_SERVICE_UNAVAILABLE,
                "Layanan pendaftaran tidak menjawab; pindai lagi sebentar lagi.",
                "The registration service did not answer; scan again shortly.").retryAfter(Duration.ofSeconds(2));
    }
}

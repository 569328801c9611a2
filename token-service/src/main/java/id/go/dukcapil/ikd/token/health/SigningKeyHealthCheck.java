package id.go.dukcapil.ikd.token.health;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

import id.go.dukcapil.ikd.token.service.SigningKeyService;

/** Ready only with a QR signing key in memory (loaded from the database and opened with the KEK). */
@Readiness
@ApplicationScoped
public class SigningKeyHealthCheck implements HealthCheck {

    private final SigningKeyService keys;

    public SigningKeyHealthCheck(SigningKeyService keys) {
        this.keys = keys;
    }

    @Override
    public HealthCheckResponse call() {
        return HealthCheckResponse.named("QR signing key").status(keys.canSign()).build();
    }
}

package id.go.dukcapil.ikd.token.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.jboss.logging.Logger;

import id.go.dukcapil.ikd.token.config.TokenConfig;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.vertx.VertxContextSupport;

/** At start: a signing key exists (so the JWKS is never empty), and the demo client where enabled. */
@ApplicationScoped
public class StartupTasks {

    private static final Logger LOG = Logger.getLogger(StartupTasks.class);

    void onStart(@Observes StartupEvent event, SigningKeyService keys, RelyingPartyService clients,
            TokenConfig config) {
        try {
            VertxContextSupport.subscribeAndAwait(keys::signer);
            if (config.relyingParties().demoClient().enabled()) {
                VertxContextSupport.subscribeAndAwait(clients::ensureDemoClient);
            }
        } catch (Throwable e) {
            // not fatal: keys are created on first use and readiness reports the database
            LOG.warnf("start-up tasks did not complete: %s", e.getMessage());
        }
    }
}

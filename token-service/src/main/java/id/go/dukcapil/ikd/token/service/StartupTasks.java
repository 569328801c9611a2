package id.go.dukcapil.ikd.token.service;

import java.util.function.Supplier;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.jboss.logging.Logger;

import id.go.dukcapil.ikd.token.config.TokenConfig;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.vertx.VertxContextSupport;
import io.smallrye.mutiny.Uni;

/** At start: a signing key exists (so the JWKS is never empty), and the demo client where enabled. */
@ApplicationScoped
public class StartupTasks {

    private static final Logger LOG = Logger.getLogger(StartupTasks.class);

    void onStart(@Observes StartupEvent event, SigningKeyService keys, RelyingPartyService clients,
            TokenConfig config) {
        // each on its own: a failed key step once left the demo client out, and every verifier's sign-in refused
        run("the first signing key", keys::signer);
        if (config.relyingParties().demoClient().enabled()) {
            run("the demo relying party", clients::ensureDemoClient);
        }
    }

    private static <T> void run(String task, Supplier<Uni<T>> work) {
        try {
            VertxContextSupport.subscribeAndAwait(work);
        } catch (Throwable e) {
            // not fatal: keys are created on first use and readiness reports the database
            LOG.warnf("start-up task \"%s\" did not complete: %s", task, e.getMessage());
        }
    }
}

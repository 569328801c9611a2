package id.go.dukcapil.ikd.messaging;

import jakarta.enterprise.context.ApplicationScoped;

import id.go.dukcapil.ikd.web.OutageClassifier;

/**
 * A request that met the database away (refused or cut connections, a shutdown, too many
 * connections, a serialisation race) is answered {@code 503} with {@code Retry-After}, not
 * {@code 500}: the same judgement the consumers use to wait out an outage ({@link TransientFailures}).
 * So is a request that failed because this service is stopping (its session factory or pool
 * closed under it): the client tries again and meets another replica, or this one restarted.
 */
@ApplicationScoped
public class DatabaseOutages implements OutageClassifier {

    private final ShutdownSignal shutdown;

    public DatabaseOutages(ShutdownSignal shutdown) {
        this.shutdown = shutdown;
    }

    @Override
    public boolean isOutage(Throwable failure) {
        return shutdown.isShuttingDown() || TransientFailures.isTransient(failure);
    }
}

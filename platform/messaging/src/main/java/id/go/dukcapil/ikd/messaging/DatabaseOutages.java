package id.go.dukcapil.ikd.messaging;

import jakarta.enterprise.context.ApplicationScoped;

import id.go.dukcapil.ikd.web.OutageClassifier;

/**
 * A request that met the database away (refused or cut connections, a shutdown, too many
 * connections, a serialisation race) is answered {@code 503} with {@code Retry-After}, not
 * {@code 500}: the same judgement the consumers use to wait out an outage ({@link TransientFailures}).
 */
@ApplicationScoped
public class DatabaseOutages implements OutageClassifier {

    @Override
    public boolean isOutage(Throwable failure) {
        return TransientFailures.isTransient(failure);
    }
}

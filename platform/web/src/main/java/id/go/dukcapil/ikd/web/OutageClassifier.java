package id.go.dukcapil.ikd.web;

/**
 * Tells a failure of something the service depends on (its database down or restarting, a pool
 * that cannot connect) from a bug. {@link ProblemMappers} answers the first kind with
 * {@code 503 SERVICE_UNAVAILABLE} and {@code Retry-After} instead of a 500: the request was fine
 * and will succeed once the dependency is back. platform/messaging provides the database's.
 */
public interface OutageClassifier {

    boolean isOutage(Throwable failure);
}

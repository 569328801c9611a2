package id.go.dukcapil.ikd.local.suite;

/**
 * How the suite runs on one machine. {@link #SINGLE}: one Kafka broker, one process per service,
 * each service its own public host ({@code ./ikd up}). {@link #HA}: what production runs, on
 * loopback ({@code ./ikd up --ha}): three KRaft brokers (replication 3, {@code min.insync.replicas}
 * 2, the topics of the Kubernetes manifests), {@link #replicas()} processes per service, and a
 * gateway in front ({@code deploy/routes.yaml}: one port per public host, one per service).
 */
public enum Topology {

    SINGLE(1, 1), HA(3, 2);

    private final int brokers;
    private final int replicas;

    Topology(int brokers, int replicas) {
        this.brokers = brokers;
        this.replicas = replicas;
    }

    public int brokers() {
        return brokers;
    }

    /** Processes per service. */
    public int replicas() {
        return replicas;
    }
}

package id.go.dukcapil.ikd.local.gateway;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.concurrent.atomic.LongAdder;

/**
 * The replicas of one service behind the gateway: round robin over their ports, with a replica
 * that is down (refused a connection, or lost one under a request) put last for a short while
 * (passive health checking), so that a killed replica is skipped by the requests that follow.
 */
final class ReplicaPool {

    /** How long a replica that is down is tried only after the others. */
    static final long SHUNNED_NANOS = 2_000_000_000L;

    private final String service;
    private final List<Integer> ports;
    private final AtomicInteger next = new AtomicInteger();
    private final AtomicLongArray downUntil;
    private final LongAdder[] served;
    private final LongAdder[] lost;

    ReplicaPool(String service, List<Integer> ports) {
        this.service = service;
        if (ports.isEmpty()) {
            throw new IllegalArgumentException("a service needs at least one replica");
        }
        this.ports = List.copyOf(ports);
        this.downUntil = new AtomicLongArray(ports.size());
        this.served = new LongAdder[ports.size()];
        this.lost = new LongAdder[ports.size()];
        for (int i = 0; i < served.length; i++) {
            served[i] = new LongAdder();
            lost[i] = new LongAdder();
        }
    }

    /**
     * The ports to try for one request, in order: round robin from the next replica on, the ones
     * that refused lately at the end (still tried: better late than a 503).
     */
    List<Integer> attemptOrder() {
        int start = Math.floorMod(next.getAndIncrement(), ports.size());
        long now = System.nanoTime();
        List<Integer> healthy = new ArrayList<>();
        List<Integer> shunned = new ArrayList<>();
        for (int i = 0; i < ports.size(); i++) {
            int index = (start + i) % ports.size();
            (downUntil.get(index) - now > 0 ? shunned : healthy).add(ports.get(index));
        }
        healthy.addAll(shunned);
        return healthy;
    }

    /** The replica refused a connection. */
    void refused(int port) {
        down(port);
    }

    /** The replica's connection closed or was reset under a request, before its answer: it died or is dying. */
    void lost(int port) {
        down(port);
        int index = ports.indexOf(port);
        if (index >= 0) {
            lost[index].increment();
        }
    }

    private void down(int port) {
        int index = ports.indexOf(port);
        if (index >= 0) {
            downUntil.set(index, System.nanoTime() + SHUNNED_NANOS);
        }
    }

    /** Requests whose connection to the replica on {@code port} was lost before an answer. */
    long lostCount(int port) {
        int index = ports.indexOf(port);
        return index < 0 ? 0 : lost[index].sum();
    }

    String service() {
        return service;
    }

    void connected(int port) {
        int index = ports.indexOf(port);
        if (index >= 0) {
            downUntil.set(index, 0);
            served[index].increment();
        }
    }

    List<Integer> ports() {
        return ports;
    }

    /** Requests sent to the replica on {@code port} so far. */
    long served(int port) {
        int index = ports.indexOf(port);
        return index < 0 ? 0 : served[index].sum();
    }
}

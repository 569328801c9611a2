package id.go.dukcapil.ikd.local.infra;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;

import id.go.dukcapil.ikd.testing.FreePorts;

/**
 * Free loopback ports below Linux's ephemeral range (32768–60999). A port from
 * {@link FreePorts#next()} lies inside that range, where any outgoing connection may take it
 * before the server binds: with three brokers connecting to each other while they start, a
 * broker found its own port taken by another's connection. Ports that must stay bindable for a
 * while (brokers, controllers, replicas that are restarted, the gateway) come from here.
 */
public final class StablePorts {

    private static final int FROM = 20000;
    private static final int TO = 32000;
    private static final Set<Integer> HANDED_OUT = ConcurrentHashMap.newKeySet();

    private StablePorts() {
    }

    public static int next() {
        for (int attempt = 0; attempt < 1000; attempt++) {
            int port = ThreadLocalRandom.current().nextInt(FROM, TO);
            if (FreePorts.isFree(port) && HANDED_OUT.add(port)) {
                return port;
            }
        }
        throw new IllegalStateException("no free port between " + FROM + " and " + TO + " on the loopback interface");
    }
}

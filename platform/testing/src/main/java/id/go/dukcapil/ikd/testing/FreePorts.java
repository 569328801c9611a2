package id.go.dukcapil.ikd.testing;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Free loopback ports for embedded servers, below Linux's ephemeral range (32768–60999).
 *
 * <p>A port the kernel hands out for {@code bind(0)} lies inside that range, where any outgoing
 * connection may take it as its local port before the server binds it: a Kafka controller once
 * found its port taken that way while PostgreSQL, the mail server and the services started
 * beside it. A port is never handed out twice in one JVM, so two servers started in parallel
 * cannot be given the same one; other JVMs draw at random and the bind check skips what they hold.
 */
public final class FreePorts {

    private static final int FROM = 20000;
    private static final int TO = 32000;
    private static final Set<Integer> HANDED_OUT = ConcurrentHashMap.newKeySet();

    private FreePorts() {
    }

    public static int next() {
        for (int attempt = 0; attempt < 1000; attempt++) {
            int port = ThreadLocalRandom.current().nextInt(FROM, TO);
            if (isFree(port) && HANDED_OUT.add(port)) {
                return port;
            }
        }
        throw new IllegalStateException("no free port between " + FROM + " and " + TO + " on the loopback interface");
    }

    /** True when nothing listens on the port (used to report a taken port clearly). */
    public static boolean isFree(int port) {
        try (ServerSocket socket = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
            socket.setReuseAddress(true);
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}

package id.go.dukcapil.ikd.kafka;

import java.time.Duration;

/**
 * Runs {@code kafka.Kafka} and stops it when the process that started it is gone, so that a
 * test JVM killed hard (or a Ctrl-C'd {@code ./ikd up}) never leaves an orphan broker behind.
 *
 * <p>Arguments: {@code <parent-pid> <server.properties>}.
 */
public final class BrokerMain {

    private BrokerMain() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length != 2) {
            System.err.println("usage: BrokerMain <parent-pid> <server.properties>");
            System.exit(2);
        }
        long parentPid = Long.parseLong(args[0]);
        Thread watchdog = new Thread(() -> watchParent(parentPid), "ikd-parent-watchdog");
        watchdog.setDaemon(true);
        watchdog.start();
        Class.forName("kafka.Kafka").getMethod("main", String[].class).invoke(null, (Object) new String[] { args[1] });
    }

    private static void watchParent(long parentPid) {
        while (true) {
            boolean alive = ProcessHandle.of(parentPid).map(ProcessHandle::isAlive).orElse(false);
            if (!alive) {
                System.err.println("parent process " + parentPid + " is gone; stopping the broker");
                System.exit(0);
            }
            try {
                Thread.sleep(Duration.ofSeconds(1));
            } catch (InterruptedException e) {
                return;
            }
        }
    }
}

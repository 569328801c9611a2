package id.go.dukcapil.ikd.e2e;

import java.nio.file.Path;
import java.time.Duration;

import id.go.dukcapil.ikd.local.infra.SmsOutbox;
import id.go.dukcapil.ikd.local.suite.LocalSuite;
import id.go.dukcapil.ikd.local.suite.SuiteService;
import id.go.dukcapil.ikd.local.suite.Topology;

/**
 * The whole suite for the journey tests, started the way {@code ./ikd up} starts it
 * ({@link LocalSuite}: real infrastructure, the five services as separate processes, on free
 * ports). Started once for all journey tests of the JVM.
 *
 * <p>One topology runs at a time: the HA one (ten services, three brokers) starting beside the
 * single one would share the two cores and the memory with an idle suite nobody uses any more.
 * The classes on the HA topology carry {@link #HA_CLASSES_LAST} (junit-platform.properties orders
 * classes by it), so the single suite serves every class before it and is stopped once.
 *
 * <p>The single suite is also the services' training run when they have no AOT cache yet (a
 * fresh build), as the first {@code ./ikd up} after a build is: its stop writes the caches, and
 * the HA topology's ten processes and the fault campaign's starts and restarts start from them,
 * as {@code ./ikd up} does from its second start on.
 */
final class Suite {

    /**
     * The {@code @Order} of the hostile bursts: after every journey class (they have none). Its
     * last test kills notification-service, which no class after it needs.
     */
    static final int HOSTILE_BURSTS = org.junit.jupiter.api.Order.DEFAULT + 1;

    /**
     * The {@code @Order} of {@link QrLifetimeTest}: the last class on the single suite, so that the
     * QR {@link JourneyTest} minted has aged through the journeys and the bursts (about two minutes)
     * and its 90 seconds are over without a wait of their own.
     */
    static final int QR_AGED = HOSTILE_BURSTS + 1;

    /** The {@code @Order} of the classes on the HA topology: after every class on the single suite. */
    static final int HA_CLASSES_LAST = QR_AGED + 1;

    private static final Duration READY_TIMEOUT = Duration.ofSeconds(240);

    /** Ten service processes and three brokers on two shared cores: the HA start takes minutes. */
    private static final Duration HA_READY_TIMEOUT = Duration.ofSeconds(900);

    private static Suite running;
    private static Suite runningHa;
    private static RuntimeException haStartFailure;

    private final LocalSuite suite;

    private Suite(LocalSuite suite) {
        this.suite = suite;
    }

    static synchronized Suite shared() {
        if (runningHa != null) {
            runningHa.suite.close();
            runningHa = null;
        }
        if (running == null) {
            LocalSuite started = LocalSuite.start(Path.of(System.getProperty("ikd.project.root", "..")), "e2e",
                    READY_TIMEOUT, Topology.SINGLE, LocalSuite.AotCaches.RECORD);
            Runtime.getRuntime().addShutdownHook(new Thread(started::close, "ikd-e2e-stop"));
            running = new Suite(started);
        }
        return running;
    }

    /**
     * The HA topology ({@link Topology#HA}: three brokers, two replicas per service, the gateway),
     * started once for all multi-replica tests of the JVM. {@link #url(SuiteService)} is then the
     * gateway's port of the service, so a {@link Journey} on it takes turns between the replicas.
     */
    static synchronized Suite sharedHa() {
        if (haStartFailure != null) {
            throw new IllegalStateException("the HA topology did not start for an earlier test class", haStartFailure);
        }
        if (running != null) {
            running.suite.close();
            running = null;
        }
        if (runningHa == null) {
            long start = System.nanoTime();
            LocalSuite started;
            try {
                started = LocalSuite.start(Path.of(System.getProperty("ikd.project.root", "..")), "e2e-ha",
                        HA_READY_TIMEOUT, Topology.HA);
            } catch (RuntimeException e) {
                haStartFailure = e;
                throw e;
            }
            System.out.printf("HA topology ready in %.1f s%n", (System.nanoTime() - start) / 1e9);
            Runtime.getRuntime().addShutdownHook(new Thread(started::close, "ikd-e2e-ha-stop"));
            runningHa = new Suite(started);
        }
        return runningHa;
    }

    String url(SuiteService service) {
        return suite.url(service);
    }

    int imapPort() {
        return suite.imapPort();
    }

    SmsOutbox sms() {
        return suite.sms();
    }

    Path logOf(SuiteService service) {
        return suite.logOf(service);
    }

    /** The processes and ports underneath (the hostile-load tests watch the processes). */
    LocalSuite local() {
        return suite;
    }
}

package id.go.dukcapil.ikd.e2e;

import java.nio.file.Path;
import java.time.Duration;

import id.go.dukcapil.ikd.local.infra.SmsOutbox;
import id.go.dukcapil.ikd.local.suite.LocalSuite;
import id.go.dukcapil.ikd.local.suite.SuiteService;

/**
 * The whole suite for the journey tests, started the way {@code ./ikd up} starts it
 * ({@link LocalSuite}: real infrastructure, the five services as separate processes, on free
 * ports). Started once for all journey tests of the JVM.
 */
final class Suite {

    private static final Duration READY_TIMEOUT = Duration.ofSeconds(240);

    private static Suite running;

    private final LocalSuite suite;

    private Suite(LocalSuite suite) {
        this.suite = suite;
    }

    static synchronized Suite shared() {
        if (running == null) {
            LocalSuite started = LocalSuite.start(Path.of(System.getProperty("ikd.project.root", "..")), "e2e",
                    READY_TIMEOUT);
            Runtime.getRuntime().addShutdownHook(new Thread(started::close, "ikd-e2e-stop"));
            running = new Suite(started);
        }
        return running;
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

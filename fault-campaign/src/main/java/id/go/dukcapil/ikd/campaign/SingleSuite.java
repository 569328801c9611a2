package id.go.dukcapil.ikd.campaign;

import java.nio.file.Path;

import id.go.dukcapil.ikd.local.suite.LocalSuite;
import id.go.dukcapil.ikd.local.suite.SuiteService;
import id.go.dukcapil.ikd.local.suite.Topology;

/** Today's {@code ./ikd up}: one broker, one process per service, each service on its own port. */
public final class SingleSuite extends LocalCampaignSuite {

    private SingleSuite(LocalSuite suite) {
        super(suite, Topology.SINGLE);
    }

    public static SingleSuite start(Path projectRoot) {
        return new SingleSuite(startDurable(projectRoot, "faults", Topology.SINGLE));
    }

    @Override
    public String publicUrl(SuiteService service) {
        return suite.url(service);
    }

    @Override
    public String describe() {
        return "one process per service, one Kafka broker, PostgreSQL with synchronous commits";
    }

    @Override
    public void killBroker() {
        infrastructure().killKafka();
    }

    @Override
    public void startBroker() {
        infrastructure().startKafka(READY_TIMEOUT); // a cold broker JVM takes minutes on a loaded 2-core machine
    }

    @Override
    public void killService(SuiteService service) {
        suite.process(service).kill();
    }
}

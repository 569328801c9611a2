package id.go.dukcapil.ikd.campaign;

import java.nio.file.Path;

import id.go.dukcapil.ikd.local.suite.LocalSuite;
import id.go.dukcapil.ikd.local.suite.SuiteService;
import id.go.dukcapil.ikd.local.suite.Topology;

/**
 * {@code ./ikd up --ha}: three KRaft brokers (replication 3, {@code min.insync.replicas} 2), two
 * replicas of each service, and the gateway of deploy/routes.yaml in front. The public calls go
 * through the gateway as a citizen's and an operator's do; a broker fault kills one broker of
 * three, a service fault one replica of two, and neither may cost a client an error.
 */
public final class HaSuite extends LocalCampaignSuite {

    /** The broker the campaign kills: not the first, so that the bootstrap list's head stays. */
    private static final int VICTIM_BROKER = 1;

    private HaSuite(LocalSuite suite) {
        super(suite, Topology.HA);
    }

    public static HaSuite start(Path projectRoot) {
        return new HaSuite(startDurable(projectRoot, "faults-ha", Topology.HA));
    }

    /** The operator's calls go to the portal host; the citizen's and relying parties' to the API host. */
    @Override
    public String publicUrl(SuiteService service) {
        return suite.publicUrl(service == SuiteService.VERIFICATION ? "portal" : "api");
    }

    @Override
    public String describe() {
        return Topology.HA.replicas() + " replicas per service behind the gateway, " + suite.brokerCount()
                + " Kafka brokers (replication 3, min.insync.replicas 2), PostgreSQL with synchronous commits";
    }

    @Override
    public void killBroker() {
        suite.killBroker(VICTIM_BROKER);
    }

    @Override
    public void startBroker() {
        suite.startBroker(VICTIM_BROKER);
    }

    /** One replica of two: the gateway sends its requests to the other. */
    @Override
    public void killService(SuiteService service) {
        suite.replicas(service).getFirst().kill();
    }
}

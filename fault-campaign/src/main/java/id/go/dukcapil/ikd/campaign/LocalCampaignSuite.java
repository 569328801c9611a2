package id.go.dukcapil.ikd.campaign;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import id.go.dukcapil.ikd.local.infra.LocalInfrastructure;
import id.go.dukcapil.ikd.local.infra.SmsOutbox;
import id.go.dukcapil.ikd.local.suite.LocalSuite;
import id.go.dukcapil.ikd.local.suite.ServiceProcess;
import id.go.dukcapil.ikd.local.suite.SuiteService;
import id.go.dukcapil.ikd.local.suite.Topology;
import id.go.dukcapil.ikd.testing.Postgres;

/**
 * A {@link LocalSuite} as the campaign sees it, whatever its topology: mail, SMS, the databases,
 * PostgreSQL and SMTP faults and the services' logs are the same in both; where the public calls
 * go, which broker dies and which process is killed are the topology's ({@link SingleSuite},
 * {@link HaSuite}).
 * <p>
 * LocalSuite runs its throwaway PostgreSQL without synchronous commits, which a crash punishes by
 * forgetting acknowledged commits; the campaign proves the durable configuration that
 * {@code ./ikd up} and production run, so PostgreSQL is restarted durably once, before the first
 * journey.
 */
abstract class LocalCampaignSuite implements CampaignSuite, FaultTargets {

    static final Duration READY_TIMEOUT = Duration.ofSeconds(300);

    /**
     * How long processes may take to become ready: ten service JVMs and three brokers on two cores
     * took 343 s to 1,056 s under a loaded machine's other builds, past the single topology's bound.
     */
    static Duration readyTimeout(Topology topology) {
        return topology == Topology.HA ? Duration.ofSeconds(1200) : READY_TIMEOUT;
    }

    protected final LocalSuite suite;
    private final Duration readyTimeout;

    protected LocalCampaignSuite(LocalSuite suite, Topology topology) {
        this.suite = suite;
        this.readyTimeout = readyTimeout(topology);
    }

    /** Starts the suite in {@code topology}, makes its PostgreSQL durable, and waits for every process. */
    static LocalSuite startDurable(Path projectRoot, String name, Topology topology) {
        Duration readyTimeout = readyTimeout(topology);
        LocalSuite suite = LocalSuite.start(projectRoot, name, readyTimeout, topology);
        try {
            suite.infrastructure().restartPostgres(Postgres.Durability.DURABLE);
            long deadline = System.nanoTime() + readyTimeout.toNanos();
            for (ServiceProcess process : suite.processes()) {
                while (!process.isAlive() || !process.isReady()) {
                    if (System.nanoTime() > deadline) {
                        throw new IllegalStateException(process.service().module() + " not ready within " + readyTimeout);
                    }
                    Pause.of(Duration.ofMillis(500));
                }
            }
            return suite;
        } catch (RuntimeException e) {
            suite.close();
            throw e;
        }
    }

    protected LocalInfrastructure infrastructure() {
        return suite.infrastructure();
    }

    @Override
    public List<String> instanceUrls(SuiteService service) {
        return suite.replicas(service).stream().map(LocalSuite::urlOf).toList();
    }

    @Override
    public int imapPort() {
        return suite.imapPort();
    }

    @Override
    public List<SmsOutbox.Sms> sms() {
        return suite.sms().messages();
    }

    @Override
    public String jdbcUrl(SuiteService service) {
        return "jdbc:postgresql://127.0.0.1:" + infrastructure().ports().postgres() + "/" + service.database();
    }

    @Override
    public String kafkaBootstrapServers() {
        return suite.kafkaBootstrapServers();
    }

    @Override
    public FaultTargets faults() {
        return this;
    }

    @Override
    public List<String> logLinesAbout(String text) {
        return ServiceLogs.linesAbout(suite.dataDir().resolve("logs"), text);
    }

    @Override
    public void stopDatabaseImmediately() {
        infrastructure().stopPostgresImmediately();
    }

    @Override
    public void startDatabase() {
        infrastructure().startPostgres(Postgres.Durability.DURABLE);
    }

    @Override
    public void refuseMail() {
        infrastructure().refuseMail();
    }

    @Override
    public void acceptMail() {
        infrastructure().acceptMail();
    }

    /** Every process of {@code service} alive and ready. */
    @Override
    public boolean serviceReady(SuiteService service) {
        return suite.replicas(service).stream().allMatch(process -> process.isAlive() && process.isReady());
    }

    @Override
    public void withServicesStopped(Runnable whileStopped) {
        suite.withServicesStopped(whileStopped, readyTimeout);
    }

    @Override
    public void close() {
        suite.close();
    }
}

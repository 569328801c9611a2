package id.go.dukcapil.ikd.campaign;

import java.util.List;

import id.go.dukcapil.ikd.local.infra.SmsOutbox;
import id.go.dukcapil.ikd.local.suite.SuiteService;

/**
 * What the fault campaign needs from a running suite, whatever its topology: where citizens,
 * operators and relying parties call, each running instance (for health), where the mail and SMS
 * land, the databases and the brokers (read only, for the audit), and the parts to break.
 * {@link SingleSuite} adapts today's single-replica {@code LocalSuite}; a multi-replica topology
 * needs an adapter of the same few methods.
 */
public interface CampaignSuite extends AutoCloseable {

    /** The base URL the public calls to {@code service} go to (a gateway's host in front of replicas). */
    String publicUrl(SuiteService service);

    /** The base URL of every running instance of {@code service}, to read its health one by one. */
    List<String> instanceUrls(SuiteService service);

    int imapPort();

    /** Every SMS the gateway accepted so far. */
    List<SmsOutbox.Sms> sms();

    /** JDBC URL of {@code service}'s database (user {@code postgres}, password {@code postgres}). */
    String jdbcUrl(SuiteService service);

    String kafkaBootstrapServers();

    FaultTargets faults();

    /**
     * The services' log lines that contain {@code text} (a 500's reference) with the few lines after
     * them (the stack trace's head), so that a failed run says why without its logs at hand.
     */
    default List<String> logLinesAbout(String text) {
        return List.of();
    }

    /** One line for the report's header: what ran (replicas, brokers). */
    String describe();

    @Override
    void close();
}

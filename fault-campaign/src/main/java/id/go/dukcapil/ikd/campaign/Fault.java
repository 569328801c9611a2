package id.go.dukcapil.ikd.campaign;

import java.time.Duration;
import java.util.List;

import id.go.dukcapil.ikd.local.suite.SuiteService;

/**
 * One fault of the campaign: how it is injected mid-batch, how long the part stays down, and how
 * it is repaired. {@link #restore} returns once the broken part itself is back (the services'
 * own recovery is what the campaign then measures).
 */
interface Fault {

    String name();

    /** Breaks the part; returns once it is broken. */
    void inject(FaultTargets targets);

    /** How long the part stays broken before {@link #restore}. */
    Duration outage();

    /** Repairs the part (a no-op for a fault the suite repairs itself, such as a killed process). */
    void restore(FaultTargets targets);

    /** What the injection found worth reporting (e.g. how many records a reset delivers again); empty by default. */
    default String note() {
        return "";
    }

    /**
     * Whether replicas hide this fault from clients altogether (a broker of three, a replica of
     * two): in the HA topology the round must then cost no client error.
     */
    default boolean hiddenByReplicas() {
        return false;
    }

    /**
     * Whether a citizen may get one message twice under its own Message-ID (or SMS reference):
     * only when notification-service is killed after a server took a message and before its row
     * was recorded sent; the restarted replica takes the lease over and sends it again, the
     * at-least-once delivery SMTP allows (docs/reliability.md). Two different messages where one
     * was owed are doubled in every round.
     */
    default boolean mayRepeatAMessage() {
        return false;
    }

    /** The services that serve requests through the fault: each must be ready again for the suite to have recovered. */
    default List<SuiteService> watched() {
        return List.of(SuiteService.values());
    }

    static Fault brokerKilled(Duration outage) {
        return new Simple("Kafka broker SIGKILL, restarted after " + outage.toSeconds() + " s", outage,
                FaultTargets::killBroker, FaultTargets::startBroker, true);
    }

    static Fault databaseCrashed(Duration outage) {
        return new Simple("PostgreSQL stopped -m immediate, restarted after " + outage.toSeconds() + " s", outage,
                FaultTargets::stopDatabaseImmediately, FaultTargets::startDatabase, false);
    }

    static Fault mailRefused(Duration outage) {
        return new Simple("SMTP refusing connections for " + outage.toSeconds() + " s", outage,
                FaultTargets::refuseMail, FaultTargets::acceptMail, false);
    }

    /**
     * SIGKILL of each listed service in turn, the next once the previous is ready again (restarted
     * by the supervisor), so that one restart at a time competes for the CPU, as in a cluster.
     */
    static Fault servicesKilled(List<SuiteService> services) {
        String names = services.size() == SuiteService.values().length ? "each service"
                : String.join(", ", services.stream().map(SuiteService::module).toList());
        return new Fault() {
            @Override
            public String name() {
                return names + " SIGKILLed" + (services.size() > 1 ? " in turn" : "") + ", restarted by the supervisor";
            }

            @Override
            public boolean hiddenByReplicas() {
                return true;
            }

            @Override
            public boolean mayRepeatAMessage() {
                return services.contains(SuiteService.NOTIFICATION);
            }

            @Override
            public void inject(FaultTargets targets) {
                for (SuiteService service : services) {
                    targets.killService(service);
                    long deadline = System.nanoTime() + Duration.ofMinutes(5).toNanos();
                    Pause.of(Duration.ofSeconds(2)); // the supervisor notices and starts it again
                    while (!targets.serviceReady(service) && System.nanoTime() < deadline) {
                        Pause.of(Duration.ofMillis(500));
                    }
                }
            }

            @Override
            public Duration outage() {
                return Duration.ZERO;
            }

            @Override
            public void restore(FaultTargets targets) {
            }
        };
    }

    /** Every consumer group of the suite back to the start of every topic: each event delivered again. */
    static Fault offsetsReset(CampaignSuite suite) {
        return new Fault() {
            private volatile long redelivered;

            @Override
            public String name() {
                return "every consumer group's offsets reset to the beginning (services stopped, reset, started)";
            }

            @Override
            public void inject(FaultTargets targets) {
                targets.withServicesStopped(() -> redelivered = ConsumerOffsets.resetAllToEarliest(suite.kafkaBootstrapServers()));
            }

            @Override
            public String note() {
                return redelivered + " records delivered again";
            }

            @Override
            public Duration outage() {
                return Duration.ZERO;
            }

            @Override
            public void restore(FaultTargets targets) {
            }
        };
    }

    record Simple(String name, Duration outage, java.util.function.Consumer<FaultTargets> breaker,
            java.util.function.Consumer<FaultTargets> repairer, boolean hiddenByReplicas) implements Fault {
        @Override
        public void inject(FaultTargets targets) {
            breaker.accept(targets);
        }

        @Override
        public void restore(FaultTargets targets) {
            repairer.accept(targets);
        }
    }
}

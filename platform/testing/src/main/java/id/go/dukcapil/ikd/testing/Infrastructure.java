package id.go.dukcapil.ikd.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

/**
 * The real infrastructure that tests run against, started once per JVM and stopped at its exit.
 *
 * <p>By default everything is embedded: a Kafka broker, PostgreSQL and a mail server on free
 * ports. Environment variables point tests at external services instead:
 * {@code IKD_TEST_KAFKA_BOOTSTRAP_SERVERS}; {@code IKD_TEST_POSTGRES_HOST}, {@code _PORT},
 * {@code _USER}, {@code _PASSWORD}.
 *
 * <p>The coordinates are also kept in system properties, so that a second class loader in the
 * same JVM (Quarkus loads tests in its own) finds the running infrastructure instead of starting
 * another.
 */
public record Infrastructure(String kafkaBootstrapServers, String postgresHost, int postgresPort,
        String postgresUser, String postgresPassword, int smtpPort, int imapPort) {

    private static final String PREFIX = "ikd.infra.";

    public static synchronized Infrastructure shared() {
        return fromSystemProperties().orElseGet(Infrastructure::startAndPublish);
    }

    /** JDBC URL of one database (created on demand by {@link #database(String)}). */
    public String jdbcUrl(String database) {
        return "jdbc:postgresql://" + postgresHost + ":" + postgresPort + "/" + database;
    }

    /** Vert.x reactive client URL of one database. */
    public String reactiveUrl(String database) {
        return "postgresql://" + postgresHost + ":" + postgresPort + "/" + database;
    }

    /** Makes sure a database exists and returns its name. */
    public String database(String name) {
        Postgres.ensureDatabase(postgresHost, postgresPort, postgresUser, postgresPassword, name);
        return name;
    }

    private static Optional<Infrastructure> fromSystemProperties() {
        String kafka = System.getProperty(PREFIX + "kafka");
        if (kafka == null) {
            return Optional.empty();
        }
        return Optional.of(new Infrastructure(kafka,
                System.getProperty(PREFIX + "pg.host"),
                Integer.getInteger(PREFIX + "pg.port"),
                System.getProperty(PREFIX + "pg.user"),
                System.getProperty(PREFIX + "pg.password"),
                Integer.getInteger(PREFIX + "smtp.port"),
                Integer.getInteger(PREFIX + "imap.port")));
    }

    private static Infrastructure startAndPublish() {
        Path root;
        try {
            root = Files.createTempDirectory("ikd-test-infra-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        String kafka = System.getenv("IKD_TEST_KAFKA_BOOTSTRAP_SERVERS");
        if (kafka == null || kafka.isBlank()) {
            Path kafkaDir = root.resolve("kafka");
            KafkaBroker broker = startKafka(kafkaDir, FreePorts.next());
            System.setProperty(PREFIX + "kafka.dir", kafkaDir.toString());
            kafka = broker.bootstrapServers();
        }
        String pgHost = System.getenv("IKD_TEST_POSTGRES_HOST");
        int pgPort;
        String pgUser;
        String pgPassword;
        if (pgHost == null || pgHost.isBlank()) {
            Postgres postgres = Postgres.start(root.resolve("postgres"), FreePorts.next(), true,
                    Postgres.Durability.FAST_UNSAFE); // a throwaway database: speed over durability
            Runtime.getRuntime().addShutdownHook(new Thread(postgres::close, "ikd-postgres-stop"));
            pgHost = "127.0.0.1";
            pgPort = postgres.port();
            pgUser = Postgres.USER;
            pgPassword = "postgres";
        } else {
            pgPort = Integer.parseInt(env("IKD_TEST_POSTGRES_PORT", "5432"));
            pgUser = env("IKD_TEST_POSTGRES_USER", "postgres");
            pgPassword = env("IKD_TEST_POSTGRES_PASSWORD", "postgres");
        }
        MailServer mail = MailServer.start(FreePorts.next(), FreePorts.next());
        Runtime.getRuntime().addShutdownHook(new Thread(mail::close, "ikd-mail-stop"));

        Infrastructure infra = new Infrastructure(kafka, pgHost, pgPort, pgUser, pgPassword, mail.smtpPort(),
                mail.imapPort());
        System.setProperty(PREFIX + "kafka", infra.kafkaBootstrapServers());
        System.setProperty(PREFIX + "pg.host", infra.postgresHost());
        System.setProperty(PREFIX + "pg.port", Integer.toString(infra.postgresPort()));
        System.setProperty(PREFIX + "pg.user", infra.postgresUser());
        System.setProperty(PREFIX + "pg.password", infra.postgresPassword());
        System.setProperty(PREFIX + "smtp.port", Integer.toString(infra.smtpPort()));
        System.setProperty(PREFIX + "imap.port", Integer.toString(infra.imapPort()));
        return infra;
    }

    /**
     * Stops the embedded Kafka broker, as an outage would (for tests of what happens meanwhile).
     * Works from any class loader of this JVM.
     */
    public static void stopEmbeddedKafka() {
        long pid = Long.getLong(PREFIX + "kafka.pid", -1);
        if (pid < 0) {
            throw new IllegalStateException("no embedded Kafka broker runs in this JVM");
        }
        ProcessHandle.of(pid).ifPresent(process -> {
            process.destroy();
            try {
                process.onExit().get(30, java.util.concurrent.TimeUnit.SECONDS);
            } catch (Exception e) {
                process.destroyForcibly();
            }
        });
    }

    /** Starts the embedded Kafka broker again, on the same port and data, after {@link #stopEmbeddedKafka()}. */
    public static void startEmbeddedKafka() {
        String dir = System.getProperty(PREFIX + "kafka.dir");
        String bootstrap = System.getProperty(PREFIX + "kafka");
        if (dir == null || bootstrap == null) {
            throw new IllegalStateException("no embedded Kafka broker was started in this JVM");
        }
        int port = Integer.parseInt(bootstrap.substring(bootstrap.lastIndexOf(':') + 1));
        startKafka(Path.of(dir), port);
    }

    private static KafkaBroker startKafka(Path dir, int port) {
        KafkaBroker broker = KafkaBroker.start(dir, port, Duration.ofSeconds(90));
        Runtime.getRuntime().addShutdownHook(new Thread(broker::close, "ikd-kafka-stop"));
        System.setProperty(PREFIX + "kafka.pid", Long.toString(broker.pid()));
        return broker;
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}

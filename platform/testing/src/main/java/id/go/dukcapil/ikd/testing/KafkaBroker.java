package id.go.dukcapil.ikd.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;

/**
 * A real single-node Apache Kafka broker in KRaft mode, in a JVM of its own, started from the
 * Maven artifacts listed by the {@code ikd-kafka-broker} module. No Docker needed.
 */
public final class KafkaBroker implements AutoCloseable {

    private static final String CLASSPATH_RESOURCE = "ikd/kafka-broker.classpath";
    private static final String MAIN_CLASS_RESOURCE = "id/go/dukcapil/ikd/kafka/BrokerMain.class";

    private final Path dataDir;
    private final int port;
    private final Process process;

    private KafkaBroker(Path dataDir, int port, Process process) {
        this.dataDir = dataDir;
        this.port = port;
        this.process = process;
    }

    public String bootstrapServers() {
        return "127.0.0.1:" + port;
    }

    public int port() {
        return port;
    }

    public long pid() {
        return process.pid();
    }

    public Path logFile() {
        return dataDir.resolve("broker.log");
    }

    /**
     * Starts a broker that keeps its data in {@code dataDir} (formatted on first use) and waits
     * until it answers metadata requests.
     */
    public static KafkaBroker start(Path dataDir, int port, Duration readyTimeout) {
        try {
            Files.createDirectories(dataDir);
            int controllerPort = controllerPort(dataDir);
            String classpath = classpath();
            Path config = writeConfig(dataDir, port, controllerPort);
            Path logConfig = dataDir.resolve("log4j2.properties");
            try (InputStream in = resource("ikd/kafka-log4j2.properties")) {
                Files.copy(in, logConfig, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            }
            if (!Files.exists(dataDir.resolve("logs/meta.properties"))) {
                format(dataDir, classpath, config, logConfig);
            }
            List<String> command = javaCommand(classpath, logConfig);
            command.add("id.go.dukcapil.ikd.kafka.BrokerMain");
            command.add(Long.toString(ProcessHandle.current().pid()));
            command.add(config.toString());
            Process process = new ProcessBuilder(command)
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(dataDir.resolve("broker.log").toFile()))
                    .start();
            KafkaBroker broker = new KafkaBroker(dataDir, port, process);
            broker.awaitReady(readyTimeout);
            return broker;
        } catch (IOException e) {
            throw new UncheckedIOException("could not start the Kafka broker in " + dataDir, e);
        }
    }

    private void awaitReady(Duration timeout) {
        Instant deadline = Instant.now().plus(timeout);
        Map<String, Object> config = Map.of(
                AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers(),
                AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 2000,
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 3000);
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IllegalStateException("the Kafka broker exited with code " + process.exitValue()
                        + "; last lines of " + logFile() + ":\n" + Logs.tail(logFile(), 30));
            }
            if (!acceptsConnections()) {
                sleep(Duration.ofMillis(200));
                continue;
            }
            try (Admin admin = Admin.create(config)) {
                admin.describeCluster().nodes().get(3, TimeUnit.SECONDS);
                return;
            } catch (Exception notYet) {
                sleep(Duration.ofMillis(300));
            }
        }
        close();
        throw new IllegalStateException("the Kafka broker was not ready within " + timeout.toSeconds()
                + " s; last lines of " + logFile() + ":\n" + Logs.tail(logFile(), 30));
    }

    private boolean acceptsConnections() {
        try (java.net.Socket socket = new java.net.Socket()) {
            socket.connect(new java.net.InetSocketAddress("127.0.0.1", port), 500);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    @Override
    public void close() {
        if (process.isAlive()) {
            process.destroy();
            try {
                if (!process.waitFor(20, TimeUnit.SECONDS)) {
                    process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
                }
            } catch (InterruptedException e) {
                process.destroyForcibly();
                Thread.currentThread().interrupt();
            }
        }
    }

    /** The controller keeps its port across restarts of a broker on the same data. */
    private static int controllerPort(Path dataDir) throws IOException {
        Path file = dataDir.resolve("controller.port");
        if (Files.exists(file)) {
            return Integer.parseInt(Files.readString(file).trim());
        }
        int port = FreePorts.next();
        Files.writeString(file, Integer.toString(port));
        return port;
    }

    private static void format(Path dataDir, String classpath, Path config, Path logConfig) throws IOException {
        String clusterId = newClusterId();
        List<String> command = javaCommand(classpath, logConfig);
        command.addAll(List.of("kafka.tools.StorageTool", "format", "-t", clusterId, "-c", config.toString(),
                "--ignore-formatted"));
        Path log = dataDir.resolve("format.log");
        Process format = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(log.toFile()).start();
        try {
            if (!format.waitFor(60, TimeUnit.SECONDS) || format.exitValue() != 0) {
                format.destroyForcibly();
                throw new IllegalStateException("formatting the Kafka storage failed:\n" + Logs.tail(log, 30));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while formatting the Kafka storage", e);
        }
    }

    /**
     * A random cluster id in Kafka's format (16 bytes, base64url). One that starts with '-' would
     * be read as an option by the storage tool, so such draws are skipped.
     */
    static String newClusterId() {
        SecureRandom random = new SecureRandom();
        byte[] uuid = new byte[16];
        String id;
        do {
            random.nextBytes(uuid);
            id = Base64.getUrlEncoder().withoutPadding().encodeToString(uuid);
        } while (!Character.isLetterOrDigit(id.charAt(0)));
        return id;
    }

    private static List<String> javaCommand(String classpath, Path logConfig) {
        List<String> command = new ArrayList<>();
        command.add(Paths.get(System.getProperty("java.home"), "bin", "java").toString());
        // A small broker: the suite's traffic is tiny, the machine has two cores.
        command.addAll(List.of("-Xms128m", "-Xmx512m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1",
                "-Djava.awt.headless=true", "-Dlog4j2.configurationFile=" + logConfig.toUri()));
        command.add("-cp");
        command.add(classpath);
        return command;
    }

    /**
     * BrokerMain's jar (or classes folder) and the broker's libraries that platform/kafka-broker
     * listed: the classpath of a broker JVM, for one broker here and for the launcher's cluster.
     */
    public static String classpath() throws IOException {
        String listed;
        try (InputStream in = resource(CLASSPATH_RESOURCE)) {
            listed = new String(in.readAllBytes(), StandardCharsets.UTF_8).trim();
        }
        URL mainClass = KafkaBroker.class.getClassLoader().getResource(MAIN_CLASS_RESOURCE);
        if (mainClass == null) {
            throw new IllegalStateException("ikd-kafka-broker is not on the classpath");
        }
        return classpathEntryOf(mainClass, MAIN_CLASS_RESOURCE) + java.io.File.pathSeparator + listed;
    }

    /** The jar or directory that holds a resource, whichever class loader served it. */
    static String classpathEntryOf(URL url, String resourceName) {
        try {
            String external = url.toExternalForm();
            if (external.startsWith("jar:")) {
                String jar = external.substring(4, external.indexOf("!/"));
                return Paths.get(new java.net.URI(jar)).toString();
            }
            Path resource = Paths.get(url.toURI());
            Path root = resource;
            for (int i = 0; i < resourceName.split("/").length; i++) {
                root = root.getParent();
            }
            return root.toString();
        } catch (URISyntaxException e) {
            throw new IllegalStateException("cannot locate " + url, e);
        }
    }

    private static InputStream resource(String name) {
        InputStream in = KafkaBroker.class.getClassLoader().getResourceAsStream(name);
        if (in == null) {
            throw new IllegalStateException(name + " is missing: build platform/kafka-broker first");
        }
        return in;
    }

    private static Path writeConfig(Path dataDir, int port, int controllerPort) throws IOException {
        String config = String.join("\n",
                "process.roles=broker,controller",
                "node.id=1",
                "controller.quorum.voters=1@127.0.0.1:" + controllerPort,
                "listeners=PLAINTEXT://127.0.0.1:" + port + ",CONTROLLER://127.0.0.1:" + controllerPort,
                "advertised.listeners=PLAINTEXT://127.0.0.1:" + port,
                "controller.listener.names=CONTROLLER",
                "inter.broker.listener.name=PLAINTEXT",
                "listener.security.protocol.map=PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT",
                "log.dirs=" + dataDir.resolve("logs"),
                "num.partitions=3",
                "auto.create.topics.enable=true",
                "offsets.topic.replication.factor=1",
                "offsets.topic.num.partitions=5",
                "transaction.state.log.replication.factor=1",
                "transaction.state.log.min.isr=1",
                "share.coordinator.state.topic.replication.factor=1",
                "share.coordinator.state.topic.min.isr=1",
                "group.initial.rebalance.delay.ms=0",
                "") ;
        Path file = dataDir.resolve("server.properties");
        Files.writeString(file, config);
        return file;
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}

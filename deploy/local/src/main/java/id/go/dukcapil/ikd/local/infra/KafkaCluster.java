package id.go.dukcapil.ikd.local.infra;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.StandardCopyOption;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.common.Node;

import id.go.dukcapil.ikd.local.process.PortCheck;
import id.go.dukcapil.ikd.testing.FreePorts;
import id.go.dukcapil.ikd.testing.KafkaBroker;
import id.go.dukcapil.ikd.testing.Logs;

/**
 * Three (or more) Kafka nodes in KRaft mode on loopback, each a JVM of its own running the
 * project's {@code BrokerMain} (platform/kafka-broker): every node is controller and broker, the
 * controllers form one quorum, replication factor 3 and {@code min.insync.replicas} 2 by
 * default, as in deploy/kubernetes/base/kafka.yaml. A node can be killed (SIGKILL) and started
 * again on its data, for the fault tests.
 *
 * <p>Layout under {@code dir}: {@code cluster.id}, and per node {@code node-<n>/} with its
 * {@code server.properties}, {@code controller.port} (kept across restarts), data in
 * {@code logs/} and its output in {@code broker.log}.
 */
public final class KafkaCluster implements AutoCloseable {

    private static final String MAIN_CLASS = "id.go.dukcapil.ikd.kafka.BrokerMain";
    /** Three brokers share two cores with ten services: a smaller heap than the single broker's. */
    private static final List<String> JVM_OPTIONS = List.of("-Xms64m", "-Xmx320m", "-XX:+UseSerialGC",
            "-XX:TieredStopAtLevel=1", "-Djava.awt.headless=true");

    private final Path dir;
    private final List<Integer> brokerPorts;
    private final List<Integer> controllerPorts;
    private final String classpath;
    private final Process[] processes;

    private KafkaCluster(Path dir, List<Integer> brokerPorts, List<Integer> controllerPorts, String classpath) {
        this.dir = dir;
        this.brokerPorts = List.copyOf(brokerPorts);
        this.controllerPorts = List.copyOf(controllerPorts);
        this.classpath = classpath;
        this.processes = new Process[brokerPorts.size()];
    }

    /**
     * Formats the nodes' storage on first use, starts every node, and returns once all of them
     * are registered in the cluster; then creates {@code topics} (those that exist are kept).
     */
    public static KafkaCluster start(Path dir, List<Integer> brokerPorts, List<KafkaTopics.Topic> topics,
            Duration readyTimeout) {
        try {
            Files.createDirectories(dir);
            List<Integer> controllerPorts = new ArrayList<>();
            for (int node = 1; node <= brokerPorts.size(); node++) {
                Files.createDirectories(nodeDir(dir, node));
                controllerPorts.add(controllerPort(nodeDir(dir, node)));
            }
            KafkaCluster cluster = new KafkaCluster(dir, brokerPorts, controllerPorts, KafkaBroker.classpath());
            try {
                cluster.formatAndStart(readyTimeout);
                KafkaTopics.create(cluster.bootstrapServers(), topics, cluster.size());
                return cluster;
            } catch (RuntimeException e) {
                cluster.close();
                throw e;
            }
        } catch (IOException e) {
            throw new UncheckedIOException("could not start the Kafka cluster in " + dir, e);
        }
    }

    private void formatAndStart(Duration readyTimeout) throws IOException {
        String clusterId = clusterId();
        List<Process> formats = new ArrayList<>();
        List<Path> formatLogs = new ArrayList<>();
        for (int node = 1; node <= size(); node++) {
            Path config = writeConfig(node);
            if (!Files.exists(nodeDir(dir, node).resolve("logs/meta.properties"))) {
                List<String> command = javaCommand(node);
                command.addAll(List.of("kafka.tools.StorageTool", "format", "-t", clusterId, "-c", config.toString(),
                        "--ignore-formatted"));
                formatLogs.add(nodeDir(dir, node).resolve("format.log"));
                formats.add(new ProcessBuilder(command).redirectErrorStream(true)
                        .redirectOutput(formatLogs.getLast().toFile()).start());
            }
        }
        for (int i = 0; i < formats.size(); i++) {
            awaitFormat(formats.get(i), formatLogs.get(i));
        }
        for (int node = 1; node <= size(); node++) {
            launch(node);
        }
        awaitNodes(IntStream.rangeClosed(1, size()).boxed().toList(), readyTimeout);
    }

    /** Three JVMs formatting at once on a busy 2-core machine: minutes, not seconds. */
    private static void awaitFormat(Process format, Path log) {
        try {
            if (!format.waitFor(300, TimeUnit.SECONDS)) {
                format.destroyForcibly();
                throw new IllegalStateException("formatting the Kafka storage took longer than 300 s:\n" + Logs.tail(log, 20));
            }
            if (format.exitValue() != 0) {
                throw new IllegalStateException("formatting the Kafka storage failed (exit code " + format.exitValue()
                        + "):\n" + Logs.tail(log, 20));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while formatting the Kafka storage", e);
        }
    }

    private void launch(int node) {
        List<String> command = javaCommand(node);
        command.add(MAIN_CLASS);
        command.add(Long.toString(ProcessHandle.current().pid()));
        command.add(nodeDir(dir, node).resolve("server.properties").toString());
        try {
            processes[node - 1] = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(logFile(node).toFile())).start();
        } catch (IOException e) {
            throw new UncheckedIOException("could not start Kafka node " + node, e);
        }
    }

    /** Waits until every node in {@code nodes} (1-based ids) is part of the cluster's metadata. */
    private void awaitNodes(List<Integer> nodes, Duration timeout) {
        Instant deadline = Instant.now().plus(timeout);
        while (Instant.now().isBefore(deadline)) {
            for (int node : nodes) {
                Process process = processes[node - 1];
                if (!process.isAlive()) {
                    throw new IllegalStateException("Kafka node " + node + " exited with code " + process.exitValue()
                            + "; last lines of " + logFile(node) + ":\n" + Logs.tail(logFile(node), 30));
                }
            }
            if (nodes.stream().allMatch(node -> PortCheck.acceptsConnections(brokerPorts.get(node - 1)))) {
                try (Admin admin = admin()) {
                    List<Integer> registered = admin.describeCluster().nodes().get(3, TimeUnit.SECONDS).stream()
                            .map(Node::id).toList();
                    if (registered.containsAll(nodes)) {
                        return;
                    }
                } catch (Exception notYet) {
                    // not all up yet
                }
            }
            sleep(Duration.ofMillis(500));
        }
        throw new IllegalStateException("the Kafka nodes " + nodes + " were not ready within " + timeout.toSeconds()
                + " s; last lines of " + logFile(nodes.getFirst()) + ":\n" + Logs.tail(logFile(nodes.getFirst()), 30));
    }

    /** An admin client on every broker, for tests and for the start. */
    public Admin admin() {
        return Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers(),
                AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 3000,
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 5000));
    }

    /** Every broker's address, comma-separated, as clients take them. */
    public String bootstrapServers() {
        return brokerPorts.stream().map(port -> "127.0.0.1:" + port).collect(Collectors.joining(","));
    }

    public int size() {
        return brokerPorts.size();
    }

    public List<Integer> brokerPorts() {
        return brokerPorts;
    }

    /** The pid of node {@code index} (0-based), or -1 when it is not running. */
    public long pid(int index) {
        Process process = processes[index];
        return process != null && process.isAlive() ? process.pid() : -1;
    }

    public boolean isAlive(int index) {
        return processes[index] != null && processes[index].isAlive();
    }

    public Path logFile(int node) {
        return nodeDir(dir, node).resolve("broker.log");
    }

    /** Ends node {@code index} (0-based) at once (SIGKILL), as a crash would. */
    public synchronized void kill(int index) {
        Process process = processes[index];
        if (process != null && process.isAlive()) {
            process.destroyForcibly();
            try {
                process.waitFor(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** Starts node {@code index} (0-based) again on its data; returns once it is back in the cluster. */
    public synchronized void restart(int index, Duration readyTimeout) {
        if (isAlive(index)) {
            throw new IllegalStateException("Kafka node " + (index + 1) + " still runs");
        }
        launch(index + 1);
        awaitNodes(List.of(index + 1), readyTimeout);
    }

    /** Stops every node (SIGTERM, then SIGKILL after 15 s), all at once: a controlled shutdown of each. */
    @Override
    public void close() {
        for (Process process : processes) {
            if (process != null && process.isAlive()) {
                process.destroy();
            }
        }
        for (Process process : processes) {
            if (process == null) {
                continue;
            }
            try {
                if (!process.waitFor(15, TimeUnit.SECONDS)) {
                    process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
                }
            } catch (InterruptedException e) {
                process.destroyForcibly();
                Thread.currentThread().interrupt();
            }
        }
    }

    private Path writeConfig(int node) throws IOException {
        String voters = IntStream.rangeClosed(1, size())
                .mapToObj(n -> n + "@127.0.0.1:" + controllerPorts.get(n - 1)).collect(Collectors.joining(","));
        int port = brokerPorts.get(node - 1);
        int controller = controllerPorts.get(node - 1);
        int replication = Math.min(3, size());
        int minInsync = Math.max(1, replication - 1);
        String config = String.join("\n",
                "process.roles=broker,controller",
                "node.id=" + node,
                "controller.quorum.voters=" + voters,
                "listeners=PLAINTEXT://127.0.0.1:" + port + ",CONTROLLER://127.0.0.1:" + controller,
                "advertised.listeners=PLAINTEXT://127.0.0.1:" + port,
                "controller.listener.names=CONTROLLER",
                "inter.broker.listener.name=PLAINTEXT",
                "listener.security.protocol.map=PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT",
                "log.dirs=" + nodeDir(dir, node).resolve("logs"),
                "num.partitions=3",
                // topics the manifests do not list (auto-created by a client) get the same guarantees
                "auto.create.topics.enable=true",
                "default.replication.factor=" + replication,
                "min.insync.replicas=" + minInsync,
                "unclean.leader.election.enable=false",
                "offsets.topic.replication.factor=" + replication,
                "offsets.topic.num.partitions=5",
                "transaction.state.log.replication.factor=" + replication,
                "transaction.state.log.min.isr=" + minInsync,
                "share.coordinator.state.topic.replication.factor=" + replication,
                "share.coordinator.state.topic.min.isr=" + minInsync,
                "group.initial.rebalance.delay.ms=0",
                "");
        Path file = nodeDir(dir, node).resolve("server.properties");
        Files.writeString(file, config);
        try (InputStream in = resource("ikd/kafka-log4j2.properties")) {
            Files.copy(in, nodeDir(dir, node).resolve("log4j2.properties"), StandardCopyOption.REPLACE_EXISTING);
        }
        return file;
    }

    private List<String> javaCommand(int node) {
        List<String> command = new ArrayList<>();
        command.add(Paths.get(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(JVM_OPTIONS);
        command.add("-Dlog4j2.configurationFile=" + nodeDir(dir, node).resolve("log4j2.properties").toUri());
        command.add("-cp");
        command.add(classpath);
        return command;
    }

    private String clusterId() throws IOException {
        Path file = dir.resolve("cluster.id");
        if (Files.exists(file)) {
            return Files.readString(file).trim();
        }
        SecureRandom random = new SecureRandom();
        byte[] uuid = new byte[16];
        String id;
        do { // one starting with '-' would be read as an option by the storage tool
            random.nextBytes(uuid);
            id = Base64.getUrlEncoder().withoutPadding().encodeToString(uuid);
        } while (!Character.isLetterOrDigit(id.charAt(0)));
        Files.writeString(file, id);
        return id;
    }

    private static Path nodeDir(Path dir, int node) {
        return dir.resolve("node-" + node);
    }

    /** A controller keeps its port across restarts of the cluster on the same data. */
    private static int controllerPort(Path nodeDir) throws IOException {
        Path file = nodeDir.resolve("controller.port");
        if (Files.exists(file)) {
            return Integer.parseInt(Files.readString(file).trim());
        }
        int port = FreePorts.next();
        Files.writeString(file, Integer.toString(port));
        return port;
    }

    private static InputStream resource(String name) {
        InputStream in = KafkaCluster.class.getClassLoader().getResourceAsStream(name);
        if (in == null) {
            throw new IllegalStateException(name + " is missing: build platform/kafka-broker first");
        }
        return in;
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

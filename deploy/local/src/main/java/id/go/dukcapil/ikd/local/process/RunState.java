package id.go.dukcapil.ikd.local.process;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What a running {@code ./ikd up} left for {@code ./ikd down} and {@code ./ikd status} to find:
 * {@code .ikd/ikd.pid} (the launcher's pid) and {@code .ikd/processes} (every process it
 * started, one {@code name pid start-millis} per line, the launcher first; a restarted service
 * adds a line) and {@code .ikd/restarts} (per restarted service: how often, the last exit code
 * and when).
 */
public final class RunState {

    public static final String LAUNCHER = "launcher";

    private final Path pidFile;
    private final Path processesFile;
    private final Path restartsFile;
    private final Path topologyFile;

    /** A service {@code ./ikd up} restarted: how many times, and how its last process ended. */
    public record Restart(String name, int restarts, int lastExitCode, Instant lastExitAt) {

        String line() {
            return name + " " + restarts + " " + lastExitCode + " " + lastExitAt.toEpochMilli();
        }

        static Optional<Restart> parse(String line) {
            String[] parts = line.trim().split("\\s+");
            if (parts.length != 4) {
                return Optional.empty();
            }
            try {
                return Optional.of(new Restart(parts[0], Integer.parseInt(parts[1]), Integer.parseInt(parts[2]),
                        Instant.ofEpochMilli(Long.parseLong(parts[3]))));
            } catch (NumberFormatException e) {
                return Optional.empty();
            }
        }
    }

    public RunState(Path dataDir) {
        this.pidFile = dataDir.resolve("ikd.pid");
        this.processesFile = dataDir.resolve("processes");
        this.restartsFile = dataDir.resolve("restarts");
        this.topologyFile = dataDir.resolve("topology");
    }

    /** Which topology the running {@code ./ikd up} started ({@code SINGLE} or {@code HA}), for status and demo. */
    public void recordTopology(String topology) {
        try {
            Files.writeString(topologyFile, topology + "\n", StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("could not write " + topologyFile, e);
        }
    }

    /** The topology of the running (or last) {@code ./ikd up}; {@code SINGLE} when none was recorded. */
    public String topology() {
        try {
            return Files.exists(topologyFile) ? Files.readString(topologyFile, StandardCharsets.UTF_8).trim() : "SINGLE";
        } catch (IOException e) {
            return "SINGLE";
        }
    }

    /** Records this JVM as the running launcher. */
    public void begin() {
        RecordedProcess self = RecordedProcess.of(LAUNCHER, ProcessHandle.current().pid())
                .orElseThrow(() -> new IllegalStateException("the start time of this process is unknown"));
        try {
            Files.createDirectories(pidFile.getParent());
            Files.writeString(pidFile, self.pid() + "\n", StandardCharsets.UTF_8);
            Files.writeString(processesFile, self.line() + "\n", StandardCharsets.UTF_8);
            Files.deleteIfExists(restartsFile);
        } catch (IOException e) {
            throw new UncheckedIOException("could not write " + pidFile, e);
        }
    }

    public void record(String name, long pid) {
        RecordedProcess.of(name, pid).ifPresent(process -> {
            try {
                Files.writeString(processesFile, process.line() + "\n", StandardCharsets.UTF_8,
                        StandardOpenOption.CREATE, StandardOpenOption.APPEND);
            } catch (IOException e) {
                throw new UncheckedIOException("could not write " + processesFile, e);
            }
        });
    }

    /** A service was started again (its new process is recorded too, for {@code ./ikd down}). */
    public synchronized void recordRestart(Restart restart, long newPid) {
        record(restart.name(), newPid);
        Map<String, Restart> all = new LinkedHashMap<>();
        restarts().forEach(known -> all.put(known.name(), known));
        all.put(restart.name(), restart);
        StringBuilder content = new StringBuilder();
        all.values().forEach(known -> content.append(known.line()).append('\n'));
        try {
            Files.writeString(restartsFile, content, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("could not write " + restartsFile, e);
        }
    }

    /** The services the running (or last) {@code ./ikd up} restarted. */
    public List<Restart> restarts() {
        try {
            if (!Files.exists(restartsFile)) {
                return List.of();
            }
            return Files.readAllLines(restartsFile, StandardCharsets.UTF_8).stream()
                    .map(Restart::parse).flatMap(Optional::stream).toList();
        } catch (IOException e) {
            throw new UncheckedIOException("could not read " + restartsFile, e);
        }
    }

    /** Every process recorded by the last {@code ./ikd up}, running or not. */
    public List<RecordedProcess> recorded() {
        try {
            if (!Files.exists(processesFile)) {
                return List.of();
            }
            return Files.readAllLines(processesFile, StandardCharsets.UTF_8).stream()
                    .map(RecordedProcess::parse).flatMap(Optional::stream).toList();
        } catch (IOException e) {
            throw new UncheckedIOException("could not read " + processesFile, e);
        }
    }

    /** The launcher of a {@code ./ikd up} that still runs. */
    public Optional<RecordedProcess> runningLauncher() {
        return recorded().stream()
                .filter(process -> process.name().equals(LAUNCHER))
                .filter(RecordedProcess::isRunning)
                .findFirst();
    }

    public void clear() {
        try {
            Files.deleteIfExists(pidFile);
            Files.deleteIfExists(processesFile);
            Files.deleteIfExists(restartsFile);
            Files.deleteIfExists(topologyFile);
        } catch (IOException e) {
            throw new UncheckedIOException("could not remove " + pidFile, e);
        }
    }
}

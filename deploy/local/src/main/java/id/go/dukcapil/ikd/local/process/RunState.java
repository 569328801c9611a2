package id.go.dukcapil.ikd.local.process;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Optional;

/**
 * What a running {@code ./ikd up} left for {@code ./ikd down} and {@code ./ikd status} to find:
 * {@code .ikd/ikd.pid} (the launcher's pid) and {@code .ikd/processes} (every process it
 * started, one {@code name pid start-millis} per line, the launcher first).
 */
public final class RunState {

    public static final String LAUNCHER = "launcher";

    private final Path pidFile;
    private final Path processesFile;

    public RunState(Path dataDir) {
        this.pidFile = dataDir.resolve("ikd.pid");
        this.processesFile = dataDir.resolve("processes");
    }

    /** Records this JVM as the running launcher. */
    public void begin() {
        RecordedProcess self = RecordedProcess.of(LAUNCHER, ProcessHandle.current().pid())
                .orElseThrow(() -> new IllegalStateException("the start time of this process is unknown"));
        try {
            Files.createDirectories(pidFile.getParent());
            Files.writeString(pidFile, self.pid() + "\n", StandardCharsets.UTF_8);
            Files.writeString(processesFile, self.line() + "\n", StandardCharsets.UTF_8);
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
        } catch (IOException e) {
            throw new UncheckedIOException("could not remove " + pidFile, e);
        }
    }
}

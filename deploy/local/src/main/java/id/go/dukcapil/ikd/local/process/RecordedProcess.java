package id.go.dukcapil.ikd.local.process;

import java.time.Instant;
import java.util.Optional;

/**
 * A process {@code ./ikd up} started, as written to {@code .ikd/processes}: its name, pid and
 * start time. The start time tells a process apart from a later one that got the same pid, so
 * that {@code ./ikd down} never signals a stranger.
 */
public record RecordedProcess(String name, long pid, long startedAtMillis) {

    private static final long SAME_START_TOLERANCE_MILLIS = 1000;

    public static Optional<RecordedProcess> of(String name, long pid) {
        return ProcessHandle.of(pid)
                .flatMap(handle -> handle.info().startInstant())
                .map(start -> new RecordedProcess(name, pid, start.toEpochMilli()));
    }

    /** The process itself, if it still runs (and is the one recorded, not a reuse of its pid). */
    public Optional<ProcessHandle> handle() {
        return ProcessHandle.of(pid)
                .filter(ProcessHandle::isAlive)
                .filter(handle -> handle.info().startInstant()
                        .map(Instant::toEpochMilli)
                        .map(start -> Math.abs(start - startedAtMillis) <= SAME_START_TOLERANCE_MILLIS)
                        .orElse(false));
    }

    public boolean isRunning() {
        return handle().isPresent();
    }

    String line() {
        return name + " " + pid + " " + startedAtMillis;
    }

    static Optional<RecordedProcess> parse(String line) {
        String[] parts = line.trim().split("\\s+");
        if (parts.length != 3) {
            return Optional.empty();
        }
        try {
            return Optional.of(new RecordedProcess(parts[0], Long.parseLong(parts[1]), Long.parseLong(parts[2])));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }
}

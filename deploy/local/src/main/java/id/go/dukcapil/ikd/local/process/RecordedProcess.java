package id.go.dukcapil.ikd.local.process;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Optional;

/**
 * A process {@code ./ikd up} started, as written to {@code .ikd/processes}: its name, pid and
 * start time. The start time tells a process apart from a later one that got the same pid, so
 * that {@code ./ikd down} never signals a stranger.
 *
 * <p>On Linux the start is also kept as the kernel has it, in clock ticks since boot
 * ({@code /proc/<pid>/stat}), and compared that way. The JDK's start instant is boot time plus
 * those ticks, and the boot time it reads moves when the wall clock is stepped (a virtual machine
 * setting its clock after boot, NTP): then every recorded process looked gone, and
 * {@code ./ikd down} cleared its state and left the launcher, Kafka and the services running.
 *
 * @param startTicks start in clock ticks since boot, or -1 where the system does not say
 */
public record RecordedProcess(String name, long pid, long startedAtMillis, long startTicks) {

    private static final long SAME_START_TOLERANCE_MILLIS = 1000;

    public RecordedProcess(String name, long pid, long startedAtMillis) {
        this(name, pid, startedAtMillis, -1);
    }

    public static Optional<RecordedProcess> of(String name, long pid) {
        return ProcessHandle.of(pid)
                .flatMap(handle -> handle.info().startInstant())
                .map(start -> new RecordedProcess(name, pid, start.toEpochMilli(), startTicks(pid)));
    }

    /** The process itself, if it still runs (and is the one recorded, not a reuse of its pid). */
    public Optional<ProcessHandle> handle() {
        return ProcessHandle.of(pid)
                .filter(ProcessHandle::isAlive)
                .filter(this::sameStart);
    }

    private boolean sameStart(ProcessHandle handle) {
        long ticks = startTicks >= 0 ? startTicks(pid) : -1;
        if (ticks >= 0) {
            return ticks == startTicks;
        }
        return handle.info().startInstant()
                .map(Instant::toEpochMilli)
                .map(start -> Math.abs(start - startedAtMillis) <= SAME_START_TOLERANCE_MILLIS)
                .orElse(false);
    }

    /** Field 22 of {@code /proc/<pid>/stat}, after the command name (which may hold spaces). */
    static long startTicks(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return Long.parseLong(fields[19]);
        } catch (IOException | RuntimeException unavailable) {
            return -1;
        }
    }

    public boolean isRunning() {
        return handle().isPresent();
    }

    String line() {
        return name + " " + pid + " " + startedAtMillis + " " + startTicks;
    }

    static Optional<RecordedProcess> parse(String line) {
        String[] parts = line.trim().split("\\s+");
        if (parts.length != 3 && parts.length != 4) {
            return Optional.empty();
        }
        try {
            return Optional.of(new RecordedProcess(parts[0], Long.parseLong(parts[1]), Long.parseLong(parts[2]),
                    parts.length == 4 ? Long.parseLong(parts[3]) : -1));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }
}

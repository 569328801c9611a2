package id.go.dukcapil.ikd.local.process;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Stopping processes this launcher did not start itself (left over by an earlier run), politely first. */
public final class Processes {

    private Processes() {
    }

    /**
     * Sends SIGTERM to each running process, waits up to {@code grace} for all of them, then
     * kills what is left together with its descendants. Returns how many were running.
     */
    public static int stop(List<RecordedProcess> processes, Duration grace) {
        List<ProcessHandle> running = processes.stream()
                .map(RecordedProcess::handle).flatMap(java.util.Optional::stream).toList();
        running.forEach(ProcessHandle::destroy);
        long deadline = System.nanoTime() + grace.toNanos();
        for (ProcessHandle process : running) {
            long left = Math.max(0, deadline - System.nanoTime());
            try {
                process.onExit().get(left, TimeUnit.NANOSECONDS);
            } catch (Exception notYet) {
                process.descendants().forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly();
            }
        }
        return running.size();
    }
}

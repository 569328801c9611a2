package id.go.dukcapil.ikd.testing;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * CPU time of the processes that take part in a benchmark, read from /proc (Linux; on other
 * systems every figure is 0): this JVM under a name the caller gives, the processes its children
 * were (wrk, once reaped), PostgreSQL, the Kafka broker, each IKD service JVM (named after the
 * module its {@code quarkus-run.jar} comes from) and the whole machine's busy time. Take a
 * {@link #snapshot} before and after the measured run; {@link #millisPerRequest} divides the
 * difference by the requests served. Used by token-service's benchmark and the load-tests module.
 */
public final class ProcessCpu {

    public static final String MACHINE = "machine (all processes)";
    public static final String CHILDREN = "child processes (wrk)";
    public static final String OTHERS = "other suites' JVMs and PostgreSQL";
    /** Clock ticks per second of /proc/[pid]/stat; 100 on every Linux the suite runs on. */
    private static final double TICKS_PER_SECOND = 100.0;
    private static final long SELF = ProcessHandle.current().pid();
    private static final Pattern SERVICE_JAR = Pattern.compile("([a-z]+-service)/target/quarkus-app/quarkus-run\\.jar");

    private ProcessCpu() {
    }

    /** CPU ticks (user + system) per process group now; {@code self} names this JVM. */
    public static Map<String, Long> snapshot(String self) {
        return snapshot(self, null);
    }

    /**
     * The same, counting as PostgreSQL, Kafka and services only those of the suite whose checkout
     * is {@code suiteRoot} (its {@code ./ikd up}: the postmaster of {@code .ikd/postgres} and its
     * backends, the broker and service JVMs started from there); the same kinds of processes of
     * other suites on the machine go to {@link #OTHERS}. {@code null}: every one counts.
     */
    public static Map<String, Long> snapshot(String self, Path suiteRoot) {
        Map<String, Long> ticks = new TreeMap<>();
        long postmaster = suiteRoot == null ? -1 : postmasterPid(suiteRoot);
        ProcessHandle.allProcesses().forEach(process -> {
            String group = process.pid() == SELF ? self : group(process.pid());
            if (group != null && process.pid() != SELF && suiteRoot != null && !ofSuite(process.pid(), group, suiteRoot, postmaster)) {
                group = OTHERS;
            }
            if (group != null) {
                ticks.merge(group, ticks(process.pid(), 11) + ticks(process.pid(), 12), Long::sum); // utime, stime
            }
        });
        ticks.put(CHILDREN, ticks(SELF, 13) + ticks(SELF, 14)); // cutime, cstime: children reaped so far
        ticks.put(MACHINE, machineBusyTicks());
        return ticks;
    }

    /** Milliseconds of CPU per request of each group between two snapshots (empty for no requests). */
    public static Map<String, Double> millisPerRequest(Map<String, Long> before, Map<String, Long> after, long requests) {
        Map<String, Double> millis = new TreeMap<>();
        if (requests > 0) {
            after.forEach((group, ticks) -> millis.put(group,
                    (ticks - before.getOrDefault(group, 0L)) / TICKS_PER_SECOND * 1000 / requests));
        }
        return millis;
    }

    /** Seconds of CPU of each group between two snapshots. */
    public static Map<String, Double> seconds(Map<String, Long> before, Map<String, Long> after) {
        Map<String, Double> seconds = new TreeMap<>();
        after.forEach((group, ticks) -> seconds.put(group, (ticks - before.getOrDefault(group, 0L)) / TICKS_PER_SECOND));
        return seconds;
    }

    /** PostgreSQL, Kafka, an IKD service (by module), or null for a process that takes no part. */
    static String group(long pid) {
        String command = read(pid, "comm").trim();
        if (command.equals("postgres")) {
            return "PostgreSQL";
        }
        if (!command.equals("java")) {
            return null;
        }
        String commandLine = read(pid, "cmdline");
        if (commandLine.contains("ikd.kafka.BrokerMain")) {
            return "Kafka";
        }
        Matcher service = SERVICE_JAR.matcher(commandLine);
        return service.find() ? service.group(1) : null;
    }

    private static boolean ofSuite(long pid, String group, Path suiteRoot, long postmaster) {
        if (group.equals("PostgreSQL")) {
            return pid == postmaster || parentPid(pid) == postmaster;
        }
        return read(pid, "cmdline").contains(suiteRoot.toString() + "/");
    }

    /** The first line of {@code .ikd/postgres/postmaster.pid}, or -1. */
    private static long postmasterPid(Path suiteRoot) {
        try {
            return Long.parseLong(Files.readAllLines(suiteRoot.resolve(".ikd/postgres/postmaster.pid")).get(0).trim());
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }

    private static long parentPid(long pid) {
        String stat = read(pid, "stat");
        try {
            return Long.parseLong(stat.substring(stat.lastIndexOf(')') + 2).split(" ")[1]);
        } catch (RuntimeException e) {
            return -2;
        }
    }

    private static String read(long pid, String file) {
        try {
            return Files.readString(Path.of("/proc", Long.toString(pid), file), StandardCharsets.ISO_8859_1);
        } catch (IOException | RuntimeException e) {
            return "";
        }
    }

    /** Busy ticks of all cores together (user, nice, system, irq, softirq), from /proc/stat. */
    private static long machineBusyTicks() {
        try {
            String[] fields = Files.readAllLines(Path.of("/proc/stat")).get(0).trim().split("\\s+");
            return Long.parseLong(fields[1]) + Long.parseLong(fields[2]) + Long.parseLong(fields[3])
                    + Long.parseLong(fields[6]) + Long.parseLong(fields[7]);
        } catch (IOException | RuntimeException e) {
            return 0;
        }
    }

    /** Field {@code index} of /proc/pid/stat counted after the command name (11 utime, 12 stime, 13 cutime, 14 cstime). */
    private static long ticks(long pid, int index) {
        String stat = read(pid, "stat");
        try {
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return Long.parseLong(fields[index]);
        } catch (RuntimeException e) {
            return 0; // gone meanwhile
        }
    }
}

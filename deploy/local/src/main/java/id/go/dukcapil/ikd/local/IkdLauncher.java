package id.go.dukcapil.ikd.local;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import id.go.dukcapil.ikd.local.demo.DemoJourney;
import id.go.dukcapil.ikd.local.gateway.RouteTable;
import id.go.dukcapil.ikd.local.process.RunState;
import id.go.dukcapil.ikd.local.suite.HaPorts;

/**
 * The launcher behind {@code ./ikd}: {@code up [--ha] [--fresh] [--fast-unsafe] [--ready-timeout=SECONDS]},
 * {@code down}, {@code status}, {@code demo}. The script picks the JDK, builds what is missing and passes the
 * project root as {@code -Dikd.home}; {@code logs} and {@code build} it does itself.
 */
public final class IkdLauncher {

    static final Duration DEFAULT_READY_TIMEOUT = Duration.ofSeconds(300);

    private IkdLauncher() {
    }

    public static void main(String[] args) {
        Path root = Path.of(System.getProperty("ikd.home", ".")).toAbsolutePath().normalize();
        Path dataDir = root.resolve(".ikd");
        List<String> options = args.length == 0 ? List.of() : Arrays.asList(args).subList(1, args.length);
        int exitCode;
        try {
            exitCode = switch (args.length == 0 ? "" : args[0]) {
                case "up" -> Up.parse(root, dataDir, options).run();
                case "down" -> new Down(dataDir).run();
                case "status" -> new Status(root, dataDir).run();
                case "demo" -> demo(root, dataDir);
                default -> usage();
            };
        } catch (UsageException e) {
            System.err.println(e.getMessage());
            exitCode = usage();
        } catch (LauncherException e) {
            System.err.println();
            System.err.println("✗ " + e.getMessage());
            exitCode = 1;
        }
        System.exit(exitCode);
    }

    /** Through the gateway's public hosts when the running {@code ./ikd up} is the HA topology. */
    private static int demo(Path root, Path dataDir) {
        RunState state = new RunState(dataDir);
        Map<String, String> publicUrls = "HA".equals(state.topology())
                ? HaPorts.standard(RouteTable.ofProject(root)).publicUrls()
                : Map.of();
        return DemoJourney.run(System.out, publicUrls, () -> state.runningLauncher().isPresent());
    }

    private static int usage() {
        System.err.println("""
                usage: ./ikd up [--ha] [--fresh] [--fast-unsafe] [--ready-timeout=SECONDS]
                                                                       start the suite in the foreground
                       ./ikd down                                      stop it (and everything it started)
                       ./ikd status                                    what runs, ports, readiness
                       ./ikd demo                                      one resident through the whole journey (needs ./ikd up;
                                                                       through the gateway when it runs with --ha)
                       ./ikd logs SERVICE|kafka|postgres               follow a log
                       ./ikd build                                     rebuild the suite (./mvnw install, no tests)""");
        return 2;
    }

    /** A wrong command line. */
    static final class UsageException extends RuntimeException {
        UsageException(String message) {
            super(message);
        }
    }

    /** A clear, expected failure: the message says what is wrong and what to do. */
    static final class LauncherException extends RuntimeException {
        LauncherException(String message) {
            super(message);
        }

        LauncherException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}

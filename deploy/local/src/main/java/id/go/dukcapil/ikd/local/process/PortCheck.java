package id.go.dukcapil.ikd.local.process;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import id.go.dukcapil.ikd.testing.FreePorts;

/** Is a local port taken, and by whom (as far as {@code ss} or {@code lsof} can tell)? */
public final class PortCheck {

    private static final Pattern SS_USER = Pattern.compile("users:\\(\\(\"([^\"]+)\",pid=(\\d+)");
    private static final Pattern LSOF_PID = Pattern.compile("(?m)^p(\\d+)$");
    private static final int MAX_COMMAND_LENGTH = 140;

    private PortCheck() {
    }

    /**
     * For each port of {@code wanted} (component → port) that something already listens on, a line
     * saying for which component and who holds it; empty when all are free.
     */
    public static List<String> taken(Map<String, Integer> wanted) {
        List<String> taken = new ArrayList<>();
        Set<Integer> seen = new HashSet<>();
        wanted.forEach((component, port) -> {
            if (seen.add(port) && inUse(port)) {
                taken.add("  port " + port + " (for " + component + ") is used by "
                        + listener(port).orElse("another process (ss/lsof could not tell which)"));
            }
        });
        return taken;
    }

    /** Something listens on the port, on the loopback or on every interface. */
    public static boolean inUse(int port) {
        return !FreePorts.isFree(port) || acceptsConnections(port);
    }

    public static boolean acceptsConnections(int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 500);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /** E.g. {@code "java (pid 4711: java -jar registration-service/...)"}, when the system tells. */
    public static Optional<String> listener(int port) {
        Optional<Long> pid = run(List.of("ss", "-Hltnp", "sport = :" + port))
                .flatMap(out -> first(SS_USER.matcher(out), 2))
                .or(() -> run(List.of("lsof", "-nP", "-iTCP:" + port, "-sTCP:LISTEN", "-Fp"))
                        .flatMap(out -> first(LSOF_PID.matcher(out), 1)))
                .map(Long::parseLong);
        return pid.map(PortCheck::describe);
    }

    private static String describe(long pid) {
        return ProcessHandle.of(pid)
                .map(handle -> {
                    String command = handle.info().commandLine().or(() -> handle.info().command()).orElse("?");
                    if (command.length() > MAX_COMMAND_LENGTH) {
                        command = command.substring(0, MAX_COMMAND_LENGTH) + "…";
                    }
                    return "pid " + pid + ": " + command;
                })
                .orElse("pid " + pid);
    }

    private static Optional<String> first(Matcher matcher, int group) {
        return matcher.find() ? Optional.of(matcher.group(group)) : Optional.empty();
    }

    private static Optional<String> run(List<String> command) {
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
            byte[] out = process.getInputStream().readAllBytes();
            if (!process.waitFor(3, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                return Optional.empty();
            }
            return Optional.of(new String(out, StandardCharsets.UTF_8));
        } catch (IOException e) {
            return Optional.empty(); // the tool is not installed
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }
}

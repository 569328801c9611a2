package id.go.dukcapil.ikd.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.zonky.test.db.postgres.util.LinuxUtils;

/**
 * Stops a running {@link Postgres} server the hard way and starts it again on the same data folder
 * and port, for fault-injection runs: {@code pg_ctl stop -m immediate} is what a crash of the
 * server looks like to its clients (every connection cut, no checkpoint, recovery from the WAL at
 * the next start). The server is started again with the command line it last ran with
 * ({@code postmaster.opts}), with the durability asked for.
 */
public final class PostgresControl {

    private static final Pattern QUOTED = Pattern.compile("\"((?:[^\"\\\\]|\\\\.)*)\"");
    private static final long PG_CTL_TIMEOUT_SECONDS = 90;

    private final Path dataDir;

    public PostgresControl(Path dataDir) {
        this.dataDir = dataDir;
    }

    /** {@code pg_ctl stop -m immediate}: every backend ends at once, as in a crash. */
    public void stopImmediately() {
        pgCtl(List.of("stop", "-D", dataDir.toString(), "-m", "immediate", "-w", "-t", "30"));
    }

    /** {@code pg_ctl stop -m fast}: a clean shutdown (connections cut, checkpoint written). */
    public void stopFast() {
        pgCtl(List.of("stop", "-D", dataDir.toString(), "-m", "fast", "-w", "-t", "30"));
    }

    /** Starts the server again with its last command line, the durability settings replaced; returns once it accepts connections. */
    public void start(Postgres.Durability durability) {
        List<String> options = serverOptions(durability);
        StringBuilder quoted = new StringBuilder();
        for (String option : options) {
            // pg_ctl hands -o to /bin/sh: single quotes keep every option one word
            quoted.append(quoted.isEmpty() ? "" : " ").append('\'').append(option.replace("'", "'\\''")).append('\'');
        }
        pgCtl(List.of("start", "-D", dataDir.toString(), "-w", "-t", "60", "-l",
                dataDir.resolve("restarted-server.log").toString(), "-o", quoted.toString()));
    }

    /** The server's options from {@code postmaster.opts}, without {@code -D} and with {@code durability}'s settings. */
    List<String> serverOptions(Postgres.Durability durability) {
        List<String> all = lastCommandLine();
        List<String> options = new ArrayList<>();
        for (int i = 1; i < all.size(); i++) {
            String option = all.get(i);
            if (option.equals("-D")) {
                i++;
            } else if (option.equals("-F")) {
                continue; // fsync off: decided below
            } else if (option.equals("-c") && i + 1 < all.size()
                    && (all.get(i + 1).startsWith("fsync=") || all.get(i + 1).startsWith("synchronous_commit="))) {
                i++;
            } else {
                options.add(option);
            }
        }
        options.addAll(List.of("-c", "fsync=" + durability.fsync(), "-c",
                "synchronous_commit=" + durability.synchronousCommit()));
        return options;
    }

    /** {@code postmaster.opts}: the binary, then every argument in double quotes. */
    private List<String> lastCommandLine() {
        String line;
        try {
            line = Files.readString(dataDir.resolve("postmaster.opts")).strip();
        } catch (IOException e) {
            throw new UncheckedIOException("no postmaster.opts in " + dataDir + ": was the server ever started?", e);
        }
        List<String> parts = new ArrayList<>();
        int firstQuote = line.indexOf('"');
        parts.add((firstQuote < 0 ? line : line.substring(0, firstQuote)).strip());
        Matcher matcher = QUOTED.matcher(line);
        while (matcher.find()) {
            parts.add(matcher.group(1));
        }
        return parts;
    }

    private void pgCtl(List<String> arguments) {
        Path pgCtl = Path.of(lastCommandLine().getFirst()).resolveSibling("pg_ctl");
        List<String> command = new ArrayList<>();
        if (LinuxUtils.isUnshareAvailable()) {
            // as the embedded library does: PostgreSQL refuses to run as root, a user namespace makes root someone else
            command.addAll(List.of("unshare", "-U"));
        }
        command.add(pgCtl.toString());
        command.addAll(arguments);
        Path log = dataDir.resolve("pg_ctl-control.log");
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
            if (!process.waitFor(PG_CTL_TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IllegalStateException("pg_ctl " + arguments.getFirst() + " did not finish; see " + log);
            }
            if (process.exitValue() != 0) {
                throw new IllegalStateException("pg_ctl " + arguments.getFirst() + " failed with exit code "
                        + process.exitValue() + ":\n" + Logs.tail(log, 20));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("could not run " + pgCtl, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while running pg_ctl", e);
        }
    }
}

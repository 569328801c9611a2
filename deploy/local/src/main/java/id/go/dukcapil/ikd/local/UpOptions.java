package id.go.dukcapil.ikd.local;

import java.time.Duration;
import java.util.List;

import id.go.dukcapil.ikd.local.IkdLauncher.UsageException;
import id.go.dukcapil.ikd.local.suite.Topology;
import id.go.dukcapil.ikd.testing.Postgres;

/** What {@code ./ikd up [--ha] [--fresh] [--fast-unsafe] [--ready-timeout=SECONDS]} asked for. */
record UpOptions(Topology topology, boolean fresh, Postgres.Durability durability, Duration readyTimeout) {

    private static final String READY_TIMEOUT = "--ready-timeout=";

    static UpOptions parse(List<String> options) {
        Topology topology = Topology.SINGLE;
        boolean fresh = false;
        Postgres.Durability durability = Postgres.Durability.DURABLE;
        Duration readyTimeout = IkdLauncher.DEFAULT_READY_TIMEOUT;
        for (String option : options) {
            if (option.equals("--ha")) {
                topology = Topology.HA;
            } else if (option.equals("--fresh")) {
                fresh = true;
            } else if (option.equals("--fast-unsafe")) {
                durability = Postgres.Durability.FAST_UNSAFE;
            } else if (option.startsWith(READY_TIMEOUT)) {
                readyTimeout = readyTimeout(option);
            } else {
                throw new UsageException("unknown option for up: " + option);
            }
        }
        return new UpOptions(topology, fresh, durability, readyTimeout);
    }

    private static Duration readyTimeout(String option) {
        try {
            long seconds = Long.parseLong(option.substring(READY_TIMEOUT.length()));
            if (seconds <= 0) {
                throw new UsageException("--ready-timeout needs a positive number of seconds: " + option);
            }
            return Duration.ofSeconds(seconds);
        } catch (NumberFormatException e) {
            throw new UsageException("--ready-timeout needs a number of seconds: " + option);
        }
    }
}

package id.go.dukcapil.ikd.load;

import static io.gatling.javaapi.core.CoreDsl.atOnceUsers;
import static io.gatling.javaapi.core.CoreDsl.exec;
import static io.gatling.javaapi.core.CoreDsl.scenario;

import java.time.Duration;
import java.util.Locale;
import java.util.Map;

import io.gatling.javaapi.core.ScenarioBuilder;

/**
 * A burst: {@code -Dburst} registrations (5,000 by default; each makes events for several
 * consumers) submitted by {@code -Dconcurrency} clients back to back, as fast as
 * registration-service takes them; then the time from the last submission until every
 * consumer group's lag (Kafka AdminClient: end offset − committed offset) is back to zero.
 *
 * <pre>./mvnw -pl load-tests gatling:test -Dgatling.simulationClass=id.go.dukcapil.ikd.load.BurstSimulation -Dburst=5000 -Dconcurrency=32</pre>
 */
public class BurstSimulation extends IkdSimulation {

    private static final Duration LAG_WAIT = Duration.ofMinutes(15);
    private final ConsumerLag lag = new ConsumerLag(settings.kafka);
    private final long writtenBefore = lag.written();
    private volatile long lastSubmitMillis;

    private final ScenarioBuilder burst = scenario("burst").exec(startMeasuring())
            .repeat(Math.max(1, settings.burst / settings.concurrency)).on(exec(journey.newResident())
                    .exec(session -> session.set("nik", Niks.random())).exec(journey.register())
                    .exec(session -> {
                        lastSubmitMillis = Math.max(lastSubmitMillis, System.currentTimeMillis());
                        return session;
                    }));

    {
        setUp(burst.injectOpen(atOnceUsers(settings.concurrency))).protocols(protocol);
    }

    @Override
    protected void beforeSummary(StringBuilder out) {
        long peak = 0;
        long zeroAt = -1;
        long deadline = System.currentTimeMillis() + LAG_WAIT.toMillis();
        Map<String, Long> byGroup = Map.of();
        while (System.currentTimeMillis() < deadline) {
            byGroup = lag.byGroup();
            long total = byGroup.values().stream().mapToLong(Long::longValue).sum();
            peak = Math.max(peak, total);
            if (total == 0) {
                zeroAt = System.currentTimeMillis();
                break;
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        long events = lag.written() - writtenBefore;
        lag.close();
        out.append(String.format(Locale.ROOT, "burst: %d registrations, %d events written to Kafka; lag after the last "
                + "submission: peak %d; %s%n", settings.burst / settings.concurrency * settings.concurrency, events, peak,
                zeroAt < 0 ? "NOT back to zero within " + LAG_WAIT.toMinutes() + " min (" + byGroup + ")"
                        : "back to zero " + (zeroAt - lastSubmitMillis) + " ms after the last submission"));
    }

    @Override
    protected String unit() {
        return "registration";
    }

    @Override
    protected long units() {
        var done = timings.summaries().get("register (50 KB JPEG selfie)");
        return done == null ? 0 : done.count();
    }
}

package id.go.dukcapil.ikd.load;

import static io.gatling.javaapi.core.CoreDsl.constantUsersPerSec;
import static io.gatling.javaapi.core.CoreDsl.exec;
import static io.gatling.javaapi.core.CoreDsl.scenario;

import java.util.Map;
import java.util.stream.Stream;

import io.gatling.javaapi.core.ScenarioBuilder;

/**
 * Registration with a 50 KB JPEG selfie, open model: {@code -Drate} new registrations per
 * second for {@code -Dduration} seconds after a warm-up, whatever the answers take (as phones
 * do). NIKs are format-valid and random (registration checks only the format).
 *
 * <pre>./mvnw -pl load-tests gatling:test -Dgatling.simulationClass=id.go.dukcapil.ikd.load.RegistrationSimulation -Drate=100 -Dduration=60</pre>
 */
public class RegistrationSimulation extends IkdSimulation {

    private final ScenarioBuilder warm = scenario("warm-up").feed(niks())
            .exec(warmUp.newResident()).exec(warmUp.register());
    private final ScenarioBuilder measured = scenario("registration").exec(startMeasuring()).feed(niks())
            .exec(journey.newResident()).exec(journey.register());

    {
        setUp(warm.injectOpen(constantUsersPerSec(settings.rate).during(settings.warmUp))
                .andThen(measured.injectOpen(constantUsersPerSec(settings.rate).during(settings.duration))))
                .protocols(protocol);
    }

    private static java.util.Iterator<Map<String, Object>> niks() {
        return Stream.generate(() -> Map.<String, Object>of("nik", Niks.random())).iterator();
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

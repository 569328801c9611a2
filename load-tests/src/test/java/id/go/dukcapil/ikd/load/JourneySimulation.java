package id.go.dukcapil.ikd.load;

import static io.gatling.javaapi.core.CoreDsl.constantUsersPerSec;
import static io.gatling.javaapi.core.CoreDsl.exec;
import static io.gatling.javaapi.core.CoreDsl.scenario;

import java.util.Iterator;
import java.util.List;
import java.util.Map;

import io.gatling.javaapi.core.ChainBuilder;
import io.gatling.javaapi.core.ScenarioBuilder;

/**
 * Whole journeys, open model at {@code -Drate} per second: register → scan and approve → PIN
 * email → captcha and activation → app session → PIN proof → QR mint → verification, each step
 * timed, plus the journey end to end.
 *
 * <pre>./mvnw -pl load-tests gatling:test -Dgatling.simulationClass=id.go.dukcapil.ikd.load.JourneySimulation -Drate=2 -Dduration=60</pre>
 */
public class JourneySimulation extends IkdSimulation {

    private final MailWatcher mail = new MailWatcher(settings.mailInbox);
    private final SuiteFixture fixture = new SuiteFixture(settings);
    private final List<String> operators = fixture.operatorTokens(settings.operators);
    private final Iterator<Map<String, Object>> niks = fixture
            .approvableNiks((int) Math.ceil(settings.rate * (settings.warmUp.toSeconds() + settings.duration.toSeconds())))
            .stream().map(nik -> Map.<String, Object>of("nik", nik)).iterator();

    private ChainBuilder wholeJourney(Journey steps, StepTimings stepTimings) {
        return exec(session -> session.set("journeyStarted", System.currentTimeMillis())).feed(niks)
                .exec(steps.relyingParty()).exec(steps.newResident()).exec(steps.register())
                .exec(steps.scanAndApprove(operators)).exec(steps.awaitMail(mail)).exec(steps.activate())
                .exec(steps.openSession()).exec(steps.mintAndVerify())
                .exec(session -> {
                    stepTimings.record("whole journey", System.currentTimeMillis() - session.getLong("journeyStarted"));
                    return session;
                });
    }

    private final ScenarioBuilder warm = scenario("warm-up").exec(wholeJourney(warmUp, new StepTimings()));
    private final ScenarioBuilder measured = scenario("journey").exec(startMeasuring())
            .exec(wholeJourney(journey, timings));

    {
        setUp(warm.injectOpen(constantUsersPerSec(settings.rate).during(settings.warmUp))
                .andThen(measured.injectOpen(constantUsersPerSec(settings.rate).during(settings.duration))))
                .protocols(protocol);
    }

    @Override
    protected void beforeSummary(StringBuilder out) {
        mail.close();
    }

    @Override
    protected String unit() {
        return "journey";
    }

    @Override
    protected long units() {
        var done = timings.summaries().get("whole journey");
        return done == null ? 0 : done.count();
    }
}

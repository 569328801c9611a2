package id.go.dukcapil.ikd.load;

import static io.gatling.javaapi.core.CoreDsl.constantUsersPerSec;
import static io.gatling.javaapi.core.CoreDsl.exec;
import static io.gatling.javaapi.core.CoreDsl.scenario;

import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import io.gatling.javaapi.core.ScenarioBuilder;

/**
 * The counter: residents the registry holds register (not measured), then arrive at the counter
 * at {@code -Drate} per second, where one of {@code -Doperators} signed-in operators scans the
 * code and approves. The approval → PIN email time is measured for every approval, to the
 * SMTP server's receive time.
 *
 * <pre>./mvnw -pl load-tests gatling:test -Dgatling.simulationClass=id.go.dukcapil.ikd.load.CounterSimulation -Drate=50 -Dduration=30 -Doperators=32</pre>
 */
public class CounterSimulation extends IkdSimulation {

    private final MailWatcher mail = new MailWatcher(settings.mailInbox);
    private final SuiteFixture fixture = new SuiteFixture(settings);
    private final List<String> operators = fixture.operatorTokens(settings.operators);
    private final int residents = (int) Math.ceil(settings.rate * (settings.warmUp.toSeconds() + settings.duration.toSeconds()));
    private final Iterator<Map<String, Object>> niks = fixture.approvableNiks(residents).stream()
            .map(nik -> Map.<String, Object>of("nik", nik)).iterator();

    private final ScenarioBuilder warm = scenario("warm-up").feed(niks).exec(warmUp.newResident())
            .exec(warmUp.register()).exec(warmUp.scanAndApprove(operators)).exec(warmUp.awaitMail(mail));
    private final ScenarioBuilder measured = scenario("counter").exec(startMeasuring()).feed(niks)
            .exec(journey.newResident()).exec(journey.register()).exec(journey.scanAndApprove(operators))
            .exec(journey.awaitMail(mail));

    {
        setUp(warm.injectOpen(constantUsersPerSec(settings.rate).during(settings.warmUp))
                .andThen(measured.injectOpen(constantUsersPerSec(settings.rate).during(settings.duration))))
                .protocols(protocol);
    }

    @Override
    protected void beforeSummary(StringBuilder out) {
        mail.close();
        out.append(String.format(Locale.ROOT, "%d counter operators of %s, each visit: register, scan, approve, "
                + "wait for the PIN email%n", operators.size(), SuiteFixture.OFFICE));
    }

    @Override
    protected String unit() {
        return "approval";
    }

    @Override
    protected long units() {
        var done = timings.summaries().get("approve");
        return done == null ? 0 : done.count();
    }
}

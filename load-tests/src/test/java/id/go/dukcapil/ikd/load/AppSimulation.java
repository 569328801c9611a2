package id.go.dukcapil.ikd.load;

import static io.gatling.javaapi.core.CoreDsl.atOnceUsers;
import static io.gatling.javaapi.core.CoreDsl.during;
import static io.gatling.javaapi.core.CoreDsl.exec;
import static io.gatling.javaapi.core.CoreDsl.scenario;

import java.util.Iterator;
import java.util.List;
import java.util.Map;

import io.gatling.javaapi.core.ScenarioBuilder;

/**
 * The app in daily use, closed model: {@code -Dconcurrency} residents are first taken through
 * registration, approval and activation (not measured), then each, back to back for
 * {@code -Dwarmup} + {@code -Dduration} seconds, opens an app session (nonce + device signature
 * + app PIN), gets a PIN proof, mints a QR token and has a relying party verify it.
 *
 * <pre>./mvnw -pl load-tests gatling:test -Dgatling.simulationClass=id.go.dukcapil.ikd.load.AppSimulation -Dconcurrency=8 -Dduration=30</pre>
 */
public class AppSimulation extends IkdSimulation {

    private final MailWatcher mail = new MailWatcher(settings.mailInbox);
    private final SuiteFixture fixture = new SuiteFixture(settings);
    private final List<String> operators = fixture.operatorTokens(Math.min(settings.operators, settings.concurrency));
    private final Iterator<Map<String, Object>> niks = fixture.approvableNiks(settings.concurrency).stream()
            .map(nik -> Map.<String, Object>of("nik", nik)).iterator();

    private final ScenarioBuilder app = scenario("app").feed(niks).exec(warmUp.relyingParty())
            .exec(warmUp.newResident()).exec(warmUp.register()).exec(warmUp.scanAndApprove(operators))
            .exec(warmUp.awaitMail(mail)).exec(warmUp.activate())
            .exec(during(settings.warmUp).on(exec(warmUp.openSession()).exec(warmUp.mintAndVerify())))
            .exec(startMeasuring())
            .exec(during(settings.duration).on(exec(journey.openSession()).exec(journey.mintAndVerify())));

    {
        setUp(app.injectOpen(atOnceUsers(settings.concurrency))).protocols(protocol);
    }

    @Override
    protected void beforeSummary(StringBuilder out) {
        mail.close();
    }

    @Override
    protected String unit() {
        return "session + PIN proof + mint + verify";
    }

    @Override
    protected long units() {
        var done = timings.summaries().get("verify QR (relying party)");
        return done == null ? 0 : done.count();
    }
}

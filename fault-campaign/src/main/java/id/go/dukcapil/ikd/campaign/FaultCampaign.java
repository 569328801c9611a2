package id.go.dukcapil.ikd.campaign;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.apache.kafka.common.TopicPartition;

import id.go.dukcapil.ikd.local.suite.SuiteService;

/**
 * The fault campaign: each fault in turn, each with journeys of citizens never seen before, then
 * one more audit over every journey of the campaign (a redelivery may double an earlier
 * citizen's messages). Bounded in count and time, on loopback only.
 */
public final class FaultCampaign {

    /** Everything the campaign measured; {@code total} re-audits all journeys at the end. */
    public record Outcome(List<RoundResult> rounds, RoundResult total, String markdown) {
    }

    private FaultCampaign() {
    }

    public static Outcome run(CampaignSuite suite, CampaignSettings settings) throws Exception {
        long start = System.nanoTime();
        String loadBefore = CampaignReport.load();
        List<Fault> faults = faults(suite, settings);
        List<Citizen> citizens = citizens(suite, faults.size() * settings.journeysPerFault());
        FaultRound round = new FaultRound(suite, settings.pace());
        List<RoundResult> rounds = new ArrayList<>();
        Map<TopicPartition, Long> campaignStart;
        try (Backlog backlog = new Backlog(suite)) {
            campaignStart = backlog.endOffsets();
        }
        for (int i = 0; i < faults.size(); i++) {
            List<Citizen> batch = citizens.subList(i * settings.journeysPerFault(), (i + 1) * settings.journeysPerFault());
            FaultRound.log("round %d/%d: %s, %d journeys", i + 1, faults.size(), faults.get(i).name(), batch.size());
            RoundResult result = round.run(faults.get(i), batch);
            FaultRound.log("round %d: %d completed + %d rejected and told of %d, lost %d, doubled %d, client errors %s",
                    i + 1, result.completed(), result.rejectedAndTold(), result.journeys(), result.counts().lost(),
                    result.counts().doubled(), result.clientErrors());
            rounds.add(result);
        }
        RoundResult total = total(suite, rounds, campaignStart);
        String markdown = CampaignReport.markdown(settings, suite.describe(), loadBefore, CampaignReport.load(),
                Duration.ofNanos(System.nanoTime() - start), rounds, total);
        return new Outcome(rounds, total, markdown);
    }

    static List<Fault> faults(CampaignSuite suite, CampaignSettings settings) {
        List<Fault> faults = new ArrayList<>();
        faults.add(Fault.brokerKilled(settings.brokerOutage()));
        faults.add(Fault.databaseCrashed(settings.databaseOutage()));
        faults.add(Fault.mailRefused(settings.mailOutage()));
        if (settings.roundPerKilledService()) {
            for (SuiteService service : SuiteService.values()) {
                faults.add(Fault.servicesKilled(List.of(service)));
            }
        } else {
            faults.add(Fault.servicesKilled(List.of(SuiteService.values())));
        }
        faults.add(Fault.offsetsReset(suite));
        return faults;
    }

    /**
     * Residents of the synthetic registry whose approval nothing blocks (alive, KTP-el printed,
     * living where they are registered), each used once, with contact details of their own.
     */
    static List<Citizen> citizens(CampaignSuite suite, int count) throws SQLException {
        List<String> niks = new ArrayList<>();
        try (Connection verification = Backlog.connect(suite, SuiteService.VERIFICATION);
                Statement query = verification.createStatement();
                ResultSet result = query.executeQuery("select nik from registry_resident where ktp_el_status = 'PRINTED'"
                        + " and life_status = 'ALIVE' and domicile_status = 'RESIDENT' order by nik")) {
            while (result.next()) {
                niks.add(result.getString(1));
            }
        }
        if (niks.size() < count) {
            throw new IllegalStateException("the registry has " + niks.size() + " approvable residents, the campaign needs " + count);
        }
        Random random = new Random();
        Collections.shuffle(niks, random);
        String run = Integer.toString(random.nextInt(36 * 36 * 36), 36);
        List<Citizen> citizens = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            citizens.add(new Citizen(i + 1, niks.get(i), "warga." + run + "." + (i + 1) + "@example.id",
                    String.format("+62813%03d%05d", random.nextInt(1000), i + 1), i % 5 != 4));
        }
        return citizens;
    }

    private static RoundResult total(CampaignSuite suite, List<RoundResult> rounds, Map<TopicPartition, Long> start)
            throws Exception {
        List<JourneyResult> all = new ArrayList<>();
        rounds.forEach(round -> all.addAll(round.journeysRun()));
        Audit.Counts counts = Audit.of(suite, all);
        List<String> deadLetters;
        long outboxLeft;
        try (Backlog backlog = new Backlog(suite)) {
            deadLetters = DeadLetters.between(suite.kafkaBootstrapServers(), start, backlog.endOffsets());
            outboxLeft = backlog.unpublished(null);
        }
        Duration slowest = rounds.stream().map(RoundResult::recovery).filter(java.util.Objects::nonNull)
                .max(Duration::compareTo).orElse(null);
        long errors = rounds.stream().mapToLong(RoundResult::clientErrorCount).sum();
        return new RoundResult("**all rounds, audited again at the end** (recovery: the slowest)", "",
                rounds.stream().allMatch(RoundResult::faultInjected), all, counts,
                deadLetters, outboxLeft, rounds.stream().anyMatch(RoundResult::readyDownSeen),
                rounds.stream().anyMatch(RoundResult::messagingDownSeen), List.of(), rounds.getLast().upAfter(), slowest,
                errors + " in all", errors, false, rounds.stream().anyMatch(RoundResult::mayRepeatAMessage));
    }

    /** {@code java … FaultCampaign [short|full|medium:N] [project root] [single|ha]}: starts the suite, runs, prints the table. */
    public static void main(String[] args) throws Exception {
        CampaignSettings settings = CampaignSettings.named(args.length > 0 ? args[0] : "short");
        Path root = Path.of(args.length > 1 ? args[1] : ".");
        try (LocalCampaignSuite suite = args.length > 2 && args[2].equals("ha") ? HaSuite.start(root) : SingleSuite.start(root)) {
            Outcome outcome = run(suite, settings);
            System.out.println(outcome.markdown());
        }
    }
}

package id.go.dukcapil.ikd.campaign;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.Test;

/**
 * The fault campaign against the real suite (the five services as processes, PostgreSQL, Kafka,
 * SMTP): for every fault, no PIN email, rejection message or identity lost or doubled, every
 * journey completed or ended in a state the citizen is told about, nothing left in an outbox,
 * and every instance healthy after. {@code -Dcampaign=full} runs the full campaign of
 * docs/reliability.md; the table goes to target/fault-campaign.md either way.
 * {@code -Dikd.campaign.topology=ha} runs it against {@code ./ikd up --ha} (three brokers, two
 * replicas per service, the gateway), where a broker or a replica dying must cost no client error.
 */
class FaultCampaignTest {

    private static final Pattern REFERENCE = Pattern.compile("reference ([0-9a-f-]{36})");

    @Test
    void nothingIsLostOrDoubledWhateverFails() throws Exception {
        CampaignSettings settings = CampaignSettings.named(System.getProperty("ikd.campaign", "short"));
        FaultCampaign.Outcome outcome;
        Map<String, List<String>> whyUnfinished = new LinkedHashMap<>();
        Path root = Path.of(System.getProperty("ikd.project.root", ".."));
        boolean ha = "ha".equals(System.getProperty("ikd.campaign.topology", "single"));
        try (LocalCampaignSuite suite = ha ? HaSuite.start(root) : SingleSuite.start(root)) {
            outcome = FaultCampaign.run(suite, settings);
            for (RoundResult round : outcome.rounds()) {
                for (JourneyResult journey : round.unfinished()) {
                    Matcher reference = REFERENCE.matcher(String.valueOf(journey.detail()));
                    if (reference.find()) {
                        whyUnfinished.put(journey.detail(), suite.logLinesAbout(reference.group(1)));
                    }
                }
            }
        }
        System.out.println(outcome.markdown());
        CampaignReport.write(Path.of(System.getProperty("ikd.campaign.report", "target/fault-campaign.md")),
                outcome.markdown());

        SoftAssertions softly = new SoftAssertions();
        for (RoundResult round : outcome.rounds()) {
            softly.assertThat(round.faultInjected()).as("%s injected and repaired: %s", round.fault(), round.note()).isTrue();
            softly.assertThat(round.unfinished()).as("journeys neither completed nor told, %s; the services' logs: %s",
                    round.fault(), whyUnfinished).isEmpty();
            softly.assertThat(round.counts().lost()).as("lost PIN emails or rejection messages, %s: %s", round.fault(),
                    round.counts().findings()).isZero();
            softly.assertThat(round.counts().doubled()).as("doubled PIN emails, rejection messages or identities, %s: %s",
                    round.fault(), round.counts().findings()).isZero();
            if (!round.mayRepeatAMessage()) {
                softly.assertThat(round.counts().repeatedMessages())
                        .as("messages delivered again under their own Message-ID or SMS reference, %s: %s", round.fault(),
                                round.counts().findings()).isZero();
            }
            if (ha && round.hiddenByReplicas()) {
                softly.assertThat(round.clientErrorCount()).as("client errors with replicas, %s: %s", round.fault(),
                        round.clientErrors()).isZero();
            }
            softly.assertThat(round.outboxLeft()).as("outbox rows left, %s", round.fault()).isZero();
            softly.assertThat(round.upAfter()).as("every instance ready and messaging UP after %s", round.fault()).isTrue();
            softly.assertThat(round.counts().decidedApprovals() + round.counts().decidedRejections())
                    .as("decisions audited, %s", round.fault()).isEqualTo(round.journeys());
        }
        RoundResult total = outcome.total();
        softly.assertThat(total.counts().lost()).as("lost, all journeys audited at the end: %s", total.counts().findings())
                .isZero();
        softly.assertThat(total.counts().doubled()).as("doubled, all journeys audited at the end (after the redelivery): %s",
                total.counts().findings()).isZero();
        softly.assertThat(total.counts().repeatedMessages())
                .as("repeats under one Message-ID, all journeys audited at the end: only those its rounds saw: %s",
                        total.counts().findings())
                .isEqualTo(outcome.rounds().stream().mapToInt(round -> round.counts().repeatedMessages()).sum());
        softly.assertAll();
        assertThat(outcome.rounds()).hasSize(FaultCampaign.faults(null, settings).size());
    }
}

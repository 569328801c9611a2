package id.go.dukcapil.ikd.campaign;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;

/** The campaign's table (Markdown, as docs/reliability.md shows it) and what each row found. */
final class CampaignReport {

    private CampaignReport() {
    }

    static String markdown(CampaignSettings settings, String suite, String loadBefore, String loadAfter,
            Duration took, List<RoundResult> rounds, RoundResult total) {
        StringBuilder out = new StringBuilder();
        out.append("Fault campaign `").append(settings.name()).append("`: ").append(suite).append("; ")
                .append(settings.journeysPerFault()).append(" journeys per fault (4 in 5 approved), ")
                .append(String.format(Locale.ROOT, "%.1f min", took.toSeconds() / 60.0)).append(".\n")
                .append("Load (`uptime`) before: ").append(loadBefore).append("; after: ").append(loadAfter).append("\n\n");
        out.append("| fault | journeys | completed | stuck | failed | lost | doubled | dead letters | outbox left |"
                + " health during → after | recovery | client errors |\n");
        out.append("|---|---|---|---|---|---|---|---|---|---|---|---|\n");
        for (RoundResult round : rounds) {
            out.append(row(round)).append('\n');
        }
        out.append(row(total)).append("\n\n");
        out.append("completed = approved, activated, QR verified VALID + rejected and told by email and SMS; "
                + "lost / doubled = PIN emails per approval not exactly 1, rejection email or SMS not exactly 1 "
                + "(different messages, by Message-ID or SMS reference), identities per approval above 1; a message "
                + "delivered again under its own Message-ID (at-least-once, after notification-service was killed "
                + "mid-send) is a finding, allowed only in the round that kills it; recovery = from the part's return (or the kill) until every "
                + "instance is ready and its `messaging` group UP, and every outbox row, notification and event "
                + "from before it is published, sent and consumed.\n");
        for (RoundResult round : rounds) {
            List<String> notes = new java.util.ArrayList<>();
            if (!round.note().isEmpty()) {
                notes.add(round.note());
            }
            notes.add("notifications by state: " + round.counts().notificationStates());
            round.counts().findings().forEach(f -> notes.add("finding: " + f));
            round.deadLetters().forEach(d -> notes.add("dead letter: " + d));
            round.unfinished().forEach(j -> notes.add("journey " + j.citizen().number() + " " + j.outcome() + " at "
                    + j.step() + ": " + j.detail()));
            if (!round.downSeen().isEmpty()) {
                notes.add("not UP seen: " + String.join(", ", round.downSeen()));
            }
            out.append("\n- ").append(round.fault()).append(": ").append(String.join("; ", notes));
        }
        return out.append('\n').toString();
    }

    private static String row(RoundResult round) {
        String health = (round.readyDownSeen() ? "ready DOWN" : "ready UP") + ", "
                + (round.messagingDownSeen() ? "messaging DOWN" : "messaging UP") + " → " + (round.upAfter() ? "UP" : "**not UP**");
        return String.join(" | ", "| " + round.fault(), Integer.toString(round.journeys()),
                round.completed() + " + " + round.rejectedAndTold(), Long.toString(round.stuck()),
                Long.toString(round.failed()), Integer.toString(round.counts().lost()),
                Integer.toString(round.counts().doubled()), Integer.toString(round.deadLetters().size()),
                Long.toString(round.outboxLeft()), health,
                round.recovery() == null ? "not within bound"
                        : String.format(Locale.ROOT, "%.1f s", round.recovery().toMillis() / 1000.0),
                round.clientErrors()) + " |";
    }

    static void write(Path file, String markdown) {
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            Files.writeString(file, markdown);
        } catch (IOException e) {
            System.err.println("could not write " + file + ": " + e);
        }
    }

    static String load() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).strip().replaceAll("^(\\S+ \\S+ \\S+).*", "load average $1");
        } catch (IOException e) {
            return "unknown";
        }
    }
}

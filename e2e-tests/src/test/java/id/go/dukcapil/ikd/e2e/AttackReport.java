package id.go.dukcapil.ikd.e2e;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The figures of the hostile-load run, one row per burst: what was sent, to which service, how
 * many, the answers by status and problem code, what failed, which process died, the log lines
 * the target wrote. Printed at the end and written as a Markdown table for docs/reliability.md.
 */
final class AttackReport {

    record Row(String attackClass, String sent, String target, int count, Map<String, Integer> answers,
            List<String> failures, List<String> deaths, long logLines, Duration took, String afterwards) {

        boolean passed() {
            return failures.isEmpty() && deaths.isEmpty();
        }

        /** What the test's assertion message says: the attack, what failed and how, who died. */
        String describe() {
            StringBuilder text = new StringBuilder(attackClass + " — " + sent + " → " + target + " ×" + count
                    + "\n  answers: " + answers);
            failures.forEach(failure -> text.append("\n  ✗ ").append(failure));
            deaths.forEach(death -> text.append("\n  ☠ ").append(death));
            text.append("\n  afterwards: ").append(afterwards);
            return text.toString();
        }
    }

    private static final List<Row> ROWS = new ArrayList<>();

    private AttackReport() {
    }

    static synchronized void add(Row row) {
        ROWS.add(row);
        System.out.println("[hostile] " + row.describe());
    }

    static synchronized List<Row> rows() {
        return List.copyOf(ROWS);
    }

    static Map<String, Integer> count(List<Burst.Answer> answers) {
        Map<String, Integer> counts = new TreeMap<>();
        answers.forEach(answer -> counts.merge(answer.label(), 1, Integer::sum));
        return counts;
    }

    static synchronized String markdown() {
        StringBuilder md = new StringBuilder();
        md.append("| attack class | what was sent | to | how many | answers (status code × n) | failures | ")
                .append("process exits | log lines written | took |\n");
        md.append("|---|---|---|---|---|---|---|---|---|\n");
        for (Row row : ROWS) {
            md.append("| ").append(row.attackClass())
                    .append(" | ").append(row.sent())
                    .append(" | ").append(row.target())
                    .append(" | ").append(row.count())
                    .append(" | ").append(answers(row.answers()))
                    .append(" | ").append(row.failures().isEmpty() ? "none" : String.join("; ", row.failures()))
                    .append(" | ").append(row.deaths().isEmpty() ? "none" : String.join("; ", row.deaths()))
                    .append(" | ").append(row.logLines())
                    .append(" | ").append(String.format("%.1f s", row.took().toMillis() / 1000.0))
                    .append(" |\n");
        }
        return md.toString();
    }

    private static String answers(Map<String, Integer> answers) {
        List<String> parts = new ArrayList<>();
        answers.forEach((label, n) -> parts.add(label.replace("|", "/") + " × " + n));
        return String.join(", ", parts);
    }

    static synchronized void write(Path file) {
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, "# Hostile load: figures of the last run\n\n" + markdown());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

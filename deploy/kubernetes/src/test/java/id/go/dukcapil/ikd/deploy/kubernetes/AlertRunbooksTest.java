package id.go.dukcapil.ikd.deploy.kubernetes;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Every alert of the PrometheusRule says what it means and links a section of the project's
 * documentation that exists (docs/operations.md, or a service's OPERATIONS.md): the runbook an
 * operator woken by it opens. GitHub makes a heading's anchor by lower-casing it, dropping
 * punctuation and turning spaces into hyphens.
 */
class AlertRunbooksTest {

    private static final Pattern HEADING = Pattern.compile("(?m)^#{1,6}\\s+(.+?)\\s*$");
    private static final Pattern RUNBOOK = Pattern.compile("/blob/main/([\\w./-]+\\.md)#([^#\\s]+)$");
    /** A fenced block of a Markdown file, whose "# …" lines are code, not headings. */
    private static final Pattern FENCED = Pattern.compile("(?ms)^```.*?^```");

    @Test
    void everyAlertHasASummaryAndARunbookSectionThatExists() {
        List<ObjectNode> rules = new ArrayList<>();
        Kustomize.readAll(Project.KUBERNETES.resolve("base/monitoring/monitoring.yaml")).stream()
                .filter(document -> "PrometheusRule".equals(document.path("kind").asText()))
                .forEach(rule -> rule.path("spec").path("groups").forEach(group -> group.path("rules")
                        .forEach(alert -> rules.add((ObjectNode) alert))));
        assertThat(rules).as("alerts").hasSizeGreaterThan(5);
        Map<Path, Set<String>> anchorsByDocument = new HashMap<>(); // each runbook document read once
        for (ObjectNode alert : rules) {
            String name = alert.path("alert").asText();
            assertThat(alert.path("annotations").path("summary").asText()).as(name + "'s summary").isNotBlank();
            Matcher runbook = RUNBOOK.matcher(alert.path("annotations").path("runbook_url").asText());
            assertThat(runbook.find()).as(name + "'s runbook_url names a section of a document of the project").isTrue();
            Path document = Project.ROOT.resolve(runbook.group(1));
            assertThat(document).as(name + "'s runbook").isRegularFile();
            assertThat(anchorsByDocument.computeIfAbsent(document, AlertRunbooksTest::anchors)).as(name + "'s runbook section in " + runbook.group(1)).contains(runbook.group(2));
        }
    }

    private static Set<String> anchors(Path document) {
        String text;
        try {
            text = FENCED.matcher(Files.readString(document)).replaceAll("");
        } catch (IOException e) {
            throw new UncheckedIOException(document.toString(), e);
        }
        return HEADING.matcher(text).results().map(heading -> anchor(heading.group(1)))
                .collect(Collectors.toSet());
    }

    static String anchor(String heading) {
        return heading.toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N} _-]", "").strip().replace(' ', '-');
    }
}

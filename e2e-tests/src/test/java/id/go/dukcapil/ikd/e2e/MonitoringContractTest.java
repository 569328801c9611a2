package id.go.dukcapil.ikd.e2e;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;

import id.go.dukcapil.ikd.local.suite.SuiteService;
import id.go.dukcapil.ikd.testing.HeadlessBrowser;

/**
 * What deploy/kubernetes' alerts and journey dashboard read is what the services expose: every
 * {@code ikd_*} and HTTP series an expression names is on some service's {@code /q/metrics} after
 * a whole journey, with the labels it matches and groups by. An alert on a name no service
 * exposes never fires, and a panel grouping by a label no service sets draws one line; neither
 * shows until the day it is needed. A matcher on a value ({@code uri="/api/v1/registrations"}) must
 * find its series, and so must a negative one ({@code uri!~"..."}); a positive regular expression
 * ({@code status=~"5.."}) only its label, since a series of 5xx answers is there only after trouble.
 * Prometheus' own labels ({@code job}, {@code namespace}, {@code pod}) come from the scrape:
 * {@code job} is the service's name, the rest are not checked.
 *
 * <p>The first class of the module ({@code @Order(0)}), and its first test before any journey: the
 * suite has served nothing yet, so a consumer counter that is there was registered at start.
 */
@Order(0)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class MonitoringContractTest {

    private static final Path MONITORING = Path.of(System.getProperty("ikd.project.root", ".."),
            "deploy", "kubernetes", "base", "monitoring");
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern SELECTOR = Pattern.compile(
            "\\b(ikd_[a-z_]+|http_server_requests_seconds_(?:count|sum|bucket|max))\\b(?:\\{([^}]*)})?");
    private static final Pattern MATCHER = Pattern.compile("(\\w+)\\s*(=~|!~|!=|=)\\s*\"((?:[^\"\\\\]|\\\\.)*)\"");
    private static final Pattern GROUPING = Pattern.compile("\\bby\\s*\\(([^)]*)\\)");
    private static final Pattern SERIES = Pattern.compile("^([a-zA-Z_:][a-zA-Z0-9_:]*)(?:\\{(.*)})?\\s+\\S+.*$");
    private static final Pattern LABEL = Pattern.compile("(\\w+)=\"((?:[^\"\\\\]|\\\\.)*)\"");
    /** Labels the scrape or the histogram adds, never the service. */
    private static final Set<String> NOT_THE_SERVICES = Set.of("job", "namespace", "pod", "instance", "le");

    private static Suite suite;
    private static Journey journey;

    @RegisterExtension
    static final HeadlessBrowser CHROMIUM = HeadlessBrowser.chromium();

    record Series(String name, Map<String, String> labels) {
    }

    @BeforeAll
    static void startSuite() {
        suite = Suite.shared();
        journey = new Journey(suite);
    }

    @Test
    @Order(2)
    void everySeriesTheAlertsAndTheDashboardReadIsExposedWithItsLabels() throws IOException {
        // one whole journey, so that every counter of the journey has counted
        Journey.Activated citizen = journey.approveAndActivate(CHROMIUM.browser(), Journey.BAGUS_NIK, "monitoring", "demo.operator");
        Journey.CitizenSession session = journey.openSession(citizen.registration(), citizen.phone(), Journey.APP_PIN);
        assertThat(journey.verify(journey.relyingPartyToken(), journey.mintQr(session, Journey.APP_PIN).token())
                .getBoolean("valid")).isTrue();
        Map<SuiteService, List<Series>> scraped = scrapeAll();

        List<String> expressions = expressions();
        assertThat(expressions).as("the alerts' and the dashboard's expressions").hasSizeGreaterThan(10);
        List<String> missing = new ArrayList<>();
        for (String expression : expressions) {
            List<Series> matched = new ArrayList<>();
            Matcher selector = SELECTOR.matcher(expression);
            while (selector.find()) {
                List<Series> found = select(scraped, selector.group(1), selector.group(2));
                if (found.isEmpty()) {
                    missing.add(selector.group() + " (in " + expression.strip() + ")");
                }
                matched.addAll(found);
            }
            Matcher grouping = GROUPING.matcher(expression);
            while (grouping.find() && !matched.isEmpty()) {
                for (String label : grouping.group(1).split(",")) {
                    String name = label.strip();
                    if (!name.isEmpty() && !NOT_THE_SERVICES.contains(name)
                            && matched.stream().noneMatch(series -> series.labels().containsKey(name))) {
                        missing.add("label " + name + " grouped by in " + expression.strip());
                    }
                }
            }
        }
        assertThat(missing).as("series the monitoring reads that no service exposes").isEmpty();
    }

    @Test
    @Order(1)
    void everyServiceRegistersItsConsumersCountersAtStart() {
        // nothing served yet: a consumer's counters exist only if they were registered at start
        for (Map.Entry<SuiteService, List<Series>> service : scrapeAll().entrySet()) {
            List<String> consumers = service.getValue().stream()
                    .filter(series -> series.name().equals("ikd_events_dead_lettered_total"))
                    .map(series -> series.labels().get("consumer")).toList();
            assertThat(consumers).as(service.getKey().module() + "'s consumers with a dead-letter counter").isNotEmpty();
            for (String consumer : consumers) {
                assertThat(service.getValue().stream().filter(series -> series.name().equals("ikd_events_retried_total")
                        && consumer.equals(series.labels().get("consumer"))).map(series -> series.labels().get("cause")))
                        .as(service.getKey().module() + ", consumer " + consumer + ": retry counters")
                        .containsExactlyInAnyOrder("infrastructure", "awaited-event", "failure");
            }
        }
    }

    @Test
    @Order(3)
    void theLatencyExpressionsLeaveOutExactlyThePathsOfTheEventStreams() throws IOException {
        Set<String> streams = new TreeSet<>();
        Set<String> paths = new TreeSet<>();
        for (SuiteService service : SuiteService.values()) {
            JsonNode document = JSON.readTree(given().queryParam("format", "json")
                    .get(suite.url(service) + "/q/openapi").then().statusCode(200).extract().asString());
            document.path("paths").properties().forEach(path -> {
                paths.add(path.getKey());
                path.getValue().forEach(operation -> {
                    if (operation.path("responses").path("200").path("content").has("text/event-stream")) {
                        streams.add(path.getKey());
                    }
                });
            });
        }
        assertThat(streams).as("the services' event streams").isNotEmpty();
        Pattern exclusion = Pattern.compile("uri!~\"([^\"]+)\"");
        int checked = 0;
        for (String expression : expressions()) {
            Matcher excluded = exclusion.matcher(expression);
            while (excluded.find()) {
                String regex = excluded.group(1);
                // the short POSTs of a call's signals share its stream's path, and go with it
                assertThat(paths.stream().filter(path -> path.matches(regex)).toList())
                        .as("the paths " + regex + " leaves out, in " + expression.strip())
                        .containsExactlyInAnyOrderElementsOf(streams);
                checked++;
            }
        }
        assertThat(checked).as("expressions that leave out the event streams").isPositive();
    }

    /** The series of {@code name} that the selector's matchers ({@code job} naming the service) admit. */
    private static List<Series> select(Map<SuiteService, List<Series>> scraped, String name, String matchers) {
        List<Series> found = new ArrayList<>();
        scraped.forEach((service, series) -> series.stream().filter(s -> s.name().equals(name))
                .filter(s -> admits(matchers, service, s)).forEach(found::add));
        return found;
    }

    private static boolean admits(String matchers, SuiteService service, Series series) {
        if (matchers == null) {
            return true;
        }
        Matcher matcher = MATCHER.matcher(matchers);
        while (matcher.find()) {
            String label = matcher.group(1);
            String value = "job".equals(label) ? service.module() : series.labels().get(label);
            if ("namespace".equals(label) || "pod".equals(label)) {
                continue;
            }
            // an equality names a series that must be there (the registrations' POST), and what is left
            // after an exclusion must be there; a positive regex selects among series that may come only
            // with trouble (5xx answers), so only its label must be there. PromQL anchors its regexes.
            boolean matches = switch (matcher.group(2)) {
                case "=" -> matcher.group(3).equals(value);
                case "!=" -> !matcher.group(3).equals(value);
                case "!~" -> value != null && !value.matches(matcher.group(3));
                default -> value != null;
            };
            if (!matches) {
                return false;
            }
        }
        return true;
    }

    /** Every {@code expr} of the PrometheusRule's alerts and of the dashboard's panels. */
    private static List<String> expressions() throws IOException {
        List<String> expressions = new ArrayList<>();
        for (JsonNode document : new YAMLMapper().readerFor(JsonNode.class)
                .<JsonNode>readValues(MONITORING.resolve("monitoring.yaml").toFile()).readAll()) {
            if ("PrometheusRule".equals(document.path("kind").asText())) {
                document.path("spec").path("groups").forEach(group -> group.path("rules")
                        .forEach(rule -> expressions.add(rule.path("expr").asText())));
            }
        }
        JSON.readTree(MONITORING.resolve("ikd-journey-dashboard.json").toFile()).path("panels")
                .forEach(panel -> panel.path("targets").forEach(target -> expressions.add(target.path("expr").asText())));
        return expressions;
    }

    private static Map<SuiteService, List<Series>> scrapeAll() {
        Map<SuiteService, List<Series>> scraped = new EnumMap<>(SuiteService.class);
        for (SuiteService service : SuiteService.values()) {
            String exposition = given().get(suite.url(service) + "/q/metrics").then().statusCode(200).extract().asString();
            scraped.put(service, exposition.lines().map(SERIES::matcher).filter(Matcher::matches)
                    .map(line -> new Series(line.group(1), labels(line.group(2)))).toList());
        }
        return scraped;
    }

    private static Map<String, String> labels(String text) {
        Map<String, String> labels = new LinkedHashMap<>();
        if (text != null) {
            Matcher label = LABEL.matcher(text);
            while (label.find()) {
                labels.put(label.group(1), label.group(2));
            }
        }
        return labels;
    }
}

package id.go.dukcapil.ikd.deploy.kubernetes;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/** What the services' own code and configuration say they need: topics, files, the project paths. */
final class Project {

    static final List<String> SERVICES = List.of("registration-service", "verification-service",
            "activation-service", "token-service", "notification-service");

    static final Path ROOT = root();
    static final Path KUBERNETES = ROOT.resolve("deploy/kubernetes");
    static final List<Path> OVERLAYS = List.of(KUBERNETES.resolve("base"), KUBERNETES.resolve("overlays/production"));

    private static final Pattern EVENT_TYPE = Pattern.compile("\\(\"[^\"]+\",\\s*Topics\\.(\\w+),\\s*(\\w+)\\.class\\)");
    private static final Pattern TOPIC_CONSTANT = Pattern.compile("String (\\w+) = \"(ikd\\.[\\w.-]+)\"");

    private Project() {
    }

    private static Path root() {
        String configured = System.getProperty("ikd.project.root");
        Path start = configured != null ? Path.of(configured) : Path.of("").toAbsolutePath();
        for (Path dir = start; dir != null; dir = dir.getParent()) {
            if (Files.exists(dir.resolve("deploy/routes.yaml"))) {
                return dir;
            }
        }
        throw new IllegalStateException("no deploy/routes.yaml above " + start);
    }

    /** The topics a service reads: its {@code mp.messaging.incoming.*.topic} settings. */
    static Set<String> consumedTopics(String service) {
        Properties properties = properties(service);
        Set<String> topics = new TreeSet<>();
        properties.stringPropertyNames().stream()
                .filter(name -> name.startsWith("mp.messaging.incoming.") && name.endsWith(".topic"))
                .forEach(name -> topics.add(properties.getProperty(name)));
        return topics;
    }

    /**
     * The topics a service writes: the topic of every event its code constructs (EventType maps
     * each event class to its topic), and its dead-letter topic when it consumes anything.
     */
    static Set<String> producedTopics(String service) {
        Map<String, String> topicOfEvent = topicOfEvent();
        String code = sources(ROOT.resolve(service + "/src/main/java"));
        Set<String> topics = new TreeSet<>();
        topicOfEvent.forEach((event, topic) -> {
            if (Pattern.compile("new " + event + "\\(").matcher(code).find()) {
                topics.add(topic);
            }
        });
        if (!consumedTopics(service).isEmpty()) {
            topics.add("ikd.dlq." + service);
        }
        return topics;
    }

    private static Map<String, String> topicOfEvent() {
        String events = ROOT.resolve("platform/events/src/main/java/id/go/dukcapil/ikd/events/").toString();
        Map<String, String> constants = new TreeMap<>();
        Matcher constant = TOPIC_CONSTANT.matcher(read(Path.of(events, "Topics.java")));
        while (constant.find()) {
            constants.put(constant.group(1), constant.group(2));
        }
        Map<String, String> topics = new TreeMap<>();
        Matcher type = EVENT_TYPE.matcher(read(Path.of(events, "EventType.java")));
        while (type.find()) {
            topics.put(type.group(2), constants.get(type.group(1)));
        }
        if (topics.isEmpty()) {
            throw new IllegalStateException("no event types found in EventType.java: the pattern no longer matches");
        }
        return topics;
    }

    static Properties properties(String service) {
        Properties properties = new Properties();
        try (var reader = Files.newBufferedReader(ROOT.resolve(service + "/src/main/resources/application.properties"))) {
            properties.load(reader);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return properties;
    }

    private static String sources(Path dir) {
        try (Stream<Path> files = Files.walk(dir)) {
            StringBuilder all = new StringBuilder();
            files.filter(f -> f.toString().endsWith(".java")).forEach(f -> all.append(read(f)).append('\n'));
            return all.toString();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(file.toString(), e);
        }
    }
}

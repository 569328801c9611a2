package id.go.dukcapil.ikd.local.infra;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.errors.TopicExistsException;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

/**
 * The suite's topics as the Kubernetes manifests declare them (Strimzi {@code KafkaTopic}
 * resources in {@code deploy/kubernetes/base/kafka.yaml}): name, partitions, replicas and topic
 * config. The HA topology creates exactly these, so that it runs what production runs.
 */
public final class KafkaTopics {

    public static final String MANIFEST = "deploy/kubernetes/base/kafka.yaml";

    public record Topic(String name, int partitions, int replicas, Map<String, String> config) {
    }

    private KafkaTopics() {
    }

    /** The topics of {@link #MANIFEST} under {@code projectRoot}. */
    public static List<Topic> ofProject(Path projectRoot) {
        return read(projectRoot.resolve(MANIFEST));
    }

    public static List<Topic> read(Path manifest) {
        List<Topic> topics = new ArrayList<>();
        ObjectMapper yaml = new ObjectMapper(new YAMLFactory());
        try (MappingIterator<JsonNode> documents = yaml.readerFor(JsonNode.class).readValues(manifest.toFile())) {
            while (documents.hasNext()) {
                JsonNode document = documents.next();
                if (document == null || !"KafkaTopic".equals(document.path("kind").asText())) {
                    continue;
                }
                JsonNode spec = document.path("spec");
                Map<String, String> config = new LinkedHashMap<>();
                spec.path("config").properties().forEach(entry -> config.put(entry.getKey(), entry.getValue().asText()));
                topics.add(new Topic(document.path("metadata").path("name").asText(), spec.path("partitions").asInt(1),
                        spec.path("replicas").asInt(1), config));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("could not read the topics of " + manifest, e);
        }
        if (topics.isEmpty()) {
            throw new IllegalStateException("no KafkaTopic in " + manifest);
        }
        return topics;
    }

    /**
     * Creates {@code topics} on the brokers at {@code bootstrapServers}, with at most {@code brokers}
     * replicas each; topics that exist are kept as they are (their partitions included).
     */
    public static void create(String bootstrapServers, List<Topic> topics, int brokers) {
        if (topics.isEmpty()) {
            return;
        }
        List<NewTopic> wanted = topics.stream().map(topic -> new NewTopic(topic.name(), topic.partitions(),
                (short) Math.min(topic.replicas(), brokers)).configs(topic.config())).toList();
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers))) {
            for (var result : admin.createTopics(wanted).values().entrySet()) {
                try {
                    result.getValue().get(60, TimeUnit.SECONDS);
                } catch (ExecutionException e) {
                    if (!(e.getCause() instanceof TopicExistsException)) {
                        throw new IllegalStateException("could not create topic " + result.getKey(), e.getCause());
                    }
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while creating topics", e);
        } catch (TimeoutException e) {
            throw new IllegalStateException("creating the topics took longer than 60 s", e);
        }
    }
}

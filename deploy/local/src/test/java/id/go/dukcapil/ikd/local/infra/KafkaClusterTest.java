package id.go.dukcapil.ikd.local.infra;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import id.go.dukcapil.ikd.testing.FreePorts;

/**
 * Three real KRaft nodes on loopback: the manifests' topic settings (replication 3,
 * min.insync.replicas 2), a producer with acks=all still acknowledged with one node killed
 * (SIGKILL), and the node back in the cluster, with its replicas in sync again, after a restart.
 */
class KafkaClusterTest {

    @TempDir
    Path dir;

    @Test
    void aClusterOfThreeKeepsAcceptingWritesWithOneNodeKilledAndTakesItBack() throws Exception {
        List<Integer> ports = List.of(FreePorts.next(), FreePorts.next(), FreePorts.next());
        KafkaTopics.Topic topic = new KafkaTopics.Topic("ikd.test", 3, 3, Map.of("retention.ms", "3600000"));
        try (KafkaCluster cluster = KafkaCluster.start(dir, ports, List.of(topic), Duration.ofSeconds(240));
                Admin admin = cluster.admin()) {
            assertThat(cluster.size()).isEqualTo(3);
            TopicDescription described = admin.describeTopics(List.of("ikd.test")).allTopicNames().get(30, TimeUnit.SECONDS)
                    .get("ikd.test");
            assertThat(described.partitions()).hasSize(3).allMatch(p -> p.replicas().size() == 3);
            ConfigResource brokerConfig = new ConfigResource(ConfigResource.Type.BROKER, "1");
            assertThat(admin.describeConfigs(List.of(brokerConfig)).all().get(30, TimeUnit.SECONDS).get(brokerConfig)
                    .get("min.insync.replicas").value()).isEqualTo("2");

            cluster.kill(1);
            assertThat(cluster.isAlive(1)).isFalse();
            try (KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of(
                    ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, cluster.bootstrapServers(),
                    ProducerConfig.ACKS_CONFIG, "all", ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true,
                    ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 120_000, ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 30_000),
                    new StringSerializer(), new StringSerializer())) {
                for (int i = 0; i < 9; i++) {
                    // two in-sync replicas remain: acks=all is still met
                    producer.send(new ProducerRecord<>("ikd.test", "key-" + i, "value-" + i)).get(120, TimeUnit.SECONDS);
                }
            }

            cluster.restart(1, Duration.ofSeconds(240));
            assertThat(cluster.isAlive(1)).isTrue();
            long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
            while (true) {
                TopicDescription now = admin.describeTopics(List.of("ikd.test")).allTopicNames().get(30, TimeUnit.SECONDS)
                        .get("ikd.test");
                if (now.partitions().stream().allMatch(p -> p.isr().size() == 3)) {
                    break;
                }
                assertThat(System.nanoTime()).as("node 2 back in every partition's in-sync replicas").isLessThan(deadline);
                Thread.sleep(1000);
            }
        }
    }
}

package id.go.dukcapil.ikd.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;
import org.apache.kafka.clients.admin.MemberDescription;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;

import id.go.dukcapil.ikd.local.infra.KafkaTopics;

/**
 * Each incoming channel of a packaged service runs several Kafka consumers
 * ({@code ikd.messaging.consumer-concurrency}, 3), which share the topic's partitions: events of
 * different keys are processed side by side, each partition (so each key) by one consumer in
 * order. Read from the broker's own view of the group, as {@code kafka-consumer-groups --describe
 * --members} shows it.
 */
class ConsumerConcurrencyTest {

    private static final String TOPIC = "ikd.verification";
    /** As deploy/kubernetes/base/kafka.yaml declares it; ./ikd up and LocalSuite create it so. */
    private static final int PARTITIONS = KafkaTopics.ofProject(Path.of(System.getProperty("ikd.project.root", "..")))
            .stream().filter(topic -> topic.name().equals(TOPIC)).findFirst().orElseThrow().partitions();

    @Test
    void notificationServiceReadsTheVerificationTopicWithThreeConsumersSharingItsPartitions() throws Exception {
        assertThat(PARTITIONS).as("partitions of %s in the manifest", TOPIC).isGreaterThanOrEqualTo(3);
        Suite suite = Suite.shared();
        Properties config = new Properties();
        config.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, suite.local().kafkaBootstrapServers());
        try (Admin admin = Admin.create(config)) {
            Map<String, Set<TopicPartition>> byMember = Map.of();
            Instant deadline = Instant.now().plus(Duration.ofSeconds(90));
            // the group settles after its members' joins (cooperative rebalancing takes a few rounds)
            while (Instant.now().isBefore(deadline)) {
                byMember = membersReading(admin, "notification-service");
                if (byMember.size() == 3 && covered(byMember) == PARTITIONS) {
                    break;
                }
                Thread.sleep(1_000);
            }
            assertThat(byMember).as("members of notification-service holding partitions of %s", TOPIC).hasSize(3);
            assertThat(byMember.values()).allSatisfy(partitions -> assertThat(partitions).isNotEmpty());
            assertThat(covered(byMember)).as("partitions held, each by one member").isEqualTo(PARTITIONS);
            assertThat(byMember.values().stream().mapToInt(Set::size).sum()).isEqualTo(PARTITIONS);
        }
    }

    private static Map<String, Set<TopicPartition>> membersReading(Admin admin, String group) throws Exception {
        ConsumerGroupDescription description = admin.describeConsumerGroups(List.of(group)).all().get().get(group);
        Map<String, Set<TopicPartition>> byMember = new HashMap<>();
        for (MemberDescription member : description.members()) {
            Set<TopicPartition> partitions = new HashSet<>();
            member.assignment().topicPartitions().stream().filter(p -> p.topic().equals(TOPIC)).forEach(partitions::add);
            if (!partitions.isEmpty()) {
                byMember.put(member.consumerId(), partitions);
            }
        }
        return byMember;
    }

    private static int covered(Map<String, Set<TopicPartition>> byMember) {
        Set<TopicPartition> all = new HashSet<>();
        byMember.values().forEach(all::addAll);
        return all.size();
    }
}

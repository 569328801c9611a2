package id.go.dukcapil.ikd.testing;

import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;

/**
 * What the broker knows of a consumer group, in one line: its state, its members and their
 * partitions, and each partition's committed offset against its end. Written into the message of
 * a test that waited in vain for a consumer, so that a failure in CI (where only the summary line
 * is kept) says whether the consumer had left the group, held no partition, or sat behind.
 */
public final class ConsumerGroupReport {

    private ConsumerGroupReport() {
    }

    public static String of(String bootstrapServers, String group) {
        Properties config = new Properties();
        config.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        config.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 5_000);
        config.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 10_000);
        try (Admin admin = Admin.create(config)) {
            ConsumerGroupDescription description = admin.describeConsumerGroups(List.of(group)).all()
                    .get(10, TimeUnit.SECONDS).get(group);
            String members = description.members().stream()
                    .map(member -> member.clientId() + " " + member.assignment().topicPartitions().stream()
                            .map(TopicPartition::toString).sorted().toList())
                    .collect(Collectors.joining(", "));
            Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(group)
                    .partitionsToOffsetAndMetadata().get(10, TimeUnit.SECONDS);
            Map<TopicPartition, Long> ends = new TreeMap<>(java.util.Comparator.comparing(TopicPartition::toString));
            admin.listOffsets(committed.keySet().stream().collect(Collectors.toMap(p -> p, p -> OffsetSpec.latest())))
                    .all().get(10, TimeUnit.SECONDS).forEach((partition, info) -> ends.put(partition, info.offset()));
            String offsets = ends.entrySet().stream()
                    .map(end -> end.getKey() + " committed " + committed.get(end.getKey()).offset() + " of " + end.getValue())
                    .collect(Collectors.joining(", "));
            return "group " + group + " " + description.groupState() + ", members [" + members + "], offsets ["
                    + offsets + "]";
        } catch (Exception e) {
            return "group " + group + " could not be described: " + e;
        }
    }
}

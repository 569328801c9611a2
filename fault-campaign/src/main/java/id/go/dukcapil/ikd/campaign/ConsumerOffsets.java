package id.go.dukcapil.ikd.campaign;

import java.time.Duration;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.GroupListing;
import org.apache.kafka.clients.admin.ListGroupsOptions;
import org.apache.kafka.clients.admin.ListOffsetsResult.ListOffsetsResultInfo;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.GroupNotEmptyException;
import org.apache.kafka.common.errors.UnknownMemberIdException;

/**
 * Moves every consumer group's committed offsets back to the earliest offset of each partition
 * it had committed, as an operator's {@code kafka-consumer-groups --reset-offsets --to-earliest
 * --all-groups --all-topics} does: the next consumers receive every event again. Kafka refuses
 * this while a group has members, so the services are stopped around it; a member whose process
 * ended without leaving stays in the group until its session times out, so the reset is retried
 * until the broker has let it go.
 */
final class ConsumerOffsets {

    private ConsumerOffsets() {
    }

    /** Returns how many records will be delivered again (the sum of the moved distances). */
    static long resetAllToEarliest(String bootstrapServers) {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers))) {
            Collection<GroupListing> groups = admin.listGroups(ListGroupsOptions.forConsumerGroups()).all().get(30, TimeUnit.SECONDS);
            long redelivered = 0;
            for (GroupListing group : groups) {
                Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(group.groupId())
                        .partitionsToOffsetAndMetadata().get(30, TimeUnit.SECONDS);
                if (committed.isEmpty()) {
                    continue;
                }
                Map<TopicPartition, OffsetSpec> earliest = new HashMap<>();
                committed.keySet().forEach(partition -> earliest.put(partition, OffsetSpec.earliest()));
                Map<TopicPartition, ListOffsetsResultInfo> starts = admin.listOffsets(earliest).all()
                        .get(30, TimeUnit.SECONDS);
                Map<TopicPartition, OffsetAndMetadata> reset = new HashMap<>();
                for (Map.Entry<TopicPartition, OffsetAndMetadata> entry : committed.entrySet()) {
                    long start = starts.get(entry.getKey()).offset();
                    redelivered += Math.max(0, entry.getValue().offset() - start);
                    reset.put(entry.getKey(), new OffsetAndMetadata(start));
                }
                alterOnceEmpty(admin, group.groupId(), reset);
            }
            return redelivered;
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("could not reset the consumer offsets: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Longer than the consumers' session timeout (45 s by default), after which a gone member is dropped. */
    private static final Duration MEMBERS_GONE_WITHIN = Duration.ofSeconds(90);

    private static void alterOnceEmpty(Admin admin, String groupId, Map<TopicPartition, OffsetAndMetadata> reset)
            throws ExecutionException, TimeoutException, InterruptedException {
        long deadline = System.nanoTime() + MEMBERS_GONE_WITHIN.toNanos();
        while (true) {
            try {
                admin.alterConsumerGroupOffsets(groupId, reset).all().get(30, TimeUnit.SECONDS);
                return;
            } catch (ExecutionException e) {
                boolean memberStillThere = e.getCause() instanceof UnknownMemberIdException
                        || e.getCause() instanceof GroupNotEmptyException;
                if (!memberStillThere || System.nanoTime() > deadline) {
                    throw e;
                }
                Thread.sleep(1_000);
            }
        }
    }
}

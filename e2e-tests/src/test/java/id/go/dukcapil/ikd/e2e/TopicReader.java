package id.go.dukcapil.ikd.e2e;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.function.Predicate;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * Reads a topic back from the beginning, as published (CloudEvents in binary mode: {@code ce_id}
 * and {@code ce_type} headers, JSON value), per key in partition order: what the outbox relays
 * actually wrote, duplicates included.
 */
final class TopicReader {

    record Event(String id, String type, String payload, int partition, long offset) {
    }

    private TopicReader() {
    }

    /** Polls {@code topic} until every key in {@code keys} has events satisfying {@code complete}. */
    static Map<String, List<Event>> awaitEvents(String bootstrapServers, String topic, Collection<String> keys,
            Predicate<List<Event>> complete, Duration timeout) {
        Properties config = new Properties();
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        config.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        config.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        Set<String> wanted = new HashSet<>(keys);
        Map<String, List<Event>> byKey = new HashMap<>();
        wanted.forEach(key -> byKey.put(key, new ArrayList<>()));
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(config)) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic, Duration.ofSeconds(30)).stream()
                    .map(info -> new TopicPartition(topic, info.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Instant deadline = Instant.now().plus(timeout);
            while (Instant.now().isBefore(deadline)) {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(500))) {
                    if (record.key() != null && wanted.contains(record.key())) {
                        byKey.get(record.key()).add(new Event(header(record, "ce_id"), header(record, "ce_type"),
                                record.value(), record.partition(), record.offset()));
                    }
                }
                if (byKey.values().stream().allMatch(complete)) {
                    // one more poll: a duplicate published right after would still show
                    consumer.poll(Duration.ofSeconds(2)).forEach(record -> {
                        if (record.key() != null && wanted.contains(record.key())) {
                            byKey.get(record.key()).add(new Event(header(record, "ce_id"), header(record, "ce_type"),
                                    record.value(), record.partition(), record.offset()));
                        }
                    });
                    return byKey;
                }
            }
        }
        throw new AssertionError("the events of " + keys + " did not all arrive on " + topic + " within " + timeout
                + "; seen: " + byKey);
    }

    private static String header(ConsumerRecord<String, String> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? "" : MultiReplicaTest.utf8(header.value());
    }
}

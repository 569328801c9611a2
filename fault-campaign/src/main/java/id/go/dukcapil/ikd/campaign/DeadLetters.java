package id.go.dukcapil.ikd.campaign;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/** The dead letters written between two readings of the end offsets, each explained by its headers. */
final class DeadLetters {

    private DeadLetters() {
    }

    /** One line per dead letter: topic, original topic, reason and cause. */
    static List<String> between(String bootstrapServers, Map<TopicPartition, Long> before, Map<TopicPartition, Long> after) {
        List<String> explained = new ArrayList<>();
        Properties config = new Properties();
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        config.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
        config.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(config)) {
            for (Map.Entry<TopicPartition, Long> end : after.entrySet()) {
                TopicPartition partition = end.getKey();
                long from = before.getOrDefault(partition, 0L);
                if (!partition.topic().startsWith("ikd.dlq.") || end.getValue() <= from) {
                    continue;
                }
                consumer.assign(List.of(partition));
                consumer.seek(partition, from);
                long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
                long position = from;
                while (position < end.getValue() && System.nanoTime() < deadline) {
                    for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(500))) {
                        if (record.offset() < end.getValue()) {
                            explained.add(partition.topic() + " ← " + header(record, "dead-letter-topic") + ": "
                                    + header(record, "dead-letter-reason") + " / " + header(record, "dead-letter-cause"));
                        }
                        position = record.offset() + 1;
                    }
                }
            }
        }
        return explained;
    }

    private static String header(ConsumerRecord<byte[], byte[]> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? "?" : new String(header.value(), StandardCharsets.UTF_8);
    }

    /** The dead-letter topics' part of {@code ends}. */
    static long count(Map<TopicPartition, Long> ends) {
        return ends.entrySet().stream().filter(e -> e.getKey().topic().startsWith("ikd.dlq."))
                .mapToLong(Map.Entry::getValue).sum();
    }
}

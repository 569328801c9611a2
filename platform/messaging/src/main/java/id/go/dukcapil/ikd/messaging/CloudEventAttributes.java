package id.go.dukcapil.ikd.messaging;

import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.function.Function;

import org.apache.kafka.common.header.Header;
import org.eclipse.microprofile.reactive.messaging.Message;

import io.smallrye.reactive.messaging.ce.IncomingCloudEventMetadata;
import io.smallrye.reactive.messaging.kafka.api.IncomingKafkaRecordMetadata;

/**
 * The CloudEvents attributes of an incoming record, as the inbox reads them: from the parsed
 * metadata, else from the binary-mode header. One reading for the platform's consumer and for a
 * handler that needs them too (notification-service keys its messages by the event's id and
 * reports its type).
 */
public final class CloudEventAttributes {

    private CloudEventAttributes() {
    }

    public static Optional<String> id(Message<?> message) {
        return attribute(message, IncomingCloudEventMetadata::getId, "ce_id");
    }

    public static Optional<String> type(Message<?> message) {
        return attribute(message, IncomingCloudEventMetadata::getType, "ce_type");
    }

    private static Optional<String> attribute(Message<?> message,
            Function<IncomingCloudEventMetadata<?>, String> fromMetadata, String header) {
        Optional<String> parsed = message.getMetadata(IncomingCloudEventMetadata.class)
                .map(metadata -> fromMetadata.apply((IncomingCloudEventMetadata<?>) metadata));
        if (parsed.isPresent()) {
            return parsed;
        }
        return message.getMetadata(IncomingKafkaRecordMetadata.class)
                .map(metadata -> ((IncomingKafkaRecordMetadata<?, ?>) metadata).getHeaders().lastHeader(header))
                .map(Header::value)
                .map(value -> new String(value, StandardCharsets.UTF_8))
                .filter(value -> !value.isBlank());
    }
}

package id.go.dukcapil.ikd.messaging;

import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.function.Function;

import jakarta.enterprise.context.ApplicationScoped;

import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.jboss.logging.Logger;

import id.go.dukcapil.ikd.events.EventJson;
import id.go.dukcapil.ikd.events.EventType;
import id.go.dukcapil.ikd.events.IkdEvent;
import id.go.dukcapil.ikd.events.MalformedEventException;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.ce.IncomingCloudEventMetadata;
import io.smallrye.reactive.messaging.kafka.api.IncomingKafkaRecordMetadata;
import io.vertx.core.Context;
import io.vertx.core.Vertx;

/**
 * Processes one incoming CloudEvent exactly once per consumer: the inbox record and the
 * handler's effect commit in one transaction. A failing handler is retried in place with
 * exponential backoff; then, or at once for a poison event, the message is nacked and the
 * channel's failure strategy puts it on the dead-letter topic with the reason, and the next
 * message goes on.
 *
 * <pre>
 * &#64;Incoming("verification")
 * Uni&lt;Void&gt; onVerification(Message&lt;String&gt; message) {
 *     return consumer.process(message, router);
 * }
 * </pre>
 */
@ApplicationScoped
public class IdempotentConsumer {

    private static final Logger LOG = Logger.getLogger(IdempotentConsumer.class);

    private final Inbox inbox;
    private final MessagingConfig config;
    private final MeterRegistry registry;

    public IdempotentConsumer(Inbox inbox, MessagingConfig config, MeterRegistry registry) {
        this.inbox = inbox;
        this.config = config;
        this.registry = registry;
    }

    public Uni<Void> process(Message<String> message, EventRouter router) {
        return Uni.createFrom().deferred(() -> handle(message, router))
                // a retry resubscribes from a timer thread: go back to the message's Vert.x context,
                // where Hibernate Reactive must run
                .runSubscriptionOn(onCurrentContext())
                .onFailure(e -> !(e instanceof PoisonEventException)).retry()
                .withBackOff(config.consumer().initialBackoff(), config.consumer().maxBackoff())
                .atMost(config.consumer().maxRetries())
                .onItemOrFailure().transformToUni((ignored, failure) -> {
                    if (failure == null) {
                        return Uni.createFrom().completionStage(message.ack());
                    }
                    registry.counter("ikd.events.dead.lettered", "consumer", router.consumer()).increment();
                    LOG.errorf("event %s to %s goes to the dead-letter topic: %s", describe(message),
                            router.consumer(), failure.getMessage());
                    return Uni.createFrom().completionStage(message.nack(failure));
                });
    }

    private static Executor onCurrentContext() {
        Context context = Vertx.currentContext();
        if (context == null) {
            return Runnable::run;
        }
        return command -> {
            if (Vertx.currentContext() == context) {
                command.run();
            } else {
                context.runOnContext(ignored -> command.run());
            }
        };
    }

    private Uni<Void> handle(Message<String> message, EventRouter router) {
        String id = attribute(message, IncomingCloudEventMetadata::getId, "ce_id")
                .orElseThrow(() -> new PoisonEventException("no CloudEvents id"));
        String type = attribute(message, IncomingCloudEventMetadata::getType, "ce_type")
                .orElseThrow(() -> new PoisonEventException("no CloudEvents type"));
        Optional<EventType> eventType = EventType.fromType(type);
        Optional<Function<IkdEvent, Uni<Void>>> handler = eventType.flatMap(router::handlerFor);
        if (handler.isEmpty()) {
            LOG.debugf("%s skips event %s of type %s", router.consumer(), id, type);
            return Uni.createFrom().voidItem();
        }
        IkdEvent event = parse(message.getPayload(), eventType.get());
        return Panache.withTransaction(() -> inbox.claim(router.consumer(), id, type)
                .chain(first -> {
                    if (!first) {
                        registry.counter("ikd.inbox.duplicates", "consumer", router.consumer()).increment();
                        LOG.debugf("%s already processed event %s", router.consumer(), id);
                        return Uni.createFrom().voidItem();
                    }
                    return handler.get().apply(event);
                }));
    }

    private static IkdEvent parse(String payload, EventType type) {
        if (payload == null) {
            throw new PoisonEventException("event of type " + type.type() + " has no data");
        }
        try {
            return EventJson.read(payload, type.eventClass());
        } catch (MalformedEventException e) {
            throw new PoisonEventException(e.getMessage(), e);
        }
    }

    /** A CloudEvents attribute from the parsed metadata, or the raw binary-mode header. */
    private static Optional<String> attribute(Message<String> message,
            Function<IncomingCloudEventMetadata<?>, String> fromMetadata, String header) {
        Optional<String> parsed = message.getMetadata(IncomingCloudEventMetadata.class)
                .map(metadata -> fromMetadata.apply((IncomingCloudEventMetadata<?>) metadata));
        if (parsed.isPresent()) {
            return parsed;
        }
        return message.getMetadata(IncomingKafkaRecordMetadata.class)
                .map(metadata -> ((IncomingKafkaRecordMetadata<?, ?>) metadata).getHeaders())
                .map(headers -> lastHeader(headers, header))
                .filter(value -> !value.isBlank());
    }

    private static String lastHeader(Headers headers, String name) {
        Header header = headers.lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    private static String describe(Message<String> message) {
        return message.getMetadata(IncomingKafkaRecordMetadata.class)
                .map(m -> m.getTopic() + "/" + m.getPartition() + "@" + m.getOffset())
                .orElse("(unknown position)");
    }
}

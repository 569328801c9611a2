package id.go.dukcapil.ikd.messaging;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.function.Function;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.reactive.messaging.Message;
import org.jboss.logging.Logger;

import id.go.dukcapil.ikd.events.EventJson;
import id.go.dukcapil.ikd.events.EventType;
import id.go.dukcapil.ikd.events.IkdEvent;
import id.go.dukcapil.ikd.events.MalformedEventException;
import id.go.dukcapil.ikd.messaging.ConsumerMeters.RetryCause;
import id.go.dukcapil.ikd.web.Backoff;
import id.go.dukcapil.ikd.web.VertxContexts;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.kafka.api.IncomingKafkaRecordMetadata;

/**
 * Processes one incoming CloudEvent exactly once per consumer: the inbox record and the
 * handler's effect commit in one transaction. A failing handler is retried in place with
 * exponential backoff and jitter; an event that cannot succeed (poison, or still failing after
 * the retries) is nacked and the channel's failure strategy puts it on the dead-letter topic
 * with the reason, and the next message goes on. While the database is unavailable, events wait
 * instead: they are never dead-lettered for an outage.
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
    private final ShutdownSignal shutdown;
    private final Backoff retryBackoff;

    public IdempotentConsumer(Inbox inbox, MessagingConfig config, MeterRegistry registry, ShutdownSignal shutdown) {
        this.retryBackoff = new Backoff(config.consumer().initialBackoff(), config.consumer().maxBackoff());
        this.inbox = inbox;
        this.config = config;
        this.registry = registry;
        this.shutdown = shutdown;
    }

    public Uni<Void> process(Message<String> message, EventRouter router) {
        Executor context = VertxContexts.current();
        return attempt(message, router, context, 0, null);
    }

    /**
     * One attempt, then the policy: a poison event is dead-lettered at once; a failure of the
     * infrastructure is retried for as long as it lasts (the partition waits, as it must to keep
     * order); an event that awaits another topic's is retried for {@code await-other-event} from its
     * first failure; any other failure is retried a few times with backoff, then dead-lettered.
     */
    private Uni<Void> attempt(Message<String> message, EventRouter router, Executor context, int failures,
            Instant firstFailure) {
        return Uni.createFrom().deferred(() -> handle(message, router))
                .runSubscriptionOn(context)
                .onItemOrFailure().transformToUni((ignored, failure) -> {
                    if (failure == null) {
                        return Uni.createFrom().completionStage(message.ack());
                    }
                    if (shutdown.isShuttingDown()) {
                        // not acknowledged, so it is delivered again after the restart
                        LOG.infof("leaving event %s for after the restart: %s", describe(message), failure.getMessage());
                        return Uni.createFrom().nothing();
                    }
                    boolean poison = failure instanceof PoisonEventException;
                    boolean infrastructure = !poison && TransientFailures.isTransient(failure);
                    Instant since = firstFailure == null ? Instant.now() : firstFailure;
                    boolean awaiting = failure instanceof AwaitedEventException
                            && Duration.between(since, Instant.now()).compareTo(config.consumer().awaitOtherEvent()) < 0;
                    if (!poison && (infrastructure || awaiting || failures < config.consumer().maxRetries())) {
                        Duration delay = backoff(failures);
                        RetryCause cause = infrastructure ? RetryCause.INFRASTRUCTURE
                                : awaiting ? RetryCause.AWAITED_EVENT : RetryCause.FAILURE;
                        ConsumerMeters.retried(registry, router.consumer(), cause).increment();
                        LOG.warnf("event %s to %s failed (%s), retry %d in %d ms", describe(message), router.consumer(),
                                failure.getMessage(), failures + 1, delay.toMillis());
                        return Uni.createFrom().voidItem().onItem().delayIt().by(delay)
                                .chain(() -> attempt(message, router, context, failures + 1, since));
                    }
                    registry.counter(ConsumerMeters.DEAD_LETTERED, "consumer", router.consumer()).increment();
                    LOG.errorf("event %s to %s goes to the dead-letter topic: %s", describe(message),
                            router.consumer(), failure.getMessage());
                    return Uni.createFrom().completionStage(message.nack(failure));
                });
    }

    private Duration backoff(int failures) {
        return retryBackoff.jittered(failures + 1);
    }

    private Uni<Void> handle(Message<String> message, EventRouter router) {
        String id = CloudEventAttributes.id(message)
                .orElseThrow(() -> new PoisonEventException("no CloudEvents id"));
        String type = CloudEventAttributes.type(message)
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
                        registry.counter(ConsumerMeters.DUPLICATES, "consumer", router.consumer()).increment();
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

    private static String describe(Message<String> message) {
        return message.getMetadata(IncomingKafkaRecordMetadata.class)
                .map(m -> m.getTopic() + "/" + m.getPartition() + "@" + m.getOffset())
                .orElse("(unknown position)");
    }
}

package id.go.dukcapil.ikd.messaging;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

import id.go.dukcapil.ikd.events.EventType;
import id.go.dukcapil.ikd.events.IkdEvent;
import io.smallrye.mutiny.Uni;

/**
 * Which event types one consumer handles, and how. A topic may carry types a consumer does not
 * care about (or a newer version it does not know): those are acknowledged and skipped.
 */
public final class EventRouter {

    private final String consumer;
    private final Map<EventType, Function<IkdEvent, Uni<Void>>> handlers;

    private EventRouter(String consumer, Map<EventType, Function<IkdEvent, Uni<Void>>> handlers) {
        this.consumer = consumer;
        this.handlers = Map.copyOf(handlers);
    }

    /** {@code consumer} names the inbox: one name per logical consumer of a service. */
    public static Builder forConsumer(String consumer) {
        return new Builder(consumer);
    }

    public String consumer() {
        return consumer;
    }

    /**
     * Names {@code consumer} before its first router is built: a consumer that builds its router
     * per message calls this when it is created, so that its counters are registered at 0 at
     * start-up ({@link ConsumerMeters}) like every other consumer's, and an alert on their
     * increase sees the first dead letter after a restart.
     */
    public static void declare(String consumer) {
        ConsumerMeters.built(consumer);
    }

    Optional<Function<IkdEvent, Uni<Void>>> handlerFor(EventType type) {
        return Optional.ofNullable(handlers.get(type));
    }

    public static final class Builder {
        private final String consumer;
        private final Map<EventType, Function<IkdEvent, Uni<Void>>> handlers = new LinkedHashMap<>();

        private Builder(String consumer) {
            this.consumer = consumer;
        }

        /** The handler runs inside the transaction that records the event in the inbox. */
        public <E extends IkdEvent> Builder on(Class<E> eventClass, Function<E, Uni<Void>> handler) {
            handlers.put(EventType.of(eventClass), event -> handler.apply(eventClass.cast(event)));
            return this;
        }

        public EventRouter build() {
            ConsumerMeters.built(consumer);
            return new EventRouter(consumer, handlers);
        }
    }
}

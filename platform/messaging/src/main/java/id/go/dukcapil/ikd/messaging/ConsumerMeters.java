package id.go.dukcapil.ikd.messaging;

import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.spi.Bean;
import jakarta.enterprise.inject.spi.BeanManager;

import org.eclipse.microprofile.reactive.messaging.Incoming;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.arc.ClientProxy;
import io.quarkus.runtime.StartupEvent;

/**
 * Registers each consumer's counters at start-up, at 0: a counter that appears only at its
 * first increment has no earlier sample, so {@code increase(...) > 0} misses that first dead
 * letter after a restart. The consumers' names live in their EventRouters, which their beans
 * build when they are created; a message-receiving bean is otherwise created by its first
 * message, so start-up creates them here (what the first message would have done anyway).
 */
@ApplicationScoped
public class ConsumerMeters {

    static final String DEAD_LETTERED = "ikd.events.dead.lettered";
    static final String DUPLICATES = "ikd.inbox.duplicates";
    static final String RETRIED = "ikd.events.retried";

    /** Why an event was retried in place, the {@code cause} tag of {@link #RETRIED}. */
    enum RetryCause {
        /** The database (or another part of the infrastructure) is unavailable: the event waits it out. */
        INFRASTRUCTURE,
        /** The event needs another topic's event that has not arrived yet. */
        AWAITED_EVENT,
        /** The handler failed: a few retries, then the dead-letter topic. */
        FAILURE;

        String tag() {
            return name().toLowerCase(Locale.ROOT).replace('_', '-');
        }
    }

    /** The consumer names of every EventRouter built in this JVM. */
    private static final Set<String> CONSUMERS = ConcurrentHashMap.newKeySet();

    private final MeterRegistry registry;
    private final BeanManager beans;

    public ConsumerMeters(MeterRegistry registry, BeanManager beans) {
        this.registry = registry;
        this.beans = beans;
    }

    static void built(String consumer) {
        CONSUMERS.add(consumer);
    }

    void onStart(@Observes StartupEvent started) {
        for (Bean<?> bean : beans.getBeans(Object.class, Any.Literal.INSTANCE)) {
            if (receivesMessages(bean.getBeanClass())) {
                Object reference = beans.getReference(bean, bean.getBeanClass(), beans.createCreationalContext(bean));
                if (reference instanceof ClientProxy proxy) {
                    proxy.arc_contextualInstance();
                }
            }
        }
        CONSUMERS.forEach(consumer -> {
            registry.counter(DEAD_LETTERED, "consumer", consumer);
            registry.counter(DUPLICATES, "consumer", consumer);
            for (RetryCause cause : RetryCause.values()) {
                retried(registry, consumer, cause);
            }
        });
    }

    static Counter retried(MeterRegistry registry, String consumer, RetryCause cause) {
        return registry.counter(RETRIED, "consumer", consumer, "cause", cause.tag());
    }

    private static boolean receivesMessages(Class<?> type) {
        return Stream.of(type.getDeclaredMethods()).anyMatch(method -> method.isAnnotationPresent(Incoming.class));
    }
}

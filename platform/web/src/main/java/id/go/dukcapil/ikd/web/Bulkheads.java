package id.go.dukcapil.ikd.web;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.configuration.MemorySize;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import io.smallrye.config.WithParentName;

/**
 * The service's bulkheads by name, each sized from {@code ikd.bulkhead."name".*}: a fixed
 * {@code concurrency}, or as many tasks of {@code memory-per-task} as fit in {@code heap-share}
 * of the maximum heap (capped by {@code max-concurrency}); {@code queue} may wait, each at most
 * {@code max-wait} when set. A name with no configuration gets the defaults. Each bulkhead logs its limits once, when first used.
 */
@ApplicationScoped
public class Bulkheads {

    private static final Logger LOG = Logger.getLogger(Bulkheads.class);

    @ConfigMapping(prefix = "ikd.bulkhead")
    public interface Config {

        @WithParentName
        Map<String, Limit> bulkheads();

        interface Limit {
            /** Fixed number run at once; when absent, sized from the heap. */
            Optional<Integer> concurrency();

            /** Heap one task may take at its worst, for sizing from the heap. */
            @WithDefault("16M")
            MemorySize memoryPerTask();

            /** The share of the maximum heap this bulkhead's tasks may hold together. */
            @WithDefault("0.25")
            double heapShare();

            /** Never more than this many at once, however large the heap (CPU-bound work). */
            @WithDefault("4")
            int maxConcurrency();

            /** How many may wait for a place; beyond that, 503 SERVICE_BUSY. */
            @WithDefault("16")
            int queue();

            /**
             * How long work may wait for a thread before its caller is answered 503 SERVICE_BUSY
             * instead; absent: as long as it takes. Bounds the wait of a replica starved of CPU.
             */
            Optional<Duration> maxWait();

            /** The client's wait sent as {@code Retry-After}. */
            @WithDefault("2s")
            Duration retryAfter();
        }
    }

    private final Config config;
    private final MeterRegistry registry;
    private final Map<String, Bulkhead> bulkheads = new ConcurrentHashMap<>();

    public Bulkheads(Config config, MeterRegistry registry) {
        this.config = config;
        this.registry = registry;
    }

    /** The bulkhead of that name, made on first use. */
    public Bulkhead named(String name) {
        return bulkheads.computeIfAbsent(name, this::create);
    }

    private Bulkhead create(String name) {
        Config.Limit limit = config.bulkheads().get(name);
        Bulkhead.Limits limits;
        Duration retryAfter;
        Optional<Duration> maxWait = Optional.empty();
        if (limit == null) {
            limits = Bulkhead.Limits.fromHeap(Runtime.getRuntime().maxMemory(), 0.25, 16L << 20, 4, 16);
            retryAfter = Duration.ofSeconds(2);
        } else {
            maxWait = limit.maxWait();
            limits = limit.concurrency()
                    .map(fixed -> new Bulkhead.Limits(fixed, limit.queue()))
                    .orElseGet(() -> Bulkhead.Limits.fromHeap(Runtime.getRuntime().maxMemory(), limit.heapShare(),
                            limit.memoryPerTask().asLongValue(), limit.maxConcurrency(), limit.queue()));
            retryAfter = limit.retryAfter();
        }
        LOG.infof("bulkhead %s: %d at once, %d waiting at most %s (max heap %d MiB)", name, limits.concurrency(),
                limits.queue(), maxWait.map(Duration::toString).orElse("without limit"),
                Runtime.getRuntime().maxMemory() >> 20);
        return new Bulkhead(name, limits, retryAfter, maxWait, registry);
    }

    @PreDestroy
    void close() {
        bulkheads.values().forEach(Bulkhead::close);
    }
}

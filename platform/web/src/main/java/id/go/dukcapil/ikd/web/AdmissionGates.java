package id.go.dukcapil.ikd.web;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import io.micrometer.core.instrument.MeterRegistry;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import io.smallrye.config.WithDefaults;
import io.smallrye.config.WithParentName;

/**
 * The service's admission gates by name, each sized from {@code ikd.admission."name".*}. A name
 * with no configuration gets the defaults: 16 served at once (below the reactive pool's 20
 * connections, so that the outbox relay and the consumers keep theirs), 32 waiting at most 2 s.
 */
@ApplicationScoped
public class AdmissionGates {

    private static final Logger LOG = Logger.getLogger(AdmissionGates.class);

    @ConfigMapping(prefix = "ikd.admission")
    public interface Config {

        /** A name nobody configured gets a gate of the defaults below. */
        @WithParentName
        @WithDefaults
        Map<String, Gate> gates();

        interface Gate {
            /** Requests served at once. */
            @WithDefault("16")
            int inFlight();

            /** How many may wait for a place; beyond that, 503 SERVICE_BUSY at once. */
            @WithDefault("32")
            int queue();

            /** How long a request may wait for a place before it is answered 503 SERVICE_BUSY. */
            @WithDefault("2s")
            Duration maxWait();

            /** The client's wait sent as {@code Retry-After}. */
            @WithDefault("1s")
            Duration retryAfter();
        }
    }

    private final Config config;
    private final MeterRegistry registry;
    private final Map<String, AdmissionGate> gates = new ConcurrentHashMap<>();

    public AdmissionGates(Config config, MeterRegistry registry) {
        this.config = config;
        this.registry = registry;
    }

    /** The gate of that name, made on first use. */
    public AdmissionGate named(String name) {
        return gates.computeIfAbsent(name, this::create);
    }

    private AdmissionGate create(String name) {
        Config.Gate gate = config.gates().get(name);
        AdmissionGate.Limits limits = new AdmissionGate.Limits(gate.inFlight(), gate.queue(),
                Optional.of(gate.maxWait()), gate.retryAfter());
        LOG.infof("admission %s: %d served at once, %d waiting at most %s", name, limits.inFlight(), limits.queue(),
                limits.maxWait().map(Duration::toString).orElse("without limit"));
        return new AdmissionGate(name, limits, registry);
    }

    @PreDestroy
    void close() {
        gates.values().forEach(AdmissionGate::close);
    }
}

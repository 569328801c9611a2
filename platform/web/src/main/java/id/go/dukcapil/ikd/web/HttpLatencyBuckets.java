package id.go.dukcapil.ikd.web;

import java.time.Duration;
import java.util.stream.Stream;

import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.config.MeterFilter;
import io.micrometer.core.instrument.distribution.DistributionStatisticConfig;

/**
 * Latency buckets on every service's HTTP timer ({@code http_server_requests_seconds_bucket}), so
 * that Prometheus can compute the p99 the journey dashboard shows and the SLOs speak of
 * ({@code histogram_quantile}). A fixed, short list of bounds rather than Micrometer's percentile
 * histogram (about 70 buckets for each method, URI and status): ten series more (nine bounds and
 * {@code +Inf}) for each method, URI and status answered, enough to tell 50 ms from 250 ms from a second.
 */
public class HttpLatencyBuckets {

    /** The bounds: a status poll takes milliseconds, an alert fires above 2.5 s, and nothing should wait 10 s. */
    static final Duration[] BOUNDS = Stream.of(25, 50, 100, 250, 500, 1_000, 2_500, 5_000, 10_000)
            .map(Duration::ofMillis).toArray(Duration[]::new);

    private static final String HTTP_SERVER_REQUESTS = "http.server.requests";

    @Produces
    @Singleton
    MeterFilter httpLatencyBuckets() {
        double[] nanos = Stream.of(BOUNDS).mapToDouble(Duration::toNanos).toArray();
        return new MeterFilter() {
            @Override
            public DistributionStatisticConfig configure(Meter.Id id, DistributionStatisticConfig config) {
                if (!HTTP_SERVER_REQUESTS.equals(id.getName())) {
                    return config;
                }
                return DistributionStatisticConfig.builder().serviceLevelObjectives(nanos).build().merge(config);
            }
        };
    }
}

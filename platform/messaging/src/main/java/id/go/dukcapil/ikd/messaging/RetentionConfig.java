package id.go.dukcapil.ikd.messaging;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * How every service's retention job works through its tables. The periods themselves are each
 * service's own ({@code ikd.<service>.retention.*}); these settings bound the work of one run.
 */
@ConfigMapping(prefix = "ikd.retention")
public interface RetentionConfig {

    /** Whether this replica runs the retention jobs (two replicas may: batches skip locked rows). */
    @WithDefault("true")
    boolean enabled();

    /** How often the retention job of each service runs (read by the schedulers as ikd.retention.interval). */
    @WithDefault("1h")
    Duration interval();

    /** Rows deleted or anonymised per statement; each statement is its own short transaction. */
    @WithDefault("500")
    int batchSize();

    /** At most this many batches per table and run; what is left waits for the next run. */
    @WithDefault("200")
    int maxBatches();
}

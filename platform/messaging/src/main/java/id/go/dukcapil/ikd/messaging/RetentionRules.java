package id.go.dukcapil.ikd.messaging;

import java.time.Instant;
import java.util.List;

/**
 * What one part of a service keeps how long: the purge statements of its tables with their
 * cutoffs as of {@code now}. Every bean of this type is run by {@link RetentionJob}.
 */
public interface RetentionRules {

    List<RetentionPurge.Step> steps(Instant now);
}

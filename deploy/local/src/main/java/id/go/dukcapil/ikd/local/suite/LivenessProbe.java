package id.go.dukcapil.ikd.local.suite;

import java.time.Duration;

/**
 * When the {@link Supervisor} ends a service that runs but says it is broken: its
 * {@code /q/health/live} answered 503 (DOWN) {@code failureThreshold} times in a row,
 * {@code period} apart, after it had been ready once. It is asked to stop (SIGTERM), killed when
 * it has not stopped after {@code grace}, and restarted like a service that died. The same
 * figures as the manifests' {@code livenessProbe} (10 s, 3) and Kubernetes' grace period, so that
 * {@code ./ikd up} restarts what a cluster would restart. Only a DOWN answer counts: a service too
 * busy to answer on a two-core laptop is not restarted for that.
 */
public record LivenessProbe(Duration period, int failureThreshold, Duration grace) {

    public static final LivenessProbe STANDARD = new LivenessProbe(Duration.ofSeconds(10), 3, Duration.ofSeconds(40));

    /** The liveness endpoint's answer that counts as a failure. */
    static boolean failed(int status) {
        return status == 503;
    }
}

package id.go.dukcapil.ikd.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.quarkus.runtime.configuration.DurationConverter;
import io.smallrye.config.SmallRyeConfig;
import io.smallrye.config.SmallRyeConfigBuilder;

class AdmissionGatesTest {

    @Test
    void aConfiguredGateTakesItsSettingsAndAnUnconfiguredOneTheDefaults() {
        SmallRyeConfig config = new SmallRyeConfigBuilder().withMapping(AdmissionGates.Config.class)
                .withConverter(Duration.class, 100, new DurationConverter()) // Quarkus' "2s" form
                .withDefaultValue("ikd.admission.registration.in-flight", "3")
                .withDefaultValue("ikd.admission.registration.max-wait", "500ms").build();
        AdmissionGates gates = new AdmissionGates(config.getConfigMapping(AdmissionGates.Config.class),
                new SimpleMeterRegistry());
        try {
            assertThat(gates.named("registration").limits()).isEqualTo(new AdmissionGate.Limits(3, 32,
                    Optional.of(Duration.ofMillis(500)), Duration.ofSeconds(1)));
            assertThat(gates.named("unconfigured").limits()).isEqualTo(new AdmissionGate.Limits(16, 32,
                    Optional.of(Duration.ofSeconds(2)), Duration.ofSeconds(1)));
        } finally {
            gates.close();
        }
    }
}

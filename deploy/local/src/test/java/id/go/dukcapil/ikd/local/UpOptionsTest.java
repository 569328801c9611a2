package id.go.dukcapil.ikd.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;

import id.go.dukcapil.ikd.local.IkdLauncher.UsageException;
import id.go.dukcapil.ikd.local.suite.Topology;
import id.go.dukcapil.ikd.testing.Postgres;

/** {@code ./ikd up}'s options: the defaults, each option, and what it refuses. */
class UpOptionsTest {

    @Test
    void withoutOptionsTheSingleTopologyStartsDurablyOnExistingData() {
        UpOptions options = UpOptions.parse(List.of());
        assertThat(options.topology()).isEqualTo(Topology.SINGLE);
        assertThat(options.fresh()).isFalse();
        assertThat(options.durability()).isEqualTo(Postgres.Durability.DURABLE);
        assertThat(options.readyTimeout()).isEqualTo(IkdLauncher.DEFAULT_READY_TIMEOUT);
    }

    @Test
    void everyOptionIsRead() {
        UpOptions options = UpOptions.parse(List.of("--ha", "--fresh", "--fast-unsafe", "--ready-timeout=300"));
        assertThat(options).isEqualTo(new UpOptions(Topology.HA, true, Postgres.Durability.FAST_UNSAFE,
                Duration.ofSeconds(300)));
    }

    @Test
    void anUnknownOptionOrABadTimeoutIsRefusedWithTheReason() {
        assertThatThrownBy(() -> UpOptions.parse(List.of("--hA"))).isInstanceOf(UsageException.class)
                .hasMessageContaining("unknown option for up: --hA");
        assertThatThrownBy(() -> UpOptions.parse(List.of("--ready-timeout=five")))
                .isInstanceOf(UsageException.class).hasMessageContaining("number of seconds");
        assertThatThrownBy(() -> UpOptions.parse(List.of("--ready-timeout=0")))
                .isInstanceOf(UsageException.class).hasMessageContaining("positive");
    }
}

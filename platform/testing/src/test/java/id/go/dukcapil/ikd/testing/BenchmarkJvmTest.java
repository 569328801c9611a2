package id.go.dukcapil.ikd.testing;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.junit.jupiter.api.Test;

class BenchmarkJvmTest {

    @Test
    void aJvmLimitedToC1IsRefusedWithTheWayOut() {
        assertThatThrownBy(() -> BenchmarkJvm.requireFullJit(List.of("-Xmx1g", "-XX:TieredStopAtLevel=1")))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("-XX:TieredStopAtLevel=1")
                .hasMessageContaining("-Pbench");
    }

    @Test
    void theFullJitPasses() {
        assertThatCode(() -> BenchmarkJvm.requireFullJit(List.of("-Xmx1g", "-XX:+UseSerialGC"))).doesNotThrowAnyException();
        assertThatCode(() -> BenchmarkJvm.requireFullJit(List.of("-XX:TieredStopAtLevel=4"))).doesNotThrowAnyException();
    }
}

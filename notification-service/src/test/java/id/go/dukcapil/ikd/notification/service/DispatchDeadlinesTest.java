package id.go.dukcapil.ikd.notification.service;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;

import org.junit.jupiter.api.Test;

class DispatchDeadlinesTest {

    @Test
    void aSendDeadlineShorterThanTheLeaseIsAccepted() {
        assertThatCode(() -> Dispatcher.requireSendShorterThanLease(Duration.ofSeconds(30), Duration.ofMinutes(2)))
                .doesNotThrowAnyException();
    }

    @Test
    void aSendDeadlineThatReachesTheLeaseStopsTheStart() {
        assertThatThrownBy(() -> Dispatcher.requireSendShorterThanLease(Duration.ofMinutes(2), Duration.ofMinutes(2)))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("send-timeout")
                .hasMessageContaining("lease");
    }
}

package id.go.dukcapil.ikd.notification.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;

import org.junit.jupiter.api.Test;

import id.go.dukcapil.ikd.notification.delivery.DeliveryOutcome;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.smallrye.mutiny.Uni;

/** An outcome the database could not take is kept, and recorded once it can. */
class UnrecordedOutcomesTest {

    @Test
    void keptOutcomesAreRecordedWhenTheDatabaseIsBackAndOnlyThen() {
        AtomicBoolean databaseUp = new AtomicBoolean(false);
        List<UUID> recorded = new ArrayList<>();
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        UnrecordedOutcomes outcomes = new UnrecordedOutcomes((id, outcome) -> databaseUp.get()
                ? Uni.createFrom().voidItem().invoke(() -> recorded.add(id))
                : Uni.createFrom().failure(new IllegalStateException("connection refused")), registry);
        UUID first = UUID.randomUUID();
        UUID second = UUID.randomUUID();
        outcomes.keep(first, DeliveryOutcome.sent());
        outcomes.keep(second, DeliveryOutcome.sent());

        outcomes.recordPending().await().atMost(Duration.ofSeconds(5));
        assertThat(recorded).isEmpty();
        assertThat(outcomes.ids()).containsExactlyInAnyOrder(first, second);
        assertThat(registry.get("ikd.notifications.unrecorded").gauge().value()).isEqualTo(2.0);

        databaseUp.set(true);
        outcomes.recordPending().await().atMost(Duration.ofSeconds(5));
        assertThat(recorded).containsExactlyInAnyOrder(first, second);
        assertThat(outcomes.ids()).isEmpty();

        outcomes.recordPending().await().atMost(Duration.ofSeconds(5));
        assertThat(recorded).hasSize(2);
    }
}

package id.go.dukcapil.ikd.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.smallrye.mutiny.subscription.Cancellable;

class AdmissionGateTest {

    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();

    @Test
    void admitsUpToItsPlacesQueuesUpToItsQueueAndRefusesTheRestAtOnce() throws Exception {
        try (AdmissionGate gate = gate(2, 1, Duration.ofSeconds(60))) {
            AdmissionGate.Pass first = gate.enter().await().atMost(Duration.ofSeconds(1));
            AdmissionGate.Pass second = gate.enter().await().atMost(Duration.ofSeconds(1));
            CompletableFuture<AdmissionGate.Pass> third = gate.enter().subscribeAsCompletionStage().toCompletableFuture();

            assertThat(third).isNotDone();
            assertThat(gate.inFlight()).isEqualTo(2);
            assertThat(gate.refusalWhenFull()).as("places and queue taken: refused before the body")
                    .hasValueSatisfying(busy -> assertThat(busy.type()).isEqualTo(CommonProblems.SERVICE_BUSY));
            assertThat(gate.waitingCount()).isEqualTo(1);
            ProblemException refused = failureOf(gate.enter().subscribeAsCompletionStage().toCompletableFuture());
            assertThat(refused.type()).isEqualTo(CommonProblems.SERVICE_BUSY);
            assertThat(refused.retryAfter()).contains(Duration.ofSeconds(3));
            assertThat(refused.extensions()).containsEntry("admission", "test");
            assertThat(registry.get("ikd.admission.rejected").counter().count()).isEqualTo(2.0);

            first.release();
            assertThat(gate.refusalWhenFull()).as("the queue has room again").isEmpty();
            AdmissionGate.Pass passedOn = third.get(5, TimeUnit.SECONDS);
            assertThat(gate.inFlight()).as("the place passed to the waiter").isEqualTo(2);
            assertThat(gate.waitingCount()).isZero();

            first.release(); // a second release of the same pass gives nothing back
            assertThat(gate.inFlight()).isEqualTo(2);
            second.release();
            passedOn.release();
            assertThat(gate.inFlight()).isZero();
        }
    }

    @Test
    void aRequestThatWaitedLongerThanMaxWaitIsAnsweredServiceBusyAndLeavesTheQueue() throws Exception {
        try (AdmissionGate gate = gate(1, 4, Duration.ofMillis(200))) {
            AdmissionGate.Pass held = gate.enter().await().atMost(Duration.ofSeconds(1));

            ProblemException expired = failureOf(gate.enter().subscribeAsCompletionStage().toCompletableFuture());

            assertThat(expired.type()).isEqualTo(CommonProblems.SERVICE_BUSY);
            assertThat(registry.get("ikd.admission.expired").counter().count()).isEqualTo(1.0);
            assertThat(gate.waitingCount()).isZero();
            assertThat(gate.inFlight()).as("the held place is still held").isEqualTo(1);
            held.release();
            assertThat(gate.inFlight()).isZero();
            gate.enter().await().atMost(Duration.ofSeconds(1)).release();
        }
    }

    @Test
    void aWaiterThatGivesUpLeavesTheQueueAndItsPlaceGoesToTheNext() throws Exception {
        try (AdmissionGate gate = gate(1, 4, Duration.ofSeconds(60))) {
            AdmissionGate.Pass held = gate.enter().await().atMost(Duration.ofSeconds(1));
            Cancellable gaveUp = gate.enter().subscribe().with(pass -> {
                throw new AssertionError("a cancelled waiter must not be admitted");
            });
            CompletableFuture<AdmissionGate.Pass> next = gate.enter().subscribeAsCompletionStage().toCompletableFuture();
            assertThat(gate.waitingCount()).isEqualTo(2);

            gaveUp.cancel();
            assertThat(gate.waitingCount()).isEqualTo(1);
            held.release();

            next.get(5, TimeUnit.SECONDS).release();
            assertThat(gate.inFlight()).isZero();
            assertThat(gate.waitingCount()).isZero();
        }
    }

    private AdmissionGate gate(int inFlight, int queue, Duration maxWait) {
        return new AdmissionGate("test",
                new AdmissionGate.Limits(inFlight, queue, Optional.of(maxWait), Duration.ofSeconds(3)), registry);
    }

    private static ProblemException failureOf(CompletableFuture<?> refused) throws Exception {
        try {
            refused.get(5, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            assertThat(e.getCause()).isInstanceOf(ProblemException.class);
            return (ProblemException) e.getCause();
        }
        throw new AssertionError("expected SERVICE_BUSY, got a place");
    }
}

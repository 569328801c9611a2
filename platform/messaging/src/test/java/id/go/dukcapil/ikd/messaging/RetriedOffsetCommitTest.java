package id.go.dukcapil.ikd.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.errors.TimeoutException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.kafka.IncomingKafkaRecord;
import io.smallrye.reactive.messaging.kafka.commit.KafkaCommitHandler;
import io.vertx.mutiny.core.Context;
import io.vertx.mutiny.core.Vertx;

/**
 * The first record of a partition after an assignment makes the library read the partition's
 * committed offset; a read that times out (the broker just came back) must not fail the record,
 * which would end the channel's stream, but be tried again on the consumer's context.
 */
class RetriedOffsetCommitTest {

    private Vertx vertx;
    private Context context;

    @BeforeEach
    void startVertx() {
        vertx = Vertx.vertx();
        context = vertx.getOrCreateContext();
    }

    @AfterEach
    void closeVertx() {
        vertx.closeAndAwait();
    }

    @Test
    void aCommittedOffsetReadThatTimesOutIsTriedAgainOnTheConsumersContext() {
        AtomicInteger attempts = new AtomicInteger();
        List<Boolean> onContext = new CopyOnWriteArrayList<>();
        KafkaCommitHandler library = new LibraryStub() {
            @Override
            public <K, V> Uni<IncomingKafkaRecord<K, V>> received(IncomingKafkaRecord<K, V> record) {
                onContext.add(Vertx.currentContext() != null
                        && Vertx.currentContext().getDelegate() == context.getDelegate());
                return attempts.incrementAndGet() <= 2
                        ? Uni.createFrom().failure(new TimeoutException("Timeout of 3000ms expired before the last "
                                + "committed offset for partitions [ikd.registration-2] could be determined"))
                        : Uni.createFrom().item(record);
            }
        };
        IncomingKafkaRecord<String, String> record = record();

        IncomingKafkaRecord<String, String> received = handler(library).received(record)
                .await().atMost(Duration.ofSeconds(10));

        assertThat(received).isSameAs(record);
        assertThat(attempts).hasValue(3);
        assertThat(onContext).containsExactly(true, true, true);
    }

    @Test
    void aFailureThatIsNotATimeoutIsNotRetried() {
        AtomicInteger attempts = new AtomicInteger();
        KafkaCommitHandler library = new LibraryStub() {
            @Override
            public <K, V> Uni<IncomingKafkaRecord<K, V>> received(IncomingKafkaRecord<K, V> record) {
                attempts.incrementAndGet();
                return Uni.createFrom().failure(new IllegalStateException("not authorised"));
            }
        };

        assertThatThrownBy(() -> handler(library).received(record()).await().atMost(Duration.ofSeconds(10)))
                .isInstanceOf(IllegalStateException.class);
        assertThat(attempts).hasValue(1);
    }

    private RetriedOffsetCommit handler(KafkaCommitHandler library) {
        RetriedOffsetCommit handler = new RetriedOffsetCommit(library, vertx, null, 1000, 3000);
        handler.capture(context);
        return handler;
    }

    private static IncomingKafkaRecord<String, String> record() {
        return new IncomingKafkaRecord<>(new ConsumerRecord<>("ikd.registration", 2, 41L, "key", "{}"),
                "test-registration", 0, null, null, false);
    }

    private abstract static class LibraryStub implements KafkaCommitHandler {
        @Override
        public <K, V> Uni<Void> handle(IncomingKafkaRecord<K, V> record) {
            return Uni.createFrom().voidItem();
        }
    }
}

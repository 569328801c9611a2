package id.go.dukcapil.ikd.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

import jakarta.inject.Inject;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.awaitility.core.ConditionTimeoutException;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import id.go.dukcapil.ikd.events.Topics;
import id.go.dukcapil.ikd.testing.ConsumerGroupReport;
import id.go.dukcapil.ikd.testing.IkdTestResource;
import id.go.dukcapil.ikd.testing.Infrastructure;
import id.go.dukcapil.ikd.testing.TopicProbe;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.vertx.VertxContextSupport;
import io.vertx.mutiny.sqlclient.Pool;

/**
 * A record processed while the broker is away, for longer than the consumer's API timeout, is
 * committed once the broker is back, although its partition gets no further record: the group's
 * lag goes back to zero and a restart does not deliver it again. With SmallRye's throttled
 * strategy alone, the failed commit was dropped and the partition kept its old committed offset.
 */
@QuarkusTest
@QuarkusTestResource(value = IkdTestResource.class, initArgs = @ResourceArg(name = "database", value = "messaging_test"))
class OffsetCommitAfterOutageTest {

    @Inject
    LedgerService ledger;
    @Inject
    Pool pool;
    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;
    @ConfigProperty(name = "quarkus.application.name")
    String group;

    @Test
    void anOffsetWhoseCommitFailedDuringABrokerOutageIsCommittedWhenTheBrokerIsBack() throws Throwable {
        UUID registrationId = UUID.randomUUID();
        CompletableFuture<Void> release = new CompletableFuture<>();
        EffectConsumer.HELD.put(registrationId, release);
        ConsumerRecord<String, String> record;
        try (TopicProbe probe = TopicProbe.fromNow(bootstrap, Topics.REGISTRATION)) {
            VertxContextSupport.subscribeAndAwait(() -> Panache.withSession(() -> ledger.withdraw(registrationId, false)));
            record = probe.await(r -> registrationId.toString().equals(r.key()), Duration.ofSeconds(30));
        }
        TopicPartition partition = new TopicPartition(record.topic(), record.partition());
        try {
            await().atMost(Duration.ofSeconds(30)).until(() -> EffectConsumer.WAITING.contains(registrationId));
        } catch (ConditionTimeoutException e) {
            throw new AssertionError("the consumer did not take the record within 30 s: "
                    + ConsumerGroupReport.of(bootstrap, group), e);
        }

        Infrastructure.stopEmbeddedKafka();
        try {
            // processed and acknowledged while the broker is away: the library's next commit fails
            release.complete(null);
            await().atMost(Duration.ofSeconds(20)).until(() -> effects(registrationId) == 1);
            // longer than the consumer's API timeout (3 s under the test profile, 60 s in production):
            // the library's blocking commit gives up, "Failed to commit … it will be re-attempted"
            Thread.sleep(8_000);
        } finally {
            Infrastructure.startEmbeddedKafka();
        }

        try (Admin admin = Admin.create(adminConfig())) {
            await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofSeconds(1))
                    .until(() -> committed(admin, partition) >= record.offset() + 1);
        }
    }

    private long committed(Admin admin, TopicPartition partition) throws Exception {
        Map<TopicPartition, OffsetAndMetadata> offsets = admin.listConsumerGroupOffsets(group)
                .partitionsToOffsetAndMetadata().get();
        OffsetAndMetadata offset = offsets.get(partition);
        return offset == null ? -1 : offset.offset();
    }

    private Properties adminConfig() {
        Properties config = new Properties();
        config.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        config.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 5_000);
        config.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 10_000);
        return config;
    }

    private long effects(UUID registrationId) {
        return pool.query("select count(*) from test_effect where registration_id = '" + registrationId + "'")
                .execute().map(rows -> rows.iterator().next().getLong(0)).await().atMost(Duration.ofSeconds(10));
    }
}

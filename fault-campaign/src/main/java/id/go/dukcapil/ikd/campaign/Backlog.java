package id.go.dukcapil.ikd.campaign;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.GroupListing;
import org.apache.kafka.clients.admin.ListGroupsOptions;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;

import id.go.dukcapil.ikd.local.suite.SuiteService;

/**
 * What the suite still owes from before an instant: outbox rows not yet published, notifications
 * not yet in a final state, and events published then that a consumer group has not yet
 * consumed. Zero of each means the suite has caught up with everything the fault held back.
 */
final class Backlog implements AutoCloseable {

    static final String USER = "postgres";
    static final String PASSWORD = "postgres";

    private final CampaignSuite suite;
    private final Admin admin;

    Backlog(CampaignSuite suite) {
        this.suite = suite;
        this.admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, suite.kafkaBootstrapServers(),
                AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 5000, AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 10000));
    }

    static Connection connect(CampaignSuite suite, SuiteService service) throws SQLException {
        DriverManager.setLoginTimeout(3);
        return DriverManager.getConnection(suite.jdbcUrl(service) + "?connectTimeout=3&socketTimeout=15", USER, PASSWORD);
    }

    /** Outbox rows written before {@code before} (all when null) and not published, over every service's database. */
    long unpublished(Instant before) throws SQLException {
        long total = 0;
        for (SuiteService service : SuiteService.values()) {
            try (Connection connection = connect(suite, service);
                    PreparedStatement query = connection.prepareStatement(
                            "select count(*) from ikd_outbox where published_at is null and created_at < ?")) {
                query.setTimestamp(1, Timestamp.from(before == null ? Instant.now().plusSeconds(3600) : before));
                try (ResultSet result = query.executeQuery()) {
                    result.next();
                    total += result.getLong(1);
                }
            }
        }
        return total;
    }

    /** Notifications created before {@code before} still waiting to be sent (pending, retrying or being sent). */
    long undelivered(Instant before) throws SQLException {
        try (Connection connection = connect(suite, SuiteService.NOTIFICATION);
                PreparedStatement query = connection.prepareStatement("select count(*) from notification"
                        + " where state in ('PENDING', 'RETRYING', 'SENDING') and created_at < ?")) {
            query.setTimestamp(1, Timestamp.from(before == null ? Instant.now().plusSeconds(3600) : before));
            try (ResultSet result = query.executeQuery()) {
                result.next();
                return result.getLong(1);
            }
        }
    }

    /** The end offset of every partition of the suite's topics now. */
    Map<TopicPartition, Long> endOffsets() throws Exception {
        Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
        for (var description : admin.describeTopics(admin.listTopics().names().get(10, TimeUnit.SECONDS))
                .allTopicNames().get(10, TimeUnit.SECONDS).values()) {
            if (description.name().startsWith("ikd.")) {
                description.partitions().forEach(p -> latest.put(new TopicPartition(description.name(), p.partition()),
                        OffsetSpec.latest()));
            }
        }
        Map<TopicPartition, Long> ends = new HashMap<>();
        admin.listOffsets(latest).all().get(10, TimeUnit.SECONDS).forEach((tp, info) -> ends.put(tp, info.offset()));
        return ends;
    }

    /** Records up to {@code targets} that some consumer group has not consumed yet (its committed offset is behind). */
    long unconsumed(Map<TopicPartition, Long> targets) throws InterruptedException, ExecutionException, TimeoutException {
        long behind = 0;
        for (GroupListing group : admin.listGroups(ListGroupsOptions.forConsumerGroups()).all().get(10, TimeUnit.SECONDS)) {
            Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(group.groupId())
                    .partitionsToOffsetAndMetadata().get(10, TimeUnit.SECONDS);
            for (Map.Entry<TopicPartition, OffsetAndMetadata> entry : committed.entrySet()) {
                Long target = targets.get(entry.getKey());
                if (target != null && entry.getValue() != null) {
                    behind += Math.max(0, target - entry.getValue().offset());
                }
            }
        }
        return behind;
    }

    Admin admin() {
        return admin;
    }

    @Override
    public void close() {
        admin.close();
    }
}

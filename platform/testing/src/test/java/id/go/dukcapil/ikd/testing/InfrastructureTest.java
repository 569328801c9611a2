package id.go.dukcapil.ikd.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import jakarta.mail.Message;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;

/** The embedded infrastructure is real: a Kafka client, a JDBC driver and a mail client talk to it. */
class InfrastructureTest {

    private final Infrastructure infra = Infrastructure.shared();

    @Test
    void sameInfrastructureForTheWholeJvm() {
        assertThat(Infrastructure.shared()).isEqualTo(infra);
    }

    @Test
    void kafkaBrokerCarriesRecordsWithKeysAndHeaders() {
        String topic = "infra-test-" + UUID.randomUUID();
        try (TopicProbe probe = TopicProbe.fromNow(infra.kafkaBootstrapServers(), topic)) {
            TopicProbe.publish(infra.kafkaBootstrapServers(), topic, "key-1", "{\"hello\":1}",
                    Map.of("ce_type", "test.v1"));
            ConsumerRecord<String, String> record = probe.await(TopicProbe.ofType("test.v1"), Duration.ofSeconds(30));
            assertThat(record.key()).isEqualTo("key-1");
            assertThat(record.value()).isEqualTo("{\"hello\":1}");
        }
    }

    @Test
    void postgresCreatesDatabasesAndRunsSql() throws Exception {
        String database = infra.database("infra_test");
        assertThat(infra.database("infra_test")).isEqualTo(database); // idempotent
        try (Connection connection = DriverManager.getConnection(infra.jdbcUrl(database), infra.postgresUser(),
                infra.postgresPassword());
                ResultSet rs = connection.createStatement().executeQuery("select current_database(), version()")) {
            assertThat(rs.next()).isTrue();
            assertThat(rs.getString(1)).isEqualTo("infra_test");
            assertThat(rs.getString(2)).startsWith("PostgreSQL");
        }
    }

    @Test
    void mailSentOverSmtpIsReadOverImap() throws Exception {
        Properties props = new Properties();
        props.put("mail.smtp.host", "127.0.0.1");
        props.put("mail.smtp.port", Integer.toString(infra.smtpPort()));
        MimeMessage message = new MimeMessage(Session.getInstance(props));
        message.setFrom(new InternetAddress("noreply@dukcapil.go.id"));
        message.setRecipient(Message.RecipientType.TO, new InternetAddress("warga@example.id"));
        message.setSubject("Uji kotak surat");
        message.setText("Halo");
        Transport.send(message);

        Mailbox.Mail mail = Mailbox.await(infra.imapPort(), "warga@example.id",
                m -> "Uji kotak surat".equals(m.subject()), Duration.ofSeconds(10));
        assertThat(mail.text()).contains("Halo");
        assertThat(mail.from()).isEqualTo("noreply@dukcapil.go.id");
    }
}

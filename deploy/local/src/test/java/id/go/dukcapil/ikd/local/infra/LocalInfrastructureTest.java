package id.go.dukcapil.ikd.local.infra;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

import id.go.dukcapil.ikd.testing.TopicProbe;
import jakarta.mail.Message;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;

/**
 * The infrastructure part of {@code ./ikd up}, for real, on free ports in a temporary folder:
 * PostgreSQL with the services' databases, Kafka, the mail server and its web inbox, the SMS
 * outbox; and nothing left running once it is stopped.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class LocalInfrastructureTest {

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @TempDir
    static Path dataDir;

    private static LocalPorts ports;
    private static LocalInfrastructure infra;

    @BeforeAll
    static void start() {
        ports = LocalPorts.free();
        infra = LocalInfrastructure.start(dataDir, ports, List.of("registration", "notification"),
                Duration.ofSeconds(90));
        System.out.println("local infrastructure ready in " + infra.timings());
    }

    @AfterAll
    static void stop() {
        if (infra != null) {
            infra.close();
        }
    }

    @Test
    @Order(1)
    void postgresServesEveryServiceDatabase() throws Exception {
        for (String database : List.of("registration", "notification")) {
            try (Connection connection = DriverManager.getConnection(
                    "jdbc:postgresql://127.0.0.1:" + ports.postgres() + "/" + database,
                    LocalInfrastructure.POSTGRES_USER, LocalInfrastructure.POSTGRES_PASSWORD);
                    ResultSet rs = connection.createStatement().executeQuery("select current_database()")) {
                assertThat(rs.next()).isTrue();
                assertThat(rs.getString(1)).isEqualTo(database);
            }
        }
        assertThat(infra.postmasterPid()).isPresent();
    }

    @Test
    @Order(1)
    void postgresCommitsDurablyByDefaultAndKeepsItsSocketInTheDataFolder() throws Exception {
        try (Connection connection = DriverManager.getConnection(
                "jdbc:postgresql://127.0.0.1:" + ports.postgres() + "/registration",
                LocalInfrastructure.POSTGRES_USER, LocalInfrastructure.POSTGRES_PASSWORD)) {
            assertThat(show(connection, "fsync")).isEqualTo("on");
            assertThat(show(connection, "synchronous_commit")).isEqualTo("on");
            Path socketDir = LocalInfrastructure.postgresDir(dataDir).toAbsolutePath();
            String shown = show(connection, "unix_socket_directories");
            // a temporary folder too deep for a socket address gets TCP only: never /tmp, shared with others
            assertThat(shown).isIn(socketDir.toString(), "");
            if (!shown.isEmpty()) {
                assertThat(socketDir.resolve(".s.PGSQL." + ports.postgres())).exists();
            }
        }
    }

    private static String show(Connection connection, String setting) throws Exception {
        try (ResultSet rs = connection.createStatement().executeQuery("show " + setting)) {
            rs.next();
            return rs.getString(1);
        }
    }

    @Test
    @Order(2)
    void kafkaTakesAndDeliversRecords() {
        String bootstrap = ports.kafkaBootstrapServers();
        try (TopicProbe probe = TopicProbe.fromNow(bootstrap, "ikd.local.check")) {
            TopicProbe.publish(bootstrap, "ikd.local.check", "k1", "hello", Map.of("ce_type", "local.check"));
            assertThat(probe.await(TopicProbe.ofType("local.check"), Duration.ofSeconds(30)).value()).isEqualTo("hello");
        }
    }

    @Test
    @Order(3)
    void mailSentOverSmtpIsReadableInTheWebInbox() throws Exception {
        sendMail("warga@example.id", "Kode aktivasi IKD",
                "PIN Anda: 482913\nAktivasi: \"http://localhost:8083/activate?t=abc&x=1\"",
                "<p>PIN Anda: <b>482913</b></p><script>alert('x')</script>");

        HttpResponse<String> list = get(ports.mailInbox(), "/");
        assertThat(list.statusCode()).isEqualTo(200);
        assertThat(list.headers().firstValue("Content-Security-Policy")).hasValueSatisfying(
                csp -> assertThat(csp).contains("default-src 'none'"));
        assertThat(list.body()).contains("Kotak Masuk Surel", "Mail Inbox", "warga@example.id", "Kode aktivasi IKD");

        Matcher link = Pattern.compile("href=\"(/messages/\\d+)\">Kode aktivasi IKD<").matcher(list.body());
        assertThat(link.find()).as("a link to the message in %s", list.body()).isTrue();
        HttpResponse<String> message = get(ports.mailInbox(), link.group(1));
        assertThat(message.statusCode()).isEqualTo(200);
        assertThat(message.body())
                .contains("PIN Anda: 482913")
                .contains("<a href=\"http://localhost:8083/activate?t=abc&amp;x=1\" target=\"_blank\"")
                // no allow-scripts, no allow-same-origin: the message's HTML runs nothing and reaches nothing
                .contains("<iframe sandbox=\"allow-popups allow-popups-to-escape-sandbox\" ")
                // the HTML lives escaped inside srcdoc: the browser renders it sandboxed, never as this page
                .contains("&lt;p&gt;PIN Anda: &lt;b&gt;482913&lt;/b&gt;&lt;/p&gt;&lt;script&gt;")
                .doesNotContain("<script>");
    }

    @Test
    @Order(4)
    void smsOutboxAcceptsAnIndonesianNumberAndListsTheMessage() throws Exception {
        HttpResponse<String> accepted = postSms("{\"to\":\"+6281234567890\",\"message\":\"Kode <PIN> 482913\",\"reference\":\"n-1\"}");
        assertThat(accepted.statusCode()).isEqualTo(202);
        assertThat(accepted.body()).matches("\\{\"id\":\"[0-9a-f-]{36}\"}");

        HttpResponse<String> page = get(ports.smsOutbox(), "/");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("Kotak Keluar SMS", "+6281234567890", "Kode &lt;PIN&gt; 482913", "n-1");
        assertThat(infra.smsOutbox().messages()).extracting(SmsOutbox.Sms::reference).containsExactly("n-1");
    }

    @Test
    @Order(5)
    void smsOutboxRejectsWhatTheRealGatewayWouldReject() throws Exception {
        for (String body : List.of(
                "{\"to\":\"+15551234567\",\"message\":\"x\",\"reference\":\"n-2\"}",
                "{\"to\":\"+62123\",\"message\":\"x\",\"reference\":\"n-3\"}",
                "{\"to\":\"081234567890\",\"message\":\"x\",\"reference\":\"n-4\"}")) {
            HttpResponse<String> rejected = postSms(body);
            assertThat(rejected.statusCode()).as(body).isEqualTo(400);
            assertThat(rejected.body()).contains("\"code\":\"sms-invalid-number\"");
        }
        assertThat(postSms("{not json").statusCode()).isEqualTo(400);
        assertThat(postSms("{\"to\":\"+6281234567890\",\"message\":\" \"}").body()).contains("sms-empty-message");
        assertThat(infra.smsOutbox().messages()).extracting(SmsOutbox.Sms::reference).containsExactly("n-1");
    }

    @Test
    @Order(6)
    void stoppingLeavesNoProcessBehind() {
        long broker = infra.kafkaPid();
        long postmaster = infra.postmasterPid().orElseThrow();
        assertThat(ProcessHandle.current().descendants().map(ProcessHandle::pid)).contains(broker);
        assertThat(ProcessHandle.of(postmaster)).hasValueSatisfying(p -> assertThat(p.isAlive()).isTrue());

        infra.close();
        infra = null;

        assertThat(ProcessHandle.current().descendants().filter(ProcessHandle::isAlive).map(ProcessHandle::info))
                .isEmpty();
        assertThat(ProcessHandle.of(postmaster).filter(ProcessHandle::isAlive)).isEmpty();
    }

    private static void sendMail(String to, String subject, String text, String html) throws Exception {
        Properties properties = new Properties();
        properties.put("mail.smtp.host", "127.0.0.1");
        properties.put("mail.smtp.port", Integer.toString(ports.smtp()));
        MimeMessage message = new MimeMessage(Session.getInstance(properties));
        message.setFrom(new InternetAddress("noreply@ikd.dukcapil.go.id", "IKD Dukcapil"));
        message.setRecipient(Message.RecipientType.TO, new InternetAddress(to));
        message.setSubject(subject, "UTF-8");
        MimeBodyPart textPart = new MimeBodyPart();
        textPart.setText(text, "UTF-8");
        MimeBodyPart htmlPart = new MimeBodyPart();
        htmlPart.setContent(html, "text/html; charset=UTF-8");
        message.setContent(new MimeMultipart("alternative", textPart, htmlPart));
        Transport.send(message);
    }

    private static HttpResponse<String> get(int port, String path) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static HttpResponse<String> postSms(String json) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(ports.smsUrl()))
                .header("Content-Type", "application/json")
                .header("Authorization", "Bearer local")
                .POST(HttpRequest.BodyPublishers.ofString(json)).build(), HttpResponse.BodyHandlers.ofString());
    }
}

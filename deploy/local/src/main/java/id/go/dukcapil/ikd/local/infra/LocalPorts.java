package id.go.dukcapil.ikd.local.infra;

import java.util.LinkedHashMap;
import java.util.Map;

import id.go.dukcapil.ikd.testing.FreePorts;

/**
 * The ports of the local infrastructure. {@link #standard()} is what {@code ./ikd up} uses (and
 * prints); tests take {@link #free()} ones, so that they never collide with a running suite.
 */
public record LocalPorts(int postgres, int kafka, int smtp, int imap, int mailInbox, int smsOutbox) {

    public static LocalPorts standard() {
        // 54320, not 5432: a system PostgreSQL may already run there, and the suite never uses it.
        return new LocalPorts(54320, 19092, 2525, 3143, 8025, 8026);
    }

    public static LocalPorts free() {
        return new LocalPorts(FreePorts.next(), FreePorts.next(), FreePorts.next(), FreePorts.next(),
                FreePorts.next(), FreePorts.next());
    }

    /** Each port with what listens on it, in start order (for port checks and ./ikd status). */
    public Map<String, Integer> byComponent() {
        Map<String, Integer> ports = new LinkedHashMap<>();
        ports.put("PostgreSQL", postgres);
        ports.put("Kafka", kafka);
        ports.put("SMTP", smtp);
        ports.put("IMAP", imap);
        ports.put("mail inbox", mailInbox);
        ports.put("SMS outbox", smsOutbox);
        return ports;
    }

    public String kafkaBootstrapServers() {
        return "127.0.0.1:" + kafka;
    }

    public String smsUrl() {
        return "http://127.0.0.1:" + smsOutbox + "/sms";
    }
}

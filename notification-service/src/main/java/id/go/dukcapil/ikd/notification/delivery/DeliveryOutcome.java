package id.go.dukcapil.ikd.notification.delivery;

/** What one attempt achieved. Reasons are short, machine-readable first, and free of personal data. */
public sealed interface DeliveryOutcome {

    /** Accepted by the SMTP server or the SMS gateway. */
    record Sent() implements DeliveryOutcome {
    }

    /** Worth another attempt later (server down, timeout, 4xx/5xx of a gateway under load). */
    record Transient(String reason) implements DeliveryOutcome {
    }

    /** Will never succeed for this recipient (mailbox unknown, invalid number, unusable address). */
    record Permanent(String reason) implements DeliveryOutcome {
    }

    static DeliveryOutcome sent() {
        return new Sent();
    }

    static DeliveryOutcome retry(String reason) {
        return new Transient(reason);
    }

    static DeliveryOutcome refused(String reason) {
        return new Permanent(reason);
    }
}

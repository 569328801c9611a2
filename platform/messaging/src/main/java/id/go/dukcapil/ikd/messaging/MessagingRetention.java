package id.go.dukcapil.ikd.messaging;

import java.time.Instant;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import id.go.dukcapil.ikd.messaging.RetentionPurge.Step;

/**
 * Keeps every service's outbox and inbox bounded, in batches like every other table: published
 * events (their payloads carry personal data) after {@code ikd.messaging.outbox.retention},
 * processed event ids after {@code ikd.messaging.consumer.inbox-retention}, the sealed answers to
 * requests with an Idempotency-Key after {@code ikd.messaging.idempotency.retention}. Unpublished
 * events are never deleted.
 */
@ApplicationScoped
public class MessagingRetention implements RetentionRules {

    static final String OUTBOX = """
            delete from ikd_outbox where id in (
                select id from ikd_outbox where published_at < $1 limit $2 for update skip locked)""";

    static final String INBOX = """
            delete from ikd_inbox where (consumer, event_id) in (
                select consumer, event_id from ikd_inbox where received_at < $1 limit $2 for update skip locked)""";

    static final String IDEMPOTENT_REQUESTS = """
            delete from ikd_idempotent_request where key_hash in (
                select key_hash from ikd_idempotent_request where created_at < $1 limit $2 for update skip locked)""";

    private final MessagingConfig config;

    public MessagingRetention(MessagingConfig config) {
        this.config = config;
    }

    @Override
    public List<Step> steps(Instant now) {
        return List.of(new Step("ikd_outbox", OUTBOX, now.minus(config.outbox().retention())),
                new Step("ikd_inbox", INBOX, now.minus(config.consumer().inboxRetention())),
                new Step("ikd_idempotent_request", IDEMPOTENT_REQUESTS, now.minus(config.idempotency().retention())));
    }
}

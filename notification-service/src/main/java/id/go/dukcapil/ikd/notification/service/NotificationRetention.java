package id.go.dukcapil.ikd.notification.service;

import java.time.Instant;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import id.go.dukcapil.ikd.messaging.RetentionRules;
import id.go.dukcapil.ikd.messaging.RetentionPurge.Step;
import id.go.dukcapil.ikd.notification.config.RetentionSettings;

/**
 * Deletes finished notifications (recipient address and content) after their period; pending ones
 * stay. Deletes the recipient record of a registration once no message about it can come: some
 * time after it ended or its identity was revoked, or, never activated, after activation-service
 * has let its approval go. An activated identity's recipient stays while the identity lives.
 */
@ApplicationScoped
public class NotificationRetention implements RetentionRules {

    static final String NOTIFICATIONS = """
            delete from notification where id in (
                select id from notification
                where state in ('SENT', 'FAILED', 'UNKNOWN') and updated_at < $1
                limit $2 for update skip locked)""";

    static final String ENDED_RECIPIENTS = """
            delete from recipient where registration_id in (
                select registration_id from recipient
                where ended_at < $1
                limit $2 for update skip locked)""";

    static final String NEVER_ACTIVATED_RECIPIENTS = """
            delete from recipient where registration_id in (
                select registration_id from recipient
                where activated_at is null and ended_at is null and contact_at < $1
                limit $2 for update skip locked)""";

    private final RetentionSettings settings;

    public NotificationRetention(RetentionSettings settings) {
        this.settings = settings;
    }

    @Override
    public List<Step> steps(Instant now) {
        return List.of(new Step("notification", NOTIFICATIONS, now.minus(settings.finished())),
                new Step("recipient", ENDED_RECIPIENTS, now.minus(settings.endedRecipient())),
                new Step("recipient", NEVER_ACTIVATED_RECIPIENTS, now.minus(settings.unactivatedRecipient())));
    }
}

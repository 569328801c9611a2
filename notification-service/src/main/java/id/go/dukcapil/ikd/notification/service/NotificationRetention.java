package id.go.dukcapil.ikd.notification.service;

import java.time.Instant;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import id.go.dukcapil.ikd.messaging.RetentionRules;
import id.go.dukcapil.ikd.messaging.RetentionPurge.Step;
import id.go.dukcapil.ikd.notification.config.RetentionSettings;

/** Deletes finished notifications (recipient address and content) after their period; pending ones stay. */
@ApplicationScoped
public class NotificationRetention implements RetentionRules {

    static final String NOTIFICATIONS = """
            delete from notification where id in (
                select id from notification
                where state in ('SENT', 'FAILED', 'UNKNOWN') and updated_at < $1
                limit $2 for update skip locked)""";

    private final RetentionSettings settings;

    public NotificationRetention(RetentionSettings settings) {
        this.settings = settings;
    }

    @Override
    public List<Step> steps(Instant now) {
        return List.of(new Step("notification", NOTIFICATIONS, now.minus(settings.finished())));
    }
}

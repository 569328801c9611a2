package id.go.dukcapil.ikd.registration.service;

import java.time.Instant;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import id.go.dukcapil.ikd.messaging.RetentionRules;
import id.go.dukcapil.ikd.messaging.RetentionPurge.Step;
import id.go.dukcapil.ikd.registration.config.RetentionSettings;

/**
 * Deletes registrations that ended ({@code ended} ago) with their timelines: NIK, email, phone,
 * device key and the messages' recipients go with them. Pending and approved registrations stay.
 * Moving-selfie challenges go as soon as they are used or expired.
 */
@ApplicationScoped
public class RegistrationRetention implements RetentionRules {

    private static final String ENDED = "('ACTIVATED', 'REJECTED', 'WITHDRAWN', 'EXPIRED', 'REVOKED')";

    static final String EVENTS = """
            delete from registration_event where id in (
                select e.id from registration_event e join registration r on r.id = e.registration_id
                where r.status in %s and r.updated_at < $1
                limit $2 for update of e skip locked)""".formatted(ENDED);

    static final String REGISTRATIONS = """
            delete from registration where id in (
                select r.id from registration r
                where r.status in %s and r.updated_at < $1
                  and not exists (select 1 from registration_event e where e.registration_id = r.id)
                limit $2 for update skip locked)""".formatted(ENDED);

    /** The moving selfie's challenges, once used or expired: they are single-use and hold no personal data. */
    static final String CHALLENGES = """
            delete from selfie_challenge where id in (
                select id from selfie_challenge where used_at is not null or expires_at < $1
                limit $2 for update skip locked)""";

    private final RetentionSettings settings;

    public RegistrationRetention(RetentionSettings settings) {
        this.settings = settings;
    }

    @Override
    public List<Step> steps(Instant now) {
        Instant ended = now.minus(settings.ended());
        return List.of(new Step("registration_event", EVENTS, ended),
                new Step("registration", REGISTRATIONS, ended), new Step("selfie_challenge", CHALLENGES, now));
    }
}

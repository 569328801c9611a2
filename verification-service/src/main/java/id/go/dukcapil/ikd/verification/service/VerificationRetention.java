package id.go.dukcapil.ikd.verification.service;

import java.time.Instant;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import id.go.dukcapil.ikd.messaging.RetentionRules;
import id.go.dukcapil.ikd.messaging.RetentionPurge.Step;
import id.go.dukcapil.ikd.verification.config.RetentionSettings;

/**
 * Pseudonymises closed cases and their decisions, unlinks old service-log rows from the citizen
 * and deletes expired counter codes, each after its period. Open cases are never touched. The
 * audit log is kept whole: it names cases by id only, never a NIK or name, so once the case is
 * pseudonymised the audit is too, and its hash chain stays verifiable.
 */
@ApplicationScoped
public class VerificationRetention implements RetentionRules {

    /** What a pseudonymised case holds instead of a NIK. */
    public static final String NO_NIK = "0000000000000000";

    private static final String NO_LINK = "00000000-0000-0000-0000-000000000000";

    static final String CLOSED_CASES = """
            update verification_case set nik = '%s', email = '', phone = '', device_key_jwk = '',
                device_key_thumbprint = '', selfie_sha256 = '', return_note = null
            where id in (
                select id from verification_case
                where status in ('APPROVED', 'REJECTED', 'WITHDRAWN', 'SUPERSEDED', 'ACTIVATED')
                  and coalesce(closed_at, activated_at, decided_at, opened_at) < $1 and nik <> '%s'
                limit $2 for update skip locked)""".formatted(NO_NIK, NO_NIK);

    static final String DECISION_NOTES = """
            update decision set reason_note = null, review_note = null, call_reference = null
            where id in (
                select d.id from decision d join verification_case c on c.id = d.case_id
                where c.nik = '%s' and c.status in ('APPROVED', 'REJECTED', 'WITHDRAWN', 'SUPERSEDED', 'ACTIVATED')
                  and coalesce(c.closed_at, c.activated_at, c.decided_at, c.opened_at) < $1
                  and (d.reason_note is not null or d.review_note is not null or d.call_reference is not null)
                limit $2 for update of d skip locked)""".formatted(NO_NIK);

    static final String SERVICE_LOG = """
            update service_log_entry set case_id = '%s', registration_id = '%s', note = null
            where id in (
                select id from service_log_entry where occurred_at < $1 and case_id <> '%s'
                limit $2 for update skip locked)""".formatted(NO_LINK, NO_LINK, NO_LINK);

    static final String COUNTER_CODES = """
            delete from counter_code where code_id in (
                select code_id from counter_code where expires_at < $1 limit $2 for update skip locked)""";

    static final String LOGIN_THROTTLES = """
            delete from login_throttle where username_sha256 in (
                select username_sha256 from login_throttle
                where updated_at < $1 and coalesce(locked_until, updated_at) < $1
                limit $2 for update skip locked)""";

    /**
     * A closed complaint keeps its ticket, office, category, status and times (the recap counts them),
     * and loses what names or reaches the citizen: text, contact, registration reference, answer and
     * the office's notes. The check that a complaint has a contact is met by an empty email.
     */
    static final String CLOSED_COMPLAINTS = """
            update complaint set body = '', email = '', phone = null, registration_reference = null, answer = ''
            where id in (
                select id from complaint where status = 'CLOSED' and closed_at < $1 and body <> ''
                limit $2 for update skip locked)""";

    static final String COMPLAINT_NOTES = """
            update complaint_note set note = null
            where id in (
                select n.id from complaint_note n join complaint c on c.id = n.complaint_id
                where c.status = 'CLOSED' and c.closed_at < $1 and n.note is not null
                limit $2 for update of n skip locked)""";

    static final String SPENT_CAPTCHAS = """
            delete from complaint_captcha_used where challenge in (
                select challenge from complaint_captcha_used where expires_at < $1 limit $2 for update skip locked)""";

    /** What reached the citizen, as the case page showed it: gone when the case's personal data goes. */
    static final String DELIVERIES = """
            delete from message_delivery where notification_id in (
                select notification_id from message_delivery where last_at < $1 limit $2 for update skip locked)""";

    private final RetentionSettings settings;

    public VerificationRetention(RetentionSettings settings) {
        this.settings = settings;
    }

    @Override
    public List<Step> steps(Instant now) {
        Instant closed = now.minus(settings.closedCase());
        Instant expired = now.minus(settings.expiredCodes());
        return List.of(new Step("verification_case", CLOSED_CASES, closed),
                new Step("decision", DECISION_NOTES, closed),
                new Step("service_log_entry", SERVICE_LOG, now.minus(settings.serviceLogLink())),
                new Step("counter_code", COUNTER_CODES, expired),
                new Step("login_throttle", LOGIN_THROTTLES, expired),
                new Step("complaint", CLOSED_COMPLAINTS, closed),
                new Step("complaint_note", COMPLAINT_NOTES, closed),
                new Step("complaint_captcha_used", SPENT_CAPTCHAS, now),
                new Step("message_delivery", DELIVERIES, closed));
    }
}

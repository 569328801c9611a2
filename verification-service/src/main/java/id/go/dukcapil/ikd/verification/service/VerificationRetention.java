package id.go.dukcapil.ikd.verification.service;

import java.time.Instant;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import id.go.dukcapil.ikd.messaging.RetentionRules;
import id.go.dukcapil.ikd.messaging.RetentionPurge.Step;
import id.go.dukcapil.ikd.verification.config.RetentionSettings;

/**
 * Pseudonymises closed cases and their decisions (deleting their video calls), unlinks old
 * service-log rows from the citizen, closes and empties complaints left open, and deletes expired
 * counter codes, each after its period. Open cases are never touched. The
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

    /**
     * A complaint left open: its purpose (handling it) ends with {@code open-complaint} after filing. The
     * office's notes go first, then the complaint is closed with a fixed answer saying why and emptied as
     * a closed one is (text, contact, reference), with a line in its history; the recap still counts it.
     */
    static final String OPEN_COMPLAINT_NOTES = """
            update complaint_note set note = null
            where id in (
                select n.id from complaint_note n join complaint c on c.id = n.complaint_id
                where c.status <> 'CLOSED' and c.filed_at < $1 and n.note is not null
                limit $2 for update of n skip locked)""";

    static final String OPEN_COMPLAINTS = """
            with closed as (
                update complaint set status = 'CLOSED', body = '', email = '', phone = null,
                    registration_reference = null, answer = '%s', closed_at = now(), updated_at = now()
                where id in (
                    select id from complaint where status <> 'CLOSED' and filed_at < $1
                    limit $2 for update skip locked)
                returning id)
            insert into complaint_note (complaint_id, author, status, note, at)
            select id, 'sistem', 'CLOSED', null, now() from closed""";

    /** The answer the office's portal shows for a complaint closed by {@link #OPEN_COMPLAINTS} (no quote in it). */
    static String lapsedAnswer(long days) {
        return "Ditutup otomatis: aduan tidak diselesaikan dalam " + days + " hari sejak diajukan, dan isi serta "
                + "kontaknya dihapus. Warga dapat mengajukan aduan baru. / Closed automatically: the complaint "
                + "was not resolved within " + days + " days of filing, and its text and contact were erased. The "
                + "citizen may file a new complaint.";
    }

    /**
     * A video call's row (times, who answered, consents, the token's hash) and, by cascade, its signals
     * and stills: deleted once its case is pseudonymised (by {@code closed-case}, or at once on the
     * citizen's withdrawal). The buku pelayanan keeps the call's line, unlinked on its own schedule.
     * $1 is "now".
     */
    static final String CALLS_OF_PSEUDONYMISED_CASES = """
            delete from video_call where id in (
                select v.id from video_call v join verification_case c on c.id = v.case_id
                where c.nik = '%s' and v.status = 'ENDED' and v.requested_at < $1
                limit $2 for update of v skip locked)""".formatted(NO_NIK);

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
        Instant lapsed = now.minus(settings.openComplaint());
        String closeLapsed = OPEN_COMPLAINTS.formatted(lapsedAnswer(settings.openComplaint().toDays()));
        return List.of(new Step("verification_case", CLOSED_CASES, closed),
                new Step("decision", DECISION_NOTES, closed),
                new Step("video_call", CALLS_OF_PSEUDONYMISED_CASES, now),
                new Step("service_log_entry", SERVICE_LOG, now.minus(settings.serviceLogLink())),
                new Step("counter_code", COUNTER_CODES, expired),
                new Step("login_throttle", LOGIN_THROTTLES, expired),
                new Step("complaint", CLOSED_COMPLAINTS, closed),
                new Step("complaint_note", COMPLAINT_NOTES, closed),
                new Step("complaint_note", OPEN_COMPLAINT_NOTES, lapsed),
                new Step("complaint", closeLapsed, lapsed),
                new Step("complaint_captcha_used", SPENT_CAPTCHAS, now),
                new Step("message_delivery", DELIVERIES, closed));
    }
}

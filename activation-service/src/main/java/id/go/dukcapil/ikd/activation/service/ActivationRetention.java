package id.go.dukcapil.ikd.activation.service;

import java.time.Instant;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import id.go.dukcapil.ikd.activation.config.RetentionSettings;
import id.go.dukcapil.ikd.messaging.RetentionRules;
import id.go.dukcapil.ikd.messaging.RetentionPurge.Step;

/**
 * Deletes expired credentials and never-activated approvals, and pseudonymises revoked identities
 * and their approvals, each after its period. Active identities are never touched.
 */
@ApplicationScoped
public class ActivationRetention implements RetentionRules {

    static final String EXPIRED_CODES = """
            delete from activation_code where id in (
                select id from activation_code where expires_at < $1 limit $2 for update skip locked)""";

    static final String EXPIRED_REFRESH_TOKENS = """
            delete from refresh_token where id in (
                select id from refresh_token where expires_at < $1 limit $2 for update skip locked)""";

    static final String EXPIRED_DEACTIVATION_LINKS = """
            delete from deactivation_request where id in (
                select id from deactivation_request where expires_at < $1 limit $2 for update skip locked)""";

    static final String UNACTIVATED_CODES = """
            delete from activation_code where id in (
                select c.id from activation_code c join approval a on a.registration_id = c.registration_id
                where a.approved_at < $1
                  and not exists (select 1 from identity i where i.registration_id = a.registration_id)
                limit $2 for update of c skip locked)""";

    static final String UNACTIVATED_APPROVALS = """
            delete from approval where registration_id in (
                select a.registration_id from approval a
                where a.approved_at < $1
                  and not exists (select 1 from identity i where i.registration_id = a.registration_id)
                  and not exists (select 1 from activation_code c where c.registration_id = a.registration_id)
                limit $2 for update skip locked)""";

    /** Every registry attribute column of {@code approval}, emptied. */
    private static final String ERASED_ATTRIBUTES = """
            full_name = null, birth_place = null, birth_date = null, sex = null, address = null, rt_rw = null,
                village_name = null, district_code = null, district_name = null, regency_name = null,
                province_name = null, ktp_el_status = null, photo_sha256 = null""";

    static final String REVOKED_IDENTITIES = """
            update identity set nik = '', device_key_jwk = '', device_key_thumbprint = '', app_pin_hash = null
            where id in (
                select id from identity where revoked_at < $1 and nik <> ''
                limit $2 for update skip locked)""";

    static final String APPROVALS_OF_REVOKED = """
            update approval set nik = '', device_key_jwk = '', email = '', phone = '',
                """ + ERASED_ATTRIBUTES + """

            where registration_id in (
                select a.registration_id from approval a join identity i on i.registration_id = a.registration_id
                where i.revoked_at < $1 and a.nik <> ''
                limit $2 for update of a skip locked)""";

    static final String WITHDRAWALS = """
            delete from registration_withdrawal where registration_id in (
                select registration_id from registration_withdrawal where recorded_at < $1
                limit $2 for update skip locked)""";

    /** Hashes of a contact no approval uses: the registration was never approved, or its approval lapsed. */
    static final String UNUSED_CONTACT_DIGESTS = """
            delete from contact_digest where registration_id in (
                select d.registration_id from contact_digest d
                where d.contact_at < $1
                  and not exists (select 1 from approval a where a.registration_id = d.registration_id)
                limit $2 for update skip locked)""";

    static final String CONTACT_DIGESTS_OF_REVOKED = """
            delete from contact_digest where registration_id in (
                select d.registration_id from contact_digest d join identity i on i.registration_id = d.registration_id
                where i.revoked_at < $1
                limit $2 for update of d skip locked)""";

    private final RetentionSettings settings;

    public ActivationRetention(RetentionSettings settings) {
        this.settings = settings;
    }

    @Override
    public List<Step> steps(Instant now) {
        Instant expired = now.minus(settings.expiredCredentials());
        Instant unactivated = now.minus(settings.unactivatedApproval());
        Instant revoked = now.minus(settings.revokedIdentity());
        return List.of(new Step("activation_code", EXPIRED_CODES, expired),
                new Step("refresh_token", EXPIRED_REFRESH_TOKENS, expired),
                new Step("deactivation_request", EXPIRED_DEACTIVATION_LINKS, expired),
                new Step("activation_code", UNACTIVATED_CODES, unactivated),
                new Step("approval", UNACTIVATED_APPROVALS, unactivated),
                new Step("identity", REVOKED_IDENTITIES, revoked),
                new Step("approval", APPROVALS_OF_REVOKED, revoked),
                new Step("contact_digest", UNUSED_CONTACT_DIGESTS, unactivated),
                new Step("contact_digest", CONTACT_DIGESTS_OF_REVOKED, revoked),
                new Step("registration_withdrawal", WITHDRAWALS, now.minus(settings.withdrawal())));
    }
}

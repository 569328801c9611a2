package id.go.dukcapil.ikd.token.service;

import java.time.Instant;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import id.go.dukcapil.ikd.messaging.RetentionRules;
import id.go.dukcapil.ikd.messaging.RetentionPurge.Step;
import id.go.dukcapil.ikd.token.config.RetentionSettings;

/** Pseudonymises revoked identities and deletes old single uses and verification records, each after its period. */
@ApplicationScoped
public class TokenRetention implements RetentionRules {

    static final String REVOKED_IDENTITIES = """
            update identity set full_name = null, nik_masked = null, birth_date = null, photo_sha256 = null
            where identity_id in (
                select identity_id from identity
                where revoked_at < $1
                  and (full_name is not null or nik_masked is not null or birth_date is not null
                       or photo_sha256 is not null)
                limit $2 for update skip locked)""";

    static final String VERIFICATIONS = """
            delete from used_qr_token where jti in (
                select jti from used_qr_token where used_at < $1 limit $2 for update skip locked)""";

    static final String VERIFICATION_RECORDS = """
            delete from verification_record where reference in (
                select reference from verification_record where verified_at < $1 limit $2 for update skip locked)""";

    private final RetentionSettings settings;

    public TokenRetention(RetentionSettings settings) {
        this.settings = settings;
    }

    @Override
    public List<Step> steps(Instant now) {
        return List.of(new Step("identity", REVOKED_IDENTITIES, now.minus(settings.revokedIdentity())),
                new Step("used_qr_token", VERIFICATIONS, now.minus(settings.verificationLog())),
                new Step("verification_record", VERIFICATION_RECORDS, now.minus(settings.verificationLog())));
    }
}

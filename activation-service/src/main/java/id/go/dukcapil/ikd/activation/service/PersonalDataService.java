package id.go.dukcapil.ikd.activation.service;

import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

import id.go.dukcapil.ikd.activation.config.RetentionSettings;
import id.go.dukcapil.ikd.activation.domain.Approval;
import id.go.dukcapil.ikd.activation.domain.Identity;
import id.go.dukcapil.ikd.activation.domain.RefreshToken;
import id.go.dukcapil.ikd.activation.mapping.EventMapper;
import id.go.dukcapil.ikd.activation.repository.ApprovalRepository;
import id.go.dukcapil.ikd.activation.repository.IdentityRepository;
import id.go.dukcapil.ikd.activation.repository.RefreshTokenRepository;
import id.go.dukcapil.ikd.events.EventJson;
import id.go.dukcapil.ikd.events.OfficeContact;
import id.go.dukcapil.ikd.web.Masking;
import id.go.dukcapil.ikd.web.ProblemException;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;

/**
 * The citizen's right of access (UU PDP art. 7) to what activation-service holds about their
 * identity: the registry attributes, the bound device, the app's sessions, the contacts the PIN
 * went to. Never the app PIN's hash or a token: only whether a PIN is set and locked.
 */
@ApplicationScoped
public class PersonalDataService {

    private static final ObjectMapper JSON = EventJson.newObjectMapper();
    private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() {
    };

    private final IdentityRepository identities;
    private final ApprovalRepository approvals;
    private final RefreshTokenRepository refreshTokens;
    private final RetentionSettings retention;
    private final Clock clock;

    public PersonalDataService(IdentityRepository identities, ApprovalRepository approvals,
            RefreshTokenRepository refreshTokens, RetentionSettings retention, Clock clock) {
        this.identities = identities;
        this.approvals = approvals;
        this.refreshTokens = refreshTokens;
        this.retention = retention;
        this.clock = clock;
    }

    /** A session of the app: a live refresh token, bound to the device key it was issued to. */
    public record AppSession(Instant issuedAt, Instant expiresAt, String deviceKeyThumbprint) {
    }

    /**
     * @param attributes  the registry attributes, the NIK masked (the full NIK is on the KTP-el)
     * @param pseudonymisedAt when the retention job reduces the identity to a stub; null while active
     */
    public record Held(String subject, String status, Instant activatedAt, Instant revokedAt, String revocationReason,
            Map<String, Object> attributes, String deviceKeyThumbprint, boolean appPinSet, int appPinFailures,
            boolean appPinLocked, List<AppSession> sessions, String email, String phone, String language,
            OfficeContact office, Instant pseudonymisedAt) {
    }

    public Uni<Held> held(String subject) {
        Instant now = clock.instant();
        return Panache.withSession(() -> identities.findBySubject(subject).chain(identity -> {
            if (identity == null) {
                throw new ProblemException(ActivationProblems.IDENTITY_NOT_ACTIVE);
            }
            return approvals.findById(identity.registrationId).chain(approval -> refreshTokens
                    .list("identityId = ?1 and usedAt is null and expiresAt > ?2 order by issuedAt", identity.id, now)
                    .map(tokens -> of(identity, approval, tokens)));
        }));
    }

    private Held of(Identity identity, Approval approval, List<RefreshToken> tokens) {
        Map<String, Object> attributes = approval == null || approval.attributes == null ? new LinkedHashMap<>()
                : JSON.convertValue(EventMapper.attributes(approval), MAP);
        attributes.put("nik", Masking.nik(identity.nik));
        return new Held(identity.subject, identity.status.name(), identity.activatedAt, identity.revokedAt,
                identity.revocationReason == null ? null : identity.revocationReason.name(), attributes,
                identity.deviceKeyThumbprint, identity.appPinHash != null, identity.appPinFailures,
                identity.appPinLocked,
                tokens.stream().map(t -> new AppSession(t.issuedAt, t.expiresAt, t.deviceKeyThumbprint)).toList(),
                approval == null ? null : approval.email, approval == null ? null : approval.phone,
                approval == null ? null : approval.language, approval == null ? null : EventMapper.office(approval),
                identity.revokedAt == null ? null : identity.revokedAt.plus(retention.revokedIdentity()));
    }
}

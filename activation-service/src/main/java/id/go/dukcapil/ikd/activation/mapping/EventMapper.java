package id.go.dukcapil.ikd.activation.mapping;

import java.time.Instant;
import java.util.UUID;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import id.go.dukcapil.ikd.activation.domain.ActivationCode;
import id.go.dukcapil.ikd.activation.domain.Approval;
import id.go.dukcapil.ikd.activation.domain.Identity;
import id.go.dukcapil.ikd.events.ActivationCodeIssued;
import id.go.dukcapil.ikd.events.EventJson;
import id.go.dukcapil.ikd.events.IdentityActivated;
import id.go.dukcapil.ikd.events.IdentityRevoked;
import id.go.dukcapil.ikd.events.OfficeContact;
import id.go.dukcapil.ikd.events.RevocationReason;
import id.go.dukcapil.ikd.events.VerificationDecided;
import id.go.dukcapil.ikd.events.VerifiedAttributes;

/** Entities never leave the service: this turns them into events (and event parts into columns). */
public final class EventMapper {

    private static final ObjectMapper JSON = EventJson.newObjectMapper();

    private EventMapper() {
    }

    public static Approval toApproval(VerificationDecided decided) {
        Approval approval = new Approval();
        approval.registrationId = decided.registrationId();
        approval.caseId = decided.caseId();
        approval.nik = decided.attributes().nik();
        approval.attributesJson = write(decided.attributes());
        approval.deviceKeyJwk = decided.deviceKeyJwk();
        approval.email = decided.email();
        approval.phone = decided.phone();
        approval.language = decided.language();
        approval.officeJson = write(decided.office());
        approval.approvedAt = decided.decidedAt();
        return approval;
    }

    public static ActivationCodeIssued codeIssued(Approval approval, ActivationCode code, String sealedSecrets) {
        return new ActivationCodeIssued(approval.registrationId, code.id, sealedSecrets, code.expiresAt, code.sequence,
                approval.email, approval.phone, approval.language, office(approval));
    }

    public static IdentityActivated activated(Identity identity, Approval approval) {
        return new IdentityActivated(identity.id, identity.registrationId, identity.subject, attributes(identity),
                identity.deviceKeyThumbprint, identity.activatedAt, approval.email, approval.phone, approval.language,
                office(approval));
    }

    /** The revoked identity's own registration's contacts: the citizen hears of it where they registered it. */
    public static IdentityRevoked revoked(Identity identity, Approval approval, RevocationReason reason,
            UUID replacedBy, Instant revokedAt) {
        return new IdentityRevoked(identity.id, identity.registrationId, identity.subject, reason, replacedBy,
                revokedAt, approval.email, approval.phone, approval.language, office(approval));
    }

    public static VerifiedAttributes attributes(Identity identity) {
        return read(identity.attributesJson, VerifiedAttributes.class);
    }

    public static VerifiedAttributes attributes(Approval approval) {
        return read(approval.attributesJson, VerifiedAttributes.class);
    }

    public static OfficeContact office(Approval approval) {
        return read(approval.officeJson, OfficeContact.class);
    }

    private static String write(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot store " + value.getClass().getSimpleName(), e);
        }
    }

    private static <T> T read(String json, Class<T> type) {
        try {
            return JSON.readValue(json, type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored " + type.getSimpleName() + " is unreadable", e);
        }
    }
}

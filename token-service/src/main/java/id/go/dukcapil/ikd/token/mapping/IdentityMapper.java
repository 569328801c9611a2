package id.go.dukcapil.ikd.token.mapping;

import id.go.dukcapil.ikd.events.IdentityActivated;
import id.go.dukcapil.ikd.events.IdentityActivatedV2;
import id.go.dukcapil.ikd.events.IdentityRevokedV2;
import id.go.dukcapil.ikd.token.domain.Identity;
import id.go.dukcapil.ikd.web.Masking;

/** Events to the identity projection: only what a QR token shows, the NIK masked. */
public final class IdentityMapper {

    private IdentityMapper() {
    }

    /**
     * A {@code .v1} still in flight, read as the {@code .v2} it would have been: the NIK masked at
     * once, the contact and the other attributes left behind.
     */
    public static IdentityActivatedV2 trimmed(IdentityActivated event) {
        return event.withoutContact(Masking.nik(event.attributes().nik()));
    }

    public static void activate(Identity identity, IdentityActivatedV2 event) {
        identity.identityId = event.identityId();
        identity.subject = event.subject();
        identity.registrationId = event.registrationId();
        identity.fullName = event.fullName();
        identity.nikMasked = event.nikMasked();
        identity.birthDate = event.birthDate();
        identity.photoSha256 = event.photoSha256();
        identity.activatedAt = event.activatedAt();
        identity.officeCode = event.office().officeCode();
        identity.officeName = event.office().name();
    }

    public static Identity tombstone(IdentityRevokedV2 event) {
        Identity identity = new Identity();
        identity.identityId = event.identityId();
        identity.subject = event.subject();
        identity.registrationId = event.registrationId();
        return identity;
    }
}

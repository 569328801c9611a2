package id.go.dukcapil.ikd.token.mapping;

import id.go.dukcapil.ikd.events.IdentityActivated;
import id.go.dukcapil.ikd.events.IdentityRevoked;
import id.go.dukcapil.ikd.token.domain.Identity;
import id.go.dukcapil.ikd.web.Masking;

/** Events to the identity projection: only what a QR token shows, the NIK masked. */
public final class IdentityMapper {

    private IdentityMapper() {
    }

    public static void activate(Identity identity, IdentityActivated event) {
        identity.identityId = event.identityId();
        identity.subject = event.subject();
        identity.registrationId = event.registrationId();
        identity.fullName = event.attributes().fullName();
        identity.nikMasked = Masking.nik(event.attributes().nik());
        identity.birthDate = event.attributes().birthDate();
        identity.photoSha256 = event.attributes().photoSha256();
        identity.activatedAt = event.activatedAt();
        identity.officeCode = event.office().officeCode();
        identity.officeName = event.office().name();
    }

    public static Identity tombstone(IdentityRevoked event) {
        Identity identity = new Identity();
        identity.identityId = event.identityId();
        identity.subject = event.subject();
        identity.registrationId = event.registrationId();
        return identity;
    }
}

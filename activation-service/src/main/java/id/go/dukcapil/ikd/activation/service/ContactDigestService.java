package id.go.dukcapil.ikd.activation.service;

import java.time.Clock;
import java.time.Instant;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import id.go.dukcapil.ikd.activation.crypto.ContactDigests;
import id.go.dukcapil.ikd.activation.domain.Approval;
import id.go.dukcapil.ikd.activation.repository.ContactDigestRepository;
import id.go.dukcapil.ikd.events.ContactCorrected;
import id.go.dukcapil.ikd.events.RegistrationSubmitted;
import io.smallrye.mutiny.Uni;

/**
 * Keeps, per registration, keyed hashes of the email and phone the citizen gave at submission or
 * at a correction (the newer one), never the contact itself: a self-deactivation request is
 * matched against them ({@link #matches}) when the approval came without contact
 * (verification.decided.v2). Recording runs inside the idempotent consumer's transaction.
 */
@ApplicationScoped
public class ContactDigestService {

    private final ContactDigestRepository repository;
    private final ContactDigests digests;
    private final Clock clock;

    public ContactDigestService(ContactDigestRepository repository, ContactDigests digests, Clock clock) {
        this.repository = repository;
        this.digests = digests;
        this.clock = clock;
    }

    public Uni<Void> onSubmitted(RegistrationSubmitted event) {
        return record(event.registrationId(), event.email(), event.phone(), event.submittedAt());
    }

    public Uni<Void> onCorrected(ContactCorrected event) {
        return record(event.registrationId(), event.email(), event.phone(), event.correctedAt());
    }

    private Uni<Void> record(UUID registrationId, String email, String phone, Instant contactAt) {
        return repository.record(registrationId, digests.email(email), digests.phone(phone), contactAt, clock.instant())
                .replaceWithVoid();
    }

    /**
     * An approval from {@code .v1} kept the contact it carried; one from {@code .v2} kept none, and
     * the registration's keyed hashes (from its submission or correction) are compared instead.
     */
    public Uni<Boolean> matches(Approval approval, String email, String phone) {
        if (approval == null || email == null || phone == null) {
            return Uni.createFrom().item(false);
        }
        if (approval.email != null) {
            return Uni.createFrom().item(ContactDigests.normalEmail(approval.email).equals(ContactDigests.normalEmail(email))
                    && ContactDigests.normalPhone(approval.phone).equals(ContactDigests.normalPhone(phone)));
        }
        return repository.findById(approval.registrationId).map(digest -> digest != null
                && digests.emailMatches(email, digest.emailHash) && digests.phoneMatches(phone, digest.phoneHash));
    }
}

package id.go.dukcapil.ikd.activation.service;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.jboss.logging.Logger;

import id.go.dukcapil.ikd.activation.domain.Identity;
import id.go.dukcapil.ikd.activation.mapping.EventMapper;
import id.go.dukcapil.ikd.activation.repository.ApprovalRepository;
import id.go.dukcapil.ikd.activation.repository.IdentityRepository;
import id.go.dukcapil.ikd.events.OfficeContact;
import id.go.dukcapil.ikd.events.VerifiedAttributes;
import id.go.dukcapil.ikd.web.ProblemException;
import id.go.dukcapil.ikd.web.RegistryPhotoClient;
import id.go.dukcapil.ikd.web.RegistryPhotoRequests;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;

/**
 * The citizen's KTP Digital card (SOP step 6), for their own session only: the registry's
 * attributes as the operator confirmed them, the issuing office, the activation and the device.
 * The registry photo is fetched from verification-service with a photo grant and given only when
 * it has the digest the verified attributes carry; it is not stored here.
 */
@ApplicationScoped
public class CitizenCardService {

    private static final Logger LOG = Logger.getLogger(CitizenCardService.class);

    /** What the card shows; {@code office} may lack a time zone (approvals before it was sent). */
    public record Card(Identity identity, VerifiedAttributes attributes, OfficeContact office) {
    }

    public record Photo(String contentType, byte[] content) {
    }

    private final IdentityRepository identities;
    private final ApprovalRepository approvals;
    private final RegistryPhotoClient photos;

    public CitizenCardService(IdentityRepository identities, ApprovalRepository approvals,
            @RestClient RegistryPhotoClient photos) {
        this.identities = identities;
        this.approvals = approvals;
        this.photos = photos;
    }

    /** The card of the session's subject; 403 IDENTITY_NOT_ACTIVE once it is revoked. */
    public Uni<Card> card(String subject) {
        return Panache.withSession(() -> identities.findBySubject(subject).chain(identity -> {
            if (identity == null || !identity.active()) {
                throw new ProblemException(ActivationProblems.IDENTITY_NOT_ACTIVE);
            }
            return approvals.findById(identity.registrationId).map(approval -> new Card(identity,
                    EventMapper.attributes(approval), EventMapper.office(approval)));
        }));
    }

    /** The registry photo of the session's identity; empty when verification-service has none or it does not match. */
    public Uni<Optional<Photo>> photo(String subject) {
        return card(subject).chain(card -> {
            String expected = card.attributes().photoSha256();
            if (expected == null) {
                return Uni.createFrom().item(Optional.<Photo>empty());
            }
            return photos.photo(card.identity().registrationId, RegistryPhotoRequests.grant(card.identity().subject,
                    card.identity().registrationId, "citizen-card", Instant.now()))
                    .ifNoItem().after(Duration.ofSeconds(5)).fail()
                    .map(response -> {
                        Optional<Photo> photo = RegistryPhotoRequests.accepted(response, expected)
                                .map(p -> new Photo(p.mediaType(), p.content()));
                        if (photo.isEmpty()) {
                            LOG.warnf("card photo of identity %s refused: verification-service answered %d, not an image "
                                    + "of the verified digest", card.identity().id, response.getStatus());
                        }
                        return photo;
                    })
                    .onFailure().recoverWithItem(e -> {
                        LOG.warnf("card photo of identity %s unavailable: %s", card.identity().id, e.getClass().getSimpleName());
                        return Optional.empty();
                    });
        });
    }
}

package id.go.dukcapil.ikd.activation.service;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import id.go.dukcapil.ikd.activation.config.ActivationConfig;
import id.go.dukcapil.ikd.activation.crypto.KeyedHasher;
import id.go.dukcapil.ikd.activation.crypto.SecretGenerator;
import id.go.dukcapil.ikd.activation.crypto.SecretSealer;
import id.go.dukcapil.ikd.activation.domain.Approval;
import id.go.dukcapil.ikd.activation.domain.DeactivationRequest;
import id.go.dukcapil.ikd.activation.domain.Identity;
import id.go.dukcapil.ikd.activation.repository.ApprovalRepository;
import id.go.dukcapil.ikd.activation.repository.DeactivationRequestRepository;
import id.go.dukcapil.ikd.activation.repository.IdentityRepository;
import id.go.dukcapil.ikd.events.RevocationReason;
import id.go.dukcapil.ikd.messaging.Outbox;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;

/**
 * Self-deactivation from another device (a lost phone): the citizen names their NIK, email and
 * phone; when they match an active identity a single-use link goes to that email and phone
 * (DeactivationLinkIssued, sealed for the notifier), and opening it ends the identity as the
 * citizen's own request (IdentityRevoked CITIZEN_REQUEST, which token-service already honours).
 * Every request gets the same answer, so nobody learns whether a NIK has an IKD.
 */
@ApplicationScoped
public class DeactivationService {

    private static final Logger LOG = Logger.getLogger(DeactivationService.class);
    private static final Duration WINDOW = Duration.ofHours(24);

    /** What a confirmation found. */
    public enum Outcome { DONE, USED, EXPIRED, UNKNOWN, INACTIVE }

    /** What the page shows for a link before the citizen confirms. */
    public record LinkState(Outcome state, Instant expiresAt) {
    }

    private final IdentityRepository identities;
    private final ApprovalRepository approvals;
    private final DeactivationRequestRepository requests;
    private final IdentityService identityService;
    private final SecretGenerator secrets;
    private final KeyedHasher hasher;
    private final SecretSealer sealer;
    private final Outbox outbox;
    private final PublishedEvents events;
    private final ActivationConfig config;
    private final Clock clock;
    private final ContactDigestService contacts;

    public DeactivationService(IdentityRepository identities, ApprovalRepository approvals,
            DeactivationRequestRepository requests, IdentityService identityService, SecretGenerator secrets,
            KeyedHasher hasher, SecretSealer sealer, Outbox outbox, PublishedEvents events, ActivationConfig config,
            Clock clock, ContactDigestService contacts) {
        this.contacts = contacts;
        this.identities = identities;
        this.approvals = approvals;
        this.requests = requests;
        this.identityService = identityService;
        this.secrets = secrets;
        this.hasher = hasher;
        this.sealer = sealer;
        this.outbox = outbox;
        this.events = events;
        this.config = config;
        this.clock = clock;
    }

    /** Sends a link when NIK, email and phone match an active identity; otherwise nothing, answered alike. */
    public Uni<Void> request(String nik, String email, String phone) {
        Instant now = clock.instant();
        return Panache.withTransaction(() -> identities.findActiveByNik(nik).chain(identity -> identity == null
                ? Uni.createFrom().voidItem()
                : approvals.findById(identity.registrationId).chain(approval -> contacts.matches(approval, email, phone)
                        .chain(match -> {
                    if (!match) {
                        LOG.infof("deactivation link for identity %s not sent: contacts do not match", identity.id);
                        return Uni.createFrom().voidItem();
                    }
                    return requests.countSince(identity.id, now.minus(WINDOW)).chain(sent -> {
                        if (sent >= config.citizen().maxDeactivationLinksPerDay()) {
                            LOG.infof("deactivation link for identity %s not sent: daily limit reached", identity.id);
                            return Uni.createFrom().voidItem();
                        }
                        return issue(identity, approval, now);
                    });
                }))));
    }


    private Uni<Void> issue(Identity identity, Approval approval, Instant now) {
        String token = secrets.linkToken();
        DeactivationRequest request = new DeactivationRequest();
        request.id = UUID.randomUUID();
        request.identityId = identity.id;
        request.tokenHash = hasher.hash(KeyedHasher.DEACTIVATION_LINK, token);
        request.requestedAt = now;
        request.expiresAt = now.plus(config.citizen().deactivationLinkValidity());
        return requests.persist(request)
                .chain(() -> outbox.append(events.deactivationLinkIssued(identity, approval, request,
                        sealer.sealDeactivationLink(link(token)))))
                .invoke(() -> LOG.infof("deactivation link %s issued for identity %s", request.id, identity.id))
                .replaceWithVoid();
    }

    public Uni<LinkState> linkState(String token) {
        if (token == null || token.isBlank()) {
            return Uni.createFrom().item(new LinkState(Outcome.UNKNOWN, null));
        }
        Instant now = clock.instant();
        return Panache.withSession(() -> requests.findByHash(hasher.hash(KeyedHasher.DEACTIVATION_LINK, token))
                .chain(request -> request == null ? Uni.createFrom().item(new LinkState(Outcome.UNKNOWN, null))
                        : identities.findById(request.identityId).map(identity -> new LinkState(
                                state(request, identity, now), request.expiresAt))));
    }

    /** What confirming did: DONE with the revocation, or why not. */
    public record Confirmation(Outcome outcome, Instant revokedAt) {
    }

    /** Opening the link and confirming: the identity ends, once. */
    public Uni<Confirmation> confirm(String token) {
        Instant now = clock.instant();
        if (token == null || token.isBlank()) {
            return Uni.createFrom().item(new Confirmation(Outcome.UNKNOWN, null));
        }
        return Panache.withTransaction(() -> requests.lockByHash(hasher.hash(KeyedHasher.DEACTIVATION_LINK, token))
                .chain(request -> request == null ? Uni.createFrom().item(new Confirmation(Outcome.UNKNOWN, null))
                        : identities.lock(request.identityId).chain(identity -> {
                            Outcome state = state(request, identity, now);
                            if (state != Outcome.DONE) {
                                return Uni.createFrom().item(new Confirmation(state, null));
                            }
                            request.usedAt = now;
                            LOG.infof("identity %s deactivated by the citizen through link %s", identity.id, request.id);
                            return identityService.revoke(identity, RevocationReason.CITIZEN_REQUEST, null)
                                    .replaceWith(() -> new Confirmation(Outcome.DONE, identity.revokedAt));
                        })));
    }

    /** DONE here means "may be confirmed now". */
    private static Outcome state(DeactivationRequest request, Identity identity, Instant now) {
        if (request.usedAt != null) {
            return Outcome.USED;
        }
        if (!now.isBefore(request.expiresAt)) {
            return Outcome.EXPIRED;
        }
        return identity == null || !identity.active() ? Outcome.INACTIVE : Outcome.DONE;
    }

    private String link(String token) {
        String base = config.publicUrl().endsWith("/")
                ? config.publicUrl().substring(0, config.publicUrl().length() - 1)
                : config.publicUrl();
        return base + "/deactivate?t=" + token;
    }

}

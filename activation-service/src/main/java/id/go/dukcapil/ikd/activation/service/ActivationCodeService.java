package id.go.dukcapil.ikd.activation.service;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.UUID;
import java.util.function.Consumer;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import id.go.dukcapil.ikd.activation.config.ActivationConfig;
import id.go.dukcapil.ikd.activation.crypto.DeviceKeys;
import id.go.dukcapil.ikd.activation.crypto.KeyedHasher;
import id.go.dukcapil.ikd.activation.crypto.SecretGenerator;
import id.go.dukcapil.ikd.activation.crypto.SecretSealer;
import id.go.dukcapil.ikd.activation.domain.ActivationCode;
import id.go.dukcapil.ikd.activation.domain.Approval;
import id.go.dukcapil.ikd.activation.domain.CodeStatus;
import id.go.dukcapil.ikd.activation.mapping.EventMapper;
import id.go.dukcapil.ikd.activation.repository.ActivationCodeRepository;
import id.go.dukcapil.ikd.activation.repository.ApprovalRepository;
import id.go.dukcapil.ikd.activation.repository.IdentityRepository;
import id.go.dukcapil.ikd.activation.repository.WithdrawalRepository;
import id.go.dukcapil.ikd.events.ContactCorrected;
import id.go.dukcapil.ikd.events.CardApproved;
import id.go.dukcapil.ikd.events.VerificationDecided;
import id.go.dukcapil.ikd.events.VerificationDecidedV2;
import id.go.dukcapil.ikd.messaging.Outbox;
import id.go.dukcapil.ikd.messaging.PoisonEventException;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;

/**
 * Issues activation codes: the first on approval, later ones on resend. The PIN and the link
 * token exist in clear only inside the sealed JWE for the notifier; the database keeps keyed hashes.
 */
@ApplicationScoped
public class ActivationCodeService {

    private static final Logger LOG = Logger.getLogger(ActivationCodeService.class);

    private final ApprovalRepository approvals;
    private final ActivationCodeRepository codes;
    private final IdentityRepository identities;
    private final WithdrawalRepository withdrawals;
    private final SecretGenerator secrets;
    private final KeyedHasher hasher;
    private final SecretSealer sealer;
    private final Outbox outbox;
    private final PublishedEvents events;
    private final ActivationConfig config;
    private final Clock clock;

    public ActivationCodeService(ApprovalRepository approvals, ActivationCodeRepository codes,
            IdentityRepository identities, WithdrawalRepository withdrawals, SecretGenerator secrets,
            KeyedHasher hasher, SecretSealer sealer, Outbox outbox, PublishedEvents events, ActivationConfig config, Clock clock) {
        this.approvals = approvals;
        this.codes = codes;
        this.identities = identities;
        this.withdrawals = withdrawals;
        this.secrets = secrets;
        this.hasher = hasher;
        this.sealer = sealer;
        this.outbox = outbox;
        this.events = events;
        this.config = config;
        this.clock = clock;
    }

    /**
     * Runs inside the idempotent consumer's transaction. An approval starts activation once per
     * registration, even if a second event for it arrives (a {@code .v2} decision and the
     * {@code verification.card-approved.v1} of the same approval included).
     */
    public Uni<Void> onCardApproved(CardApproved card) {
        return onApproved(card, approval -> {
        });
    }

    /** A {@code .v2} decision: an approval as {@link #onCardApproved(CardApproved)}; a rejection needs nothing here. */
    public Uni<Void> onDecided(VerificationDecidedV2 decided) {
        return decided.card().map(this::onCardApproved).orElseGet(() -> Uni.createFrom().voidItem());
    }

    /**
     * A {@code .v1} decision: as {@link #onDecided(VerificationDecidedV2)}, and the approval keeps
     * the contact it carries, which activation-service's {@code .v1} events forward.
     */
    public Uni<Void> onDecidedV1(VerificationDecided decided) {
        return decided.withoutContact().card()
                .map(card -> onApproved(card, approval -> EventMapper.keepContact(approval, decided)))
                .orElseGet(() -> Uni.createFrom().voidItem());
    }

    private Uni<Void> onApproved(CardApproved card, Consumer<Approval> contact) {
        try {
            DeviceKeys.parse(card.deviceKeyJwk());
        } catch (IllegalArgumentException e) {
            throw new PoisonEventException("approval of " + card.registrationId() + " carries an unusable device key: "
                    + e.getMessage());
        }
        // serialised with a withdrawal of the same registration, which may arrive at the same moment
        return withdrawals.lockRegistration(card.registrationId())
                .chain(() -> withdrawals.withdrawn(card.registrationId()))
                .chain(withdrawn -> {
                    if (withdrawn) {
                        // the citizen withdrew while the approval was on its way: no code, nothing to activate
                        LOG.infof("registration %s was withdrawn before its approval arrived; no activation code issued",
                                card.registrationId());
                        return Uni.createFrom().voidItem();
                    }
                    return approveOnce(card, contact);
                });
    }

    private Uni<Void> approveOnce(CardApproved card, Consumer<Approval> contact) {
        return approvals.findById(card.registrationId()).chain(existing -> {
            if (existing != null) {
                LOG.infof("registration %s is already approved; approval of case %s ignored", card.registrationId(),
                        card.caseId());
                return Uni.createFrom().voidItem();
            }
            Approval approval = EventMapper.toApproval(card);
            contact.accept(approval);
            return approvals.persist(approval).chain(() -> issue(approval)).replaceWithVoid();
        });
    }

    /**
     * The citizen's contact corrected at the counter (ContactCorrected), inside the consumer's
     * transaction: an approved identity that is not active yet gets a fresh code at the new
     * contact, and the live code (whose PIN went to the old one) stops working. Before the
     * approval there is nothing to do (the decision carries the corrected contact); after the
     * activation, neither. Not counted against the citizen's daily resends: the counter's
     * corrections are limited and audited there.
     */
    public Uni<Void> onContactCorrected(ContactCorrected corrected) {
        UUID registrationId = corrected.registrationId();
        return withdrawals.lockRegistration(registrationId)
                .chain(() -> approvals.lock(registrationId))
                .chain(approval -> approval == null ? Uni.createFrom().<Void>voidItem()
                        : withdrawals.withdrawn(registrationId).chain(withdrawn -> withdrawn
                                ? Uni.createFrom().<Void>voidItem()
                                : identities.findByRegistration(registrationId).chain(identity -> {
                                    if (identity != null) {
                                        LOG.infof("contact of registration %s corrected after activation; no code issued",
                                                registrationId);
                                        return Uni.createFrom().voidItem();
                                    }
                                    if (corrected.correctedAt().isBefore(approval.approvedAt)) {
                                        // read after the approval, from another topic (the card's): the
                                        // approval's code already went to the corrected contact
                                        LOG.infof("contact of registration %s corrected before its approval; the code stands",
                                                registrationId);
                                        return Uni.createFrom().voidItem();
                                    }
                                    if (approval.email != null) { // a .v1 approval forwards its contact
                                        approval.email = corrected.email();
                                        approval.phone = corrected.phone();
                                    }
                                    return codes.replaceActive(registrationId).chain(() -> issue(approval))
                                            .invoke(code -> LOG.infof("contact of registration %s corrected at %s: "
                                                    + "code %d replaces the live one", registrationId,
                                                    corrected.office().officeCode(), code.sequence))
                                            .replaceWithVoid();
                                })));
    }

    /**
     * A new code replacing the live one, when the caller holds a link token of this registration,
     * the identity is not activated yet and the day's budget allows. Whatever happens, the caller
     * learns nothing: the answer is the same.
     */
    @WithTransaction
    public Uni<Void> resend(UUID registrationId, String linkToken) {
        if (linkToken == null || linkToken.isBlank() || linkToken.length() > 128) {
            return Uni.createFrom().voidItem();
        }
        return codes.findByLinkTokenHash(hasher.hash(KeyedHasher.LINK_TOKEN, linkToken)).chain(code -> {
            if (code == null || !code.registrationId.equals(registrationId)) {
                return Uni.createFrom().voidItem();
            }
            return approvals.lock(registrationId).chain(approval -> withdrawals.withdrawn(registrationId)
                    .chain(withdrawn -> withdrawn ? Uni.createFrom().<Void>voidItem() : resendLocked(approval)));
        });
    }

    private Uni<Void> resendLocked(Approval approval) {
        UUID registrationId = approval.registrationId;
        return identities.findByRegistration(registrationId).chain(identity -> {
            if (identity != null) {
                return Uni.createFrom().voidItem(); // activated: nothing to resend
            }
            LocalDate today = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
            if (!today.equals(approval.resendDay)) {
                approval.resendDay = today;
                approval.resendsOnDay = 0;
            }
            if (approval.resendsOnDay >= config.maxResendsPerDay()) {
                LOG.infof("resend for registration %s refused: daily limit reached", registrationId);
                return Uni.createFrom().voidItem();
            }
            approval.resendsOnDay++;
            return codes.replaceActive(registrationId).chain(() -> issue(approval)).replaceWithVoid();
        });
    }

    /** As {@link #resend(UUID, String)}, for the activation page, which knows only the link token. */
    @WithTransaction
    public Uni<Void> resendForLink(String linkToken) {
        if (linkToken == null || linkToken.isBlank() || linkToken.length() > 128) {
            return Uni.createFrom().voidItem();
        }
        return codes.findByLinkTokenHash(hasher.hash(KeyedHasher.LINK_TOKEN, linkToken))
                .chain(code -> code == null ? Uni.createFrom().voidItem() : resend(code.registrationId, linkToken));
    }

    private Uni<ActivationCode> issue(Approval approval) {
        String pin = secrets.pin();
        String linkToken = secrets.linkToken();
        Instant now = clock.instant();
        ActivationCode code = new ActivationCode();
        code.id = UUID.randomUUID();
        code.registrationId = approval.registrationId;
        code.sequence = ++approval.codesIssued;
        code.pinHash = hasher.hash(KeyedHasher.PIN, pin);
        code.linkTokenHash = hasher.hash(KeyedHasher.LINK_TOKEN, linkToken);
        code.status = CodeStatus.ACTIVE;
        code.issuedAt = now;
        code.expiresAt = now.plus(config.codeValidity());
        String sealed = sealer.seal(pin, activationUrl(linkToken));
        return codes.persist(code)
                .call(() -> outbox.append(events.codeIssued(approval, code, sealed)))
                .invoke(() -> LOG.infof("activation code %d issued for registration %s", code.sequence,
                        approval.registrationId));
    }

    private String activationUrl(String linkToken) {
        String base = config.publicUrl().endsWith("/")
                ? config.publicUrl().substring(0, config.publicUrl().length() - 1)
                : config.publicUrl();
        return base + "/activate?t=" + linkToken;
    }
}

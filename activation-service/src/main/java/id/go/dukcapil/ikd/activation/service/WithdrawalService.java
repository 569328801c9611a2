package id.go.dukcapil.ikd.activation.service;

import java.time.Clock;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import id.go.dukcapil.ikd.activation.domain.Withdrawal;
import id.go.dukcapil.ikd.activation.repository.ActivationCodeRepository;
import id.go.dukcapil.ikd.activation.repository.ApprovalRepository;
import id.go.dukcapil.ikd.activation.repository.IdentityRepository;
import id.go.dukcapil.ikd.activation.repository.WithdrawalRepository;
import id.go.dukcapil.ikd.events.RegistrationWithdrawn;
import id.go.dukcapil.ikd.events.RevocationReason;
import io.smallrye.mutiny.Uni;

/**
 * Honours a withdrawal that registration-service accepted (204) while the approval was already
 * on its way: registration-service cannot refuse it, since it learns of the approval from Kafka
 * too. The withdrawal is recorded (so an approval arriving later issues no code), the live codes
 * are voided (the page and the API then answer REGISTRATION_WITHDRAWN), and an identity
 * activated after the withdrawal is revoked: the withdrawal came first, so the activation must
 * not stand.
 */
@ApplicationScoped
public class WithdrawalService {

    private static final Logger LOG = Logger.getLogger(WithdrawalService.class);

    private final WithdrawalRepository withdrawals;
    private final ApprovalRepository approvals;
    private final ActivationCodeRepository codes;
    private final IdentityRepository identities;
    private final IdentityService identityService;
    private final Clock clock;

    public WithdrawalService(WithdrawalRepository withdrawals, ApprovalRepository approvals,
            ActivationCodeRepository codes, IdentityRepository identities, IdentityService identityService,
            Clock clock) {
        this.withdrawals = withdrawals;
        this.approvals = approvals;
        this.codes = codes;
        this.identities = identities;
        this.identityService = identityService;
        this.clock = clock;
    }

    /** Runs inside the idempotent consumer's transaction. */
    public Uni<Void> onWithdrawn(RegistrationWithdrawn event) {
        return withdrawals.lockRegistration(event.registrationId())
                .chain(() -> withdrawals.findById(event.registrationId()))
                .chain(known -> known != null ? Uni.createFrom().voidItem() : record(event));
    }

    private Uni<Void> record(RegistrationWithdrawn event) {
        Withdrawal withdrawal = new Withdrawal();
        withdrawal.registrationId = event.registrationId();
        withdrawal.reason = event.reason();
        withdrawal.withdrawnAt = event.withdrawnAt();
        withdrawal.recordedAt = clock.instant();
        // the approval row lock serialises with resends, which check for a withdrawal under it
        return withdrawals.persist(withdrawal).chain(withdrawals::flush)
                .chain(() -> approvals.lock(event.registrationId()))
                .chain(approval -> approval == null ? Uni.createFrom().voidItem() : voidCodes(event));
    }

    private Uni<Void> voidCodes(RegistrationWithdrawn event) {
        return codes.withdrawActive(event.registrationId())
                .invoke(voided -> LOG.infof("registration %s withdrawn (%s) after its approval: %d activation code(s) voided",
                        event.registrationId(), event.reason(), voided))
                .chain(() -> identities.findByRegistration(event.registrationId()))
                .chain(identity -> {
                    if (identity == null || !identity.active()) {
                        return Uni.createFrom().voidItem();
                    }
                    if (identity.activatedAt.isAfter(event.withdrawnAt())) {
                        LOG.warnf("identity %s was activated after its registration %s had been withdrawn: revoked",
                                identity.id, event.registrationId());
                        return identityService.revoke(identity, RevocationReason.CITIZEN_REQUEST, null);
                    }
                    // activated before the citizen withdrew: the withdrawal came too late to stop it
                    LOG.warnf("registration %s withdrawn after its identity %s was activated; the identity stays",
                            event.registrationId(), identity.id);
                    return Uni.createFrom().voidItem();
                });
    }
}

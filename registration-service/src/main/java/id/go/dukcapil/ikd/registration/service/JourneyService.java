package id.go.dukcapil.ikd.registration.service;

import java.time.Instant;
import java.util.UUID;
import java.util.function.Function;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import id.go.dukcapil.ikd.events.ContactCorrected;
import id.go.dukcapil.ikd.events.CentralReviewChanged;
import id.go.dukcapil.ikd.events.CentralReviewState;
import id.go.dukcapil.ikd.events.IdentityRevokedV2;
import id.go.dukcapil.ikd.events.NotificationStatus;
import id.go.dukcapil.ikd.events.OfficeContact;
import id.go.dukcapil.ikd.events.VerificationDecidedV3;
import id.go.dukcapil.ikd.events.VideoCallBooked;
import id.go.dukcapil.ikd.events.WithdrawalReason;
import id.go.dukcapil.ikd.registration.domain.Registration;
import id.go.dukcapil.ikd.registration.domain.RegistrationStatus;
import id.go.dukcapil.ikd.registration.domain.TimelineEntry;
import id.go.dukcapil.ikd.registration.domain.TimelineKind;
import id.go.dukcapil.ikd.registration.repository.RegistrationRepository;
import id.go.dukcapil.ikd.registration.service.timeline.TimelineRecorder;
import io.smallrye.mutiny.Uni;

/**
 * Moves a registration along the rest of the journey as the other services report it. Each
 * handler runs in the transaction that records the event in the inbox, so it happens once.
 *
 * <p>The selfie's purpose ends with the decision on it: it is erased when the registration is
 * rejected and when the identity is activated (an approved registration keeps it until then, in
 * case the operator must look again before activation, and at most {@code expire-after}).
 */
@ApplicationScoped
public class JourneyService {

    private static final Logger LOG = Logger.getLogger(JourneyService.class);

    private final RegistrationRepository registrations;
    private final TimelineRecorder recorder;
    private final Withdrawals withdrawals;

    public JourneyService(RegistrationRepository registrations, TimelineRecorder recorder, Withdrawals withdrawals) {
        this.registrations = registrations;
        this.recorder = recorder;
        this.withdrawals = withdrawals;
    }

    /**
     * A decision of any version: the timeline reads neither contact nor attributes, so a
     * {@code .v1} or {@code .v2} arrives as the {@code .v3} it would have been.
     */
    public Uni<Void> onDecided(VerificationDecidedV3 event) {
        return withRegistration(event.registrationId(), "VerificationDecided", registration -> {
            RegistrationStatus next = event.approved() ? RegistrationStatus.APPROVED : RegistrationStatus.REJECTED;
            if (moveTo(registration, next, event.decidedAt())) {
                registration.decidedAt = event.decidedAt();
            }
            if (!event.approved() && registration.selfieKept()) {
                registration.eraseSelfie(Instant.now());
            }
            TimelineEntry entry = TimelineEntry.of(registration,
                    event.approved() ? TimelineKind.APPROVED : TimelineKind.REJECTED, event.decidedAt());
            entry.reasonCode = event.reasonCode() == null ? null : event.reasonCode().name();
            entry.note = TimelineRecorder.shorten(event.reasonNote());
            entry.channel = event.channel().name();
            withOffice(entry, event.office());
            Uni<Void> recorded = recorder.record(entry);
            return event.approved() ? recorded.chain(() -> withdrawOthers(registration, event.decidedAt())) : recorded;
        });
    }

    /**
     * The operator approved the registration on the citizen's phone: the other registrations of
     * the NIK still waiting (a stranger's, or the citizen's own older attempt) are withdrawn now,
     * each with a SUPERSEDED step on its timeline. A rejection withdraws nothing: the rejected one
     * may have been the stranger's.
     */
    private Uni<Void> withdrawOthers(Registration approved, Instant decidedAt) {
        Instant now = decidedAt == null ? Instant.now() : decidedAt;
        return registrations.lockOtherPendingOfNik(approved.nik, approved.id).chain(others -> {
            Uni<Void> chain = Uni.createFrom().voidItem();
            for (Registration other : others) {
                chain = chain.chain(() -> withdrawals.close(other, WithdrawalReason.SUPERSEDED, approved.id, now));
            }
            if (!others.isEmpty()) {
                LOG.infof("registration %s approved: %d other pending registration(s) of its NIK withdrawn", approved.id,
                        others.size());
            }
            return chain;
        });
    }

    /**
     * The central review of a central-approval office: "Menunggu verifikasi pusat" with its expected
     * time, or the return to the office; the decision itself comes as VerificationDecided. The
     * registration's status does not change (it is still being verified).
     */
    public Uni<Void> onCentralReview(CentralReviewChanged event) {
        if (event.state() == CentralReviewState.DONE) {
            return Uni.createFrom().voidItem(); // the APPROVED or REJECTED step follows
        }
        return withRegistration(event.registrationId(), "CentralReviewChanged", registration -> {
            if (registration.status != RegistrationStatus.PENDING_VERIFICATION) {
                return Uni.createFrom().voidItem(); // late: the registration has moved on
            }
            TimelineEntry entry = TimelineEntry.of(registration, event.state() == CentralReviewState.PENDING
                    ? TimelineKind.CENTRAL_REVIEW_PENDING : TimelineKind.CENTRAL_REVIEW_RETURNED, event.changedAt());
            entry.expectedAt = event.state() == CentralReviewState.PENDING ? event.expectedBy() : null;
            return recorder.record(entry);
        });
    }

    /** A video-call slot booked, moved, cancelled or missed: a step on a pending registration's timeline. */
    public Uni<Void> onVideoCallBooked(VideoCallBooked event) {
        return withRegistration(event.registrationId(), "VideoCallBooked", registration -> {
            if (registration.status != RegistrationStatus.PENDING_VERIFICATION) {
                return Uni.createFrom().voidItem(); // late: the registration has moved on
            }
            TimelineEntry entry = TimelineEntry.of(registration, switch (event.status()) {
                case BOOKED, MOVED -> TimelineKind.VIDEO_CALL_BOOKED;
                case CANCELLED -> TimelineKind.VIDEO_CALL_CANCELLED;
                case NO_SHOW -> TimelineKind.VIDEO_CALL_MISSED;
            }, event.changedAt());
            entry.expectedAt = event.slotStart();
            entry.channel = "VIDEO_CALL";
            withOffice(entry, event.office());
            return recorder.record(entry);
        });
    }

    /** An activation code was issued (either contract version: only the registration is read). */
    public Uni<Void> onActivationCodeIssued(UUID registrationId) {
        return withRegistration(registrationId, "ActivationCodeIssued", registration -> {
            TimelineEntry entry = TimelineEntry.of(registration, TimelineKind.ACTIVATION_CODE_ISSUED, Instant.now());
            return recorder.record(entry);
        });
    }

    /** The identity was activated (either contract version: only the registration and the time are read). */
    public Uni<Void> onActivated(UUID registrationId, Instant activatedAt) {
        return withRegistration(registrationId, "IdentityActivated", registration -> {
            moveTo(registration, RegistrationStatus.ACTIVATED, activatedAt);
            if (registration.selfieKept()) {
                registration.eraseSelfie(Instant.now());
            }
            return recorder.record(TimelineEntry.of(registration, TimelineKind.ACTIVATED, activatedAt));
        });
    }

    /** A revocation; a {@code .v1} still in flight comes here without its contact. */
    public Uni<Void> onRevoked(IdentityRevokedV2 event) {
        return withRegistration(event.registrationId(), "IdentityRevoked", registration -> {
            moveTo(registration, RegistrationStatus.REVOKED, event.revokedAt());
            TimelineEntry entry = TimelineEntry.of(registration, TimelineKind.REVOKED, event.revokedAt());
            entry.reasonCode = event.reason().name();
            withOffice(entry, event.office());
            return recorder.record(entry);
        });
    }

    public Uni<Void> onNotification(NotificationStatus event) {
        return withRegistration(event.registrationId(), "NotificationStatus", registration -> {
            TimelineKind kind = switch (event.status()) {
                case SENT -> TimelineKind.NOTIFICATION_SENT;
                case FAILED -> TimelineKind.NOTIFICATION_FAILED;
                case RETRYING -> TimelineKind.NOTIFICATION_RETRYING;
            };
            TimelineEntry entry = TimelineEntry.of(registration, kind, event.at());
            entry.channel = event.channel().name();
            entry.messageKind = event.kind();
            entry.recipient = event.recipientMasked();
            entry.note = TimelineRecorder.shorten(event.reason());
            return recorder.record(entry);
        });
    }

    /**
     * The contact corrected at the counter: stored for the registration (the citizen's data view
     * shows it), with a step on the timeline naming the office. Nothing in the contact's masked
     * form goes on the timeline: the previous contact must not linger there.
     */
    public Uni<Void> onContactCorrected(ContactCorrected event) {
        return withRegistration(event.registrationId(), "ContactCorrected", registration -> {
            registration.email = event.email();
            registration.phone = event.phone();
            registration.updatedAt = event.correctedAt();
            TimelineEntry entry = TimelineEntry.of(registration, TimelineKind.CONTACT_CORRECTED, event.correctedAt());
            withOffice(entry, event.office());
            return recorder.record(entry);
        });
    }

    private static void withOffice(TimelineEntry entry, OfficeContact office) {
        if (office != null) {
            entry.officeName = office.name();
            entry.officePhone = office.phone();
            entry.officeAddress = office.address();
        }
    }

    /** Events only move a registration forward: one that arrives late on another topic records its step only. */
    private static boolean moveTo(Registration registration, RegistrationStatus next, Instant at) {
        if (!registration.status.canMoveTo(next)) {
            return false;
        }
        registration.status = next;
        registration.updatedAt = at;
        return true;
    }

    private Uni<Void> withRegistration(UUID id, String eventName, Function<Registration, Uni<Void>> change) {
        return registrations.findForUpdate(id).chain(registration -> {
            if (registration == null) {
                // registrations of another deployment or environment sharing the topic: nothing to show
                LOG.debugf("%s for unknown registration %s skipped", eventName, id);
                return Uni.createFrom().voidItem();
            }
            return change.apply(registration);
        });
    }
}

package id.go.dukcapil.ikd.verification.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import id.go.dukcapil.ikd.web.ProblemException;

/**
 * One video call between a citizen and an office about the case of one registration (SOP step 3 by
 * "Videocall"). The suite carries only the signalling; the media goes between the two browsers.
 */
@Entity
@Table(name = "video_call")
public class VideoCall {

    @Id
    public UUID id;
    public UUID registrationId;
    public UUID caseId;
    public String officeCode;
    @Enumerated(EnumType.STRING)
    public VideoCallStatus status;
    /** SHA-256 of the citizen's call token. */
    public byte[] citizenTokenHash;
    public Instant requestedAt;
    /** The last time the citizen's page was heard from: a waiting call unheard for long is a no-show. */
    public Instant citizenSeenAt;
    public Instant answeredAt;
    public UUID answeredBy;
    /** When the citizen agreed that the operator may look at them and their KTP-el on the call. */
    public Instant consentAt;
    /**
     * When the citizen agreed, on top of that, that the operator may capture stills (face, KTP-el)
     * from the call into the case; the first consent says the call is not recorded, so it does not cover them.
     */
    public Instant stillsConsentAt;
    public Instant endedAt;
    @Enumerated(EnumType.STRING)
    public VideoCallEnd endReason;
    @Version
    public int version;

    public boolean open() {
        return status != VideoCallStatus.ENDED;
    }

    public void requireOpen() {
        if (!open()) {
            throw new ProblemException(VideoCallProblems.CALL_ENDED);
        }
    }

    /** Ends the call for {@code reason}, once: a later end keeps the first reason and time. */
    public void end(VideoCallEnd reason, Instant now) {
        if (open()) {
            status = VideoCallStatus.ENDED;
            endedAt = now;
            endReason = reason;
        }
    }

    /** A new call waiting in the queue of the case's office. */
    public static VideoCall waitingFor(VerificationCase c, Instant now) {
        VideoCall call = new VideoCall();
        call.id = UUID.randomUUID();
        call.registrationId = c.registrationId;
        call.caseId = c.id;
        call.officeCode = c.officeCode;
        call.status = VideoCallStatus.WAITING;
        call.requestedAt = now;
        return call;
    }

    /** From the answer to the end (or to {@code now} while it lasts); zero before an answer. */
    public Duration duration(Instant now) {
        if (answeredAt == null) {
            return Duration.ZERO;
        }
        return Duration.between(answeredAt, endedAt == null ? now : endedAt);
    }
}

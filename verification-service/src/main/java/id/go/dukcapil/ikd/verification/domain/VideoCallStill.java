package id.go.dukcapil.ikd.verification.domain;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * A still (the citizen's face or KTP-el) captured by the operator from the live video of a call, with
 * the citizen's consent to stills. Only the sealed JPEG is stored (AES-GCM, this row's id as associated
 * data); it is erased under the selfie's rules.
 */
@Entity
@Table(name = "video_call_still")
public class VideoCallStill {

    @Id
    public UUID id;
    public UUID callId;
    public UUID caseId;
    @Enumerated(EnumType.STRING)
    public StillKind kind;
    public byte[] imageSealed;
    public int width;
    public int height;
    public UUID capturedBy;
    public Instant capturedAt;
}

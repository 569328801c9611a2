package id.go.dukcapil.ikd.verification.domain;

import java.time.Instant;
import java.util.UUID;

/** A still from a video call without its image: what the pages list (projected by these names). */
public record StillSummary(UUID id, UUID callId, UUID caseId, StillKind kind, int width, int height, Instant capturedAt) {
}

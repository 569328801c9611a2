package id.go.dukcapil.ikd.registration.rest;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import id.go.dukcapil.ikd.registration.config.LivenessConfig;
import id.go.dukcapil.ikd.registration.domain.ChallengeMove;
import id.go.dukcapil.ikd.registration.domain.SelfieChallenge;

/**
 * A moving selfie's challenge as the app shows it: the moves in order with their instructions
 * (Bahasa Indonesia, then English), until when it may be used, and what frames to send.
 *
 * @param challengeId send it with the frames as the form field {@code challengeId}; it works once
 * @param moves       the moves in order: LEFT and RIGHT are the citizen's own left and right
 *                    (in the camera's unmirrored frames the face moves the other way), CLOSER the face
 *                    growing towards the camera
 * @param frames      the limits on the form fields {@code frame}
 */
@Schema(example = """
        {"challengeId": "0f6c7c5e-3c1b-4a3e-9a51-1d2f0c9b7e21", "moves": [
          {"move": "LEFT", "instructionId": "Geser kepala Anda perlahan ke kiri",
           "instructionEn": "Move your head slowly to your left"},
          {"move": "CLOSER", "instructionId": "Dekatkan wajah Anda ke kamera",
           "instructionEn": "Bring your face closer to the camera"}],
         "expiresAt": "2026-12-05T02:32:00Z",
         "frames": {"min": 4, "max": 12, "maxBytes": 262144, "maxSide": 1280, "minSide": 240, "format": "image/jpeg"}}""")
public record SelfieChallengeView(UUID challengeId, List<Move> moves, Instant expiresAt, Frames frames) {

    /** One move and what to tell the citizen. */
    public record Move(ChallengeMove move, String instructionId, String instructionEn) {
    }

    /** How many frames, how large each, and their format. */
    public record Frames(int min, int max, int maxBytes, int maxSide, int minSide, String format) {
    }

    static SelfieChallengeView of(SelfieChallenge challenge, LivenessConfig limits, int minSide) {
        return new SelfieChallengeView(challenge.id(),
                challenge.moves().stream().map(m -> new Move(m, m.instructionId(), m.instructionEn())).toList(),
                challenge.expiresAt(), new Frames(limits.minFrames(), limits.maxFrames(), limits.frameMaxBytes(),
                        limits.frameMaxSide(), minSide, "image/jpeg"));
    }
}

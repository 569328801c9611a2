package id.go.dukcapil.ikd.registration.domain;

/**
 * One move of the moving selfie's challenge: moves a frontal-face detector can follow, the face
 * moving sideways in the frame or growing as it comes closer. Directions are the citizen's own: in
 * the frames as the camera sends them (not mirrored) a move to the citizen's left takes the face
 * towards the frame's right edge.
 */
public enum ChallengeMove {
    LEFT("Geser kepala Anda perlahan ke kiri", "Move your head slowly to your left"),
    RIGHT("Geser kepala Anda perlahan ke kanan", "Move your head slowly to your right"),
    CLOSER("Dekatkan wajah Anda ke kamera", "Bring your face closer to the camera");

    private final String instructionId;
    private final String instructionEn;

    ChallengeMove(String instructionId, String instructionEn) {
        this.instructionId = instructionId;
        this.instructionEn = instructionEn;
    }

    public String instructionId() {
        return instructionId;
    }

    public String instructionEn() {
        return instructionEn;
    }
}

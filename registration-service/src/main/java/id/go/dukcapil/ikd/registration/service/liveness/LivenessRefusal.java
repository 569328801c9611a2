package id.go.dukcapil.ikd.registration.service.liveness;

import id.go.dukcapil.ikd.registration.service.problems.RegistrationProblems;
import id.go.dukcapil.ikd.web.ProblemException;

/** Why the frames of a moving selfie were refused, each with what the citizen should do about it. */
public enum LivenessRefusal {
    NO_FACE(RegistrationProblems.SELFIE_NO_FACE,
            "Wajah Anda tidak terlihat. Hadapkan wajah ke kamera dari dekat di tempat yang terang, lalu ulangi.",
            "Your face cannot be seen. Face the camera from close by in a well-lit place and try again."),
    MULTIPLE_FACES(RegistrationProblems.SELFIE_MULTIPLE_FACES,
            "Terlihat lebih dari satu wajah. Pastikan hanya wajah Anda di depan kamera, lalu ulangi.",
            "More than one face can be seen. Make sure only your face is in front of the camera and try again."),
    TOO_DARK(RegistrationProblems.SELFIE_TOO_DARK,
            "Swafoto terlalu gelap. Pindah ke tempat yang lebih terang, lalu ulangi.",
            "The selfie is too dark. Move to a brighter place and try again."),
    CHALLENGE_NOT_FOLLOWED(RegistrationProblems.SELFIE_CHALLENGE_NOT_FOLLOWED,
            "Gerakan wajah tidak sesuai petunjuk. Ulangi dan ikuti petunjuk gerakan di layar.",
            "Your face did not move as instructed. Try again and follow the moves shown on screen."),
    NOT_LIVE(RegistrationProblems.SELFIE_NOT_LIVE,
            "Swafoto tidak lolos pemeriksaan keaktifan. Ulangi dengan wajah Anda sendiri di depan kamera.",
            "The selfie failed the liveness check. Try again with your own face in front of the camera.");

    private final RegistrationProblems type;
    private final String detailId;
    private final String detailEn;

    LivenessRefusal(RegistrationProblems type, String detailId, String detailEn) {
        this.type = type;
        this.detailId = detailId;
        this.detailEn = detailEn;
    }

    public ProblemException problem() {
        return new ProblemException(type, detailId, detailEn).with("field", "frame");
    }
}

package id.go.dukcapil.ikd.verification.service;

import jakarta.enterprise.context.ApplicationScoped;

import id.go.dukcapil.ikd.verification.domain.FaceImage;
import id.go.dukcapil.ikd.verification.domain.FaceMatchScore;
import io.smallrye.mutiny.Uni;

/**
 * The built-in default: no score. The suite's vision is OpenCV's Haar cascade, which finds a face but
 * cannot tell whose it is, and no face-recognition model comes from a registry package the build can
 * use (docs/architecture.md); a score is left to a national biometric service (Dukcapil's face
 * recognition) or a vendor's SDK behind {@link RemoteFaceMatch}. The operator is told so in one sentence.
 */
@ApplicationScoped
public class BuiltInFaceMatch implements FaceMatch {

    static final FaceMatchScore NO_SCORE = FaceMatchScore.notProvided(
            "sistem ini hanya mendeteksi wajah (OpenCV Haar cascade) dan tidak dapat mengenali wajah; skor diberikan "
                    + "oleh layanan biometrik nasional (pengenalan wajah Dukcapil) atau SDK vendor bila dikonfigurasi. "
                    + "Bandingkan wajah dengan mata Anda",
            "the suite only detects faces (OpenCV Haar cascade) and cannot recognise them; a score comes from a "
                    + "national biometric service (Dukcapil's face recognition) or a vendor SDK when one is configured. "
                    + "Compare the faces by eye");

    @Override
    public Uni<FaceMatchScore> compare(FaceImage selfie, FaceImage registryPhoto) {
        return Uni.createFrom().item(NO_SCORE);
    }
}

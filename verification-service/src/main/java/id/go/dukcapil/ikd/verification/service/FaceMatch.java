package id.go.dukcapil.ikd.verification.service;

import id.go.dukcapil.ikd.verification.domain.FaceImage;
import id.go.dukcapil.ikd.verification.domain.FaceMatchScore;
import io.smallrye.mutiny.Uni;

/**
 * A provider of the face-similarity score between the selfie and the registry photo, an aid to the
 * operator and never the decision. {@link BuiltInFaceMatch} (the default) computes none;
 * {@link RemoteFaceMatch} asks a national biometric service or a vendor's API; configuration picks one
 * ({@code ikd.verification.face-match.provider}). An implementation never fails: a score it cannot
 * give is {@link FaceMatchScore.Outcome#UNAVAILABLE} with the reason.
 */
public interface FaceMatch {

    Uni<FaceMatchScore> compare(FaceImage selfie, FaceImage registryPhoto);
}

package id.go.dukcapil.ikd.verification.domain;

import java.util.Locale;

/**
 * A face-similarity score between the citizen's selfie and the registry photo, shown to the operator
 * as an aid and never as the decision: it is neither stored with the case nor read by any rule. Either
 * a score in [0,1] with the provider that computed it, or no score with the reason, in Indonesian and English.
 */
public record FaceMatchScore(Outcome outcome, Double score, String provider, String version, String reasonId,
        String reasonEn) {

    private static final Locale INDONESIAN = Locale.forLanguageTag("id-ID");

    public enum Outcome {
        /** A provider answered a score. */
        SCORED,
        /** No provider is configured: the built-in default computes no score. */
        NOT_PROVIDED,
        /** A provider is configured but gave no usable score this time. */
        UNAVAILABLE
    }

    public static FaceMatchScore scored(double score, String provider, String version) {
        if (Double.isNaN(score) || score < 0 || score > 1) {
            throw new IllegalArgumentException("a face-match score is in [0,1]: " + score);
        }
        return new FaceMatchScore(Outcome.SCORED, score, provider, version, null, null);
    }

    public static FaceMatchScore notProvided(String reasonId, String reasonEn) {
        return new FaceMatchScore(Outcome.NOT_PROVIDED, null, null, null, reasonId, reasonEn);
    }

    public static FaceMatchScore unavailable(String reasonId, String reasonEn) {
        return new FaceMatchScore(Outcome.UNAVAILABLE, null, null, null, reasonId, reasonEn);
    }

    /** Whether there is a score to show. */
    public boolean scored() {
        return outcome == Outcome.SCORED;
    }

    /** The score as Indonesian writes it, two decimals with a comma ("0,87"); null without a score. */
    public String scoreText() {
        return score == null ? null : String.format(INDONESIAN, "%.2f", score);
    }
}

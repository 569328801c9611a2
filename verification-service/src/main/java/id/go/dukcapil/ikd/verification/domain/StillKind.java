package id.go.dukcapil.ikd.verification.domain;

/** What a still captured from a video call shows. */
public enum StillKind {
    FACE("Foto wajah", "Face"),
    KTP_EL("Foto KTP-el", "KTP-el");

    private final String wordsId;
    private final String wordsEn;

    StillKind(String wordsId, String wordsEn) {
        this.wordsId = wordsId;
        this.wordsEn = wordsEn;
    }

    public String wordsId() {
        return wordsId;
    }

    public String wordsEn() {
        return wordsEn;
    }
}

package id.go.dukcapil.ikd.verification.domain;

import id.go.dukcapil.ikd.web.Bilingual;

/** What a still captured from a video call shows. */
public enum StillKind {
    FACE("Foto wajah", "Face"),
    KTP_EL("Foto KTP-el", "KTP-el");

    private final Bilingual words;

    StillKind(String id, String en) {
        this.words = new Bilingual(id, en);
    }

    public Bilingual words() {
        return words;
    }
}

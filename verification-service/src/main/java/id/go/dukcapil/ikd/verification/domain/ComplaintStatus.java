package id.go.dukcapil.ikd.verification.domain;

import id.go.dukcapil.ikd.web.Bilingual;

/**
 * Where a complaint stands. The seeds' three follow-ups (Verifikasi Aduan, Mediasi, Koordinasi)
 * between receipt and closure; a complaint only moves forward (a step may be skipped), and
 * closes with an answer.
 */
public enum ComplaintStatus {
    RECEIVED("Diterima", "Received"),
    VERIFYING("Verifikasi Aduan", "Verifying the complaint"),
    MEDIATING("Mediasi", "Mediation"),
    COORDINATING("Koordinasi", "Coordination"),
    CLOSED("Selesai", "Closed");

    private final Bilingual words;

    ComplaintStatus(String id, String en) {
        this.words = new Bilingual(id, en);
    }

    public Bilingual words() {
        return words;
    }

    public boolean canMoveTo(ComplaintStatus next) {
        return this != CLOSED && next.ordinal() > ordinal();
    }

    public boolean open() {
        return this != CLOSED;
    }
}

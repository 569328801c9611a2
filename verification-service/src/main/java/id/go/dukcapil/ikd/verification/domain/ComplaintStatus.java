package id.go.dukcapil.ikd.verification.domain;

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

    private final String id;
    private final String en;

    ComplaintStatus(String id, String en) {
        this.id = id;
        this.en = en;
    }

    public String id() {
        return id;
    }

    public String en() {
        return en;
    }

    public boolean canMoveTo(ComplaintStatus next) {
        return this != CLOSED && next.ordinal() > ordinal();
    }

    public boolean open() {
        return this != CLOSED;
    }
}

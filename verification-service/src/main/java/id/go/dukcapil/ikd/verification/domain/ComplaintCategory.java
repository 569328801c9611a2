package id.go.dukcapil.ikd.verification.domain;

/** What a complaint is about, in the citizen's words on the form. */
public enum ComplaintCategory {
    SERVICE("Pelayanan di kantor", "Service at the office"),
    STAFF("Sikap petugas", "Staff conduct"),
    APPLICATION("Aplikasi IKD", "The IKD app"),
    DATA("Data kependudukan", "Population data"),
    OTHER("Lainnya", "Other");

    private final String id;
    private final String en;

    ComplaintCategory(String id, String en) {
        this.id = id;
        this.en = en;
    }

    public String id() {
        return id;
    }

    public String en() {
        return en;
    }
}

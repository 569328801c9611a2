package id.go.dukcapil.ikd.verification.domain;

import id.go.dukcapil.ikd.web.Bilingual;

/** What a complaint is about, in the citizen's words on the form. */
public enum ComplaintCategory {
    SERVICE("Pelayanan di kantor", "Service at the office"),
    STAFF("Sikap petugas", "Staff conduct"),
    APPLICATION("Aplikasi IKD", "The IKD app"),
    DATA("Data kependudukan", "Population data"),
    OTHER("Lainnya", "Other");

    private final Bilingual words;

    ComplaintCategory(String id, String en) {
        this.words = new Bilingual(id, en);
    }

    public Bilingual words() {
        return words;
    }
}

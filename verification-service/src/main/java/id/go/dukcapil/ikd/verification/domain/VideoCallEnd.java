package id.go.dukcapil.ikd.verification.domain;

import id.go.dukcapil.ikd.web.Bilingual;

/** Why a call ended: what the buku pelayanan and the citizen are told. */
public enum VideoCallEnd {
    /** The operator ended it after the decision, or the citizen after being told. */
    COMPLETED("Panggilan selesai", "The call is over"),
    CITIZEN_LEFT("Pemohon meninggalkan panggilan", "The citizen left the call"),
    OPERATOR_ENDED("Petugas mengakhiri panggilan", "The operator ended the call"),
    /** Waiting, and the citizen's page stopped answering: a no-show. */
    NO_SHOW("Pemohon tidak hadir", "The citizen did not show up"),
    /** The case was decided or closed another way (e.g. at the counter, or withdrawn). */
    CASE_CLOSED("Kasus sudah ditutup", "The case was closed");

    private final Bilingual words;

    VideoCallEnd(String id, String en) {
        this.words = new Bilingual(id, en);
    }

    public Bilingual words() {
        return words;
    }
}

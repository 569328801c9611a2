package id.go.dukcapil.ikd.verification.portal;

import id.go.dukcapil.ikd.web.ProblemException;

/** A message for the page: a problem's title and detail in both languages. */
public record PortalNotice(String kind, String titleId, String titleEn, String detailId, String detailEn) {

    /** A form whose CSRF token is missing or wrong: a stale tab, or a page of another site. */
    static final PortalNotice FORM_REFUSED = new PortalNotice("error", "Formulir kedaluwarsa atau tidak sah",
            "The form expired or is not valid", "Tidak ada yang diproses. Kirim formulir lagi dari halaman ini.",
            "Nothing was done. Send the form again from this page.");

    static PortalNotice of(ProblemException e) {
        return new PortalNotice("error", e.type().titleId(), e.type().titleEn(), e.detail("id"), e.detail("en"));
    }
}

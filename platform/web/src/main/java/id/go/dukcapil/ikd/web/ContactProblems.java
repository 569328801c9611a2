package id.go.dukcapil.ikd.web;

/** The errors of {@link ContactValidator}, the same codes in every service that takes a contact. */
public enum ContactProblems implements ProblemType {
    EMAIL_INVALID(400, "Alamat email tidak valid", "The email address is invalid"),
    PHONE_INVALID(400, "Nomor ponsel Indonesia tidak valid", "The Indonesian mobile number is invalid"),
    LANGUAGE_INVALID(400, "Bahasa tidak didukung", "The language is not supported");

    private final Definition definition;

    ContactProblems(int status, String titleId, String titleEn) {
        this.definition = new Definition(status, titleId, titleEn);
    }

    @Override
    public Definition definition() {
        return definition;
    }
}

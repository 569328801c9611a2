package id.go.dukcapil.ikd.web;

/** The refusals of {@link CaseGrants} and {@link RegistryPhotoGrants}. */
public enum CaseGrantProblems implements ProblemType {
    CASE_GRANT_REQUIRED(403, "Data ini hanya untuk kantor yang menangani kasusnya",
            "This data is only for the office handling the case"),
    PHOTO_GRANT_REQUIRED(403, "Foto data kependudukan memerlukan izin layanan",
            "The registry photo needs a service grant");

    private final Definition definition;

    CaseGrantProblems(int status, String titleId, String titleEn) {
        this.definition = new Definition(status, titleId, titleEn);
    }

    @Override
    public Definition definition() {
        return definition;
    }
}

package id.go.dukcapil.ikd.web;

/** The refusal of {@link CaseGrants}. */
public enum CaseGrantProblems implements ProblemType {
    CASE_GRANT_REQUIRED(403, "Data ini hanya untuk kantor yang menangani kasusnya",
            "This data is only for the office handling the case");

    private final Definition definition;

    CaseGrantProblems(int status, String titleId, String titleEn) {
        this.definition = new Definition(status, titleId, titleEn);
    }

    @Override
    public Definition definition() {
        return definition;
    }
}

package id.go.dukcapil.ikd.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;

/** An answer in Bahasa Indonesia carries the English too, so pages show both; an English answer only English. */
class ProblemLanguagesTest {

    @Test
    void anIndonesianAnswerAlsoCarriesTheEnglish() {
        Problem problem = Problem.of(CommonProblems.FORBIDDEN, "id", "Hanya admin.", "Admins only.", "/x", null,
                Map.of("retryAfterSeconds", 5));
        assertThat(problem.title()).isEqualTo(CommonProblems.FORBIDDEN.title("id"));
        assertThat(problem.extensionMembers()).containsEntry("titleEn", CommonProblems.FORBIDDEN.title("en"))
                .containsEntry("detailEn", "Admins only.").containsEntry("retryAfterSeconds", 5);
        assertThat(CommonProblems.FORBIDDEN.title("en")).isNotEqualTo(CommonProblems.FORBIDDEN.title("id"));
    }

    @Test
    void anEnglishAnswerIsEnglishOnly() {
        Problem problem = Problem.of(CommonProblems.FORBIDDEN, "en", "Admins only.", "Admins only.", "/x", null, null);
        assertThat(problem.extensionMembers()).isEmpty();
        assertThat(Problem.of(CommonProblems.FORBIDDEN, "id", null, "/x", null, null).extensionMembers())
                .containsOnlyKeys("titleEn");
    }
}

package id.go.dukcapil.ikd.verification.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.Map;
import java.util.function.Function;

import org.junit.jupiter.api.Test;

import id.go.dukcapil.ikd.events.Channel;
import id.go.dukcapil.ikd.events.Decision;
import id.go.dukcapil.ikd.events.RejectionReason;
import id.go.dukcapil.ikd.web.Bilingual;

/** Every code the portal or its CSV can show has words, in Indonesian and in English, none the code itself. */
class LabelsTest {

    private static void allWorded(Enum<?>[] codes, Function<String, Bilingual> label) {
        for (Enum<?> code : codes) {
            Bilingual words = label.apply(code.name());
            assertThat(words.id()).as(code.name()).isNotBlank().isNotEqualTo(code.name()).doesNotContain("_");
            assertThat(words.en()).as(code.name()).isNotBlank().isNotEqualTo(code.name()).doesNotContain("_");
        }
    }

    @Test
    void everyEnumerationShownHasWords() {
        allWorded(CaseStatus.values(), Labels::caseStatus);
        allWorded(ServiceAction.values(), Labels::action);
        allWorded(Decision.values(), Labels::decision);
        allWorded(RejectionReason.values(), Labels::reason);
        allWorded(Channel.values(), Labels::channel);
        allWorded(DecisionState.values(), Labels::decisionState);
        allWorded(ApprovalModel.values(), Labels::approvalModel);
    }

    @Test
    void theRegistrysValuesHaveWords() {
        Map<String, String> shown = Map.of("PRINTED", "Sudah dicetak", "RECORDED_NOT_PRINTED", "Sudah perekaman, belum dicetak",
                "NOT_RECORDED", "Belum perekaman", "ALIVE", "Hidup", "DECEASED", "Meninggal dunia", "RESIDENT",
                "Penduduk setempat", "MOVED", "Pindah domisili");
        shown.forEach((code, id) -> assertThat(Labels.registry(code).id()).isEqualTo(id));
        assertThat(Labels.registry("ALIVE").plain()).isEqualTo("Hidup / Alive");
    }

    @Test
    void notesOfTheServiceLogLoseTheirCodes() {
        assertThat(Labels.note("APPROVED")).isEqualTo("Disetujui / Approved");
        assertThat(Labels.note("reason EXPIRED")).isEqualTo("alasan / reason: Kedaluwarsa / Expired");
        assertThat(Labels.note("dari / from 6305-DISDUKCAPIL")).isEqualTo("dari / from 6305-DISDUKCAPIL");
        assertThat(Arrays.stream(Labels.NOTE_CODES.keySet().toArray(String[]::new)).map(Labels::note))
                .noneMatch(words -> words.matches(".*\\b[A-Z_]{4,}\\b.*"));
    }
}

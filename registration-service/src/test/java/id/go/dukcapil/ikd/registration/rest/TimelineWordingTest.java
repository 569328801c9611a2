package id.go.dukcapil.ikd.registration.rest;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import id.go.dukcapil.ikd.events.RejectionReason;
import id.go.dukcapil.ikd.events.RevocationReason;
import id.go.dukcapil.ikd.events.WithdrawalReason;
import id.go.dukcapil.ikd.registration.domain.TimelineChange;
import id.go.dukcapil.ikd.registration.domain.TimelineKind;
import id.go.dukcapil.ikd.registration.service.Withdrawals;

/** Every step the app can show reads as sentences in both languages, never as a code. */
class TimelineWordingTest {

    private static final TimelineChange.Office OFFICE = new TimelineChange.Office("Dinas Dukcapil Kabupaten Tapin",
            "+625172345", "Jl. Jenderal Sudirman No. 1, Rantau");

    @Test
    void everyStepAndReasonIsASentenceWithoutCodes() {
        List<String> codes = new ArrayList<>();
        for (TimelineKind kind : TimelineKind.values()) {
            codes.add(kind.name());
        }
        for (RejectionReason reason : RejectionReason.values()) {
            codes.add(reason.name());
        }
        for (RevocationReason reason : RevocationReason.values()) {
            codes.add(reason.name());
        }
        for (WithdrawalReason reason : WithdrawalReason.values()) {
            codes.add(reason.name());
        }
        for (TimelineChange change : everyStep()) {
            TimelineWording.Words words = TimelineWording.of(change);
            List<String> sentences = new ArrayList<>(List.of(words.text().id(), words.text().en()));
            if (words.reason() != null) {
                sentences.addAll(List.of(words.reason().id(), words.reason().en()));
            }
            if (words.nextStep() != null) {
                sentences.addAll(List.of(words.nextStep().id(), words.nextStep().en()));
            }
            for (String sentence : sentences) {
                assertThat(sentence).as(change.kind() + "/" + change.reasonCode()).matches("^[A-Z].*\\.$");
                codes.forEach(code -> assertThat(sentence).as(change.kind() + "/" + change.reasonCode())
                        .doesNotContain(code));
            }
        }
    }

    @Test
    void eachRejectionReasonSaysWhyAndWhatToDoNextAtTheOfficeThatDecided() {
        for (RejectionReason reason : RejectionReason.values()) {
            TimelineWording.Words words = TimelineWording.of(change(TimelineKind.REJECTED, reason.name(), OFFICE));
            assertThat(words.reason()).as(reason.name()).isNotNull();
            assertThat(words.nextStep()).as(reason.name()).isNotNull();
            if (reason != RejectionReason.FACE_MISMATCH) {
                assertThat(words.nextStep().id()).as(reason.name()).contains("Dinas Dukcapil Kabupaten Tapin");
                assertThat(words.nextStep().en()).as(reason.name()).contains("Dinas Dukcapil Kabupaten Tapin");
            }
            // registering again is the way out of every rejection but a registry marked deceased
            assertThat(words.nextStep().action()).as(reason.name())
                    .isEqualTo(reason == RejectionReason.DECEASED ? null : NextStep.REGISTER_AGAIN);
        }
        TimelineWording.Words withoutOffice = TimelineWording.of(change(TimelineKind.REJECTED, "KTP_EL_NOT_SHOWN", null));
        assertThat(withoutOffice.nextStep().id()).isEqualTo(
                "Daftar ulang, lalu datang ke kantor Dinas Dukcapil terdekat dengan membawa KTP-el fisik Anda.");
        TimelineWording.Words unknown = TimelineWording.of(change(TimelineKind.REJECTED, "A_NEWER_REASON", OFFICE));
        assertThat(unknown.reason().id()).isEqualTo("Pendaftaran Anda belum memenuhi persyaratan.");
    }

    @Test
    void aRevocationSaysTheIkdWasRevokedAndWhy() {
        TimelineWording.Words words = TimelineWording.of(change(TimelineKind.REVOKED, "OPERATOR", OFFICE));
        assertThat(words.text().id()).contains("dicabut");
        assertThat(words.text().en()).contains("revoked");
        assertThat(words.reason().id()).contains("petugas Dukcapil");
    }

    private static List<TimelineChange> everyStep() {
        List<TimelineChange> steps = new ArrayList<>();
        for (TimelineKind kind : TimelineKind.values()) {
            steps.add(change(kind, null, null));
        }
        for (RejectionReason reason : RejectionReason.values()) {
            steps.add(change(TimelineKind.REJECTED, reason.name(), OFFICE));
            steps.add(change(TimelineKind.REJECTED, reason.name(), null));
        }
        for (RevocationReason reason : RevocationReason.values()) {
            steps.add(change(TimelineKind.REVOKED, reason.name(), OFFICE));
        }
        steps.add(change(TimelineKind.SUPERSEDED, Withdrawals.SUPERSEDED_AT_COUNTER, null));
        steps.add(new TimelineChange(UUID.randomUUID(), 1, "NOTIFICATION_SENT", "APPROVED", Instant.now(), null, null,
                "EMAIL", "ACTIVATION_CODE", "b***@example.id", null, null));
        steps.add(new TimelineChange(UUID.randomUUID(), 1, "NOTIFICATION_FAILED", "APPROVED", Instant.now(), null,
                "550 mailbox unavailable", "SMS", "ACTIVATION_CODE", "+62812****7890", null, null));
        steps.add(new TimelineChange(UUID.randomUUID(), 1, "A_NEWER_KIND", "APPROVED", Instant.now(), null, null,
                null, null, null, null, null));
        return steps;
    }

    private static TimelineChange change(TimelineKind kind, String reasonCode, TimelineChange.Office office) {
        return new TimelineChange(UUID.randomUUID(), 1, kind.name(), "PENDING_VERIFICATION", Instant.now(), reasonCode,
                null, null, null, null, office, null);
    }
}

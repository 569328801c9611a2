package id.go.dukcapil.ikd.registration.rest;

import java.time.Instant;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.fasterxml.jackson.annotation.JsonInclude;
import id.go.dukcapil.ikd.web.Bilingual;
import id.go.dukcapil.ikd.registration.domain.TimelineChange;

/**
 * One step of the timeline as the app sees it: the codes for programs, and the same in words
 * (Bahasa Indonesia and English) for the citizen.
 *
 * @param id          increasing; also the SSE event id ({@code Last-Event-ID} resumes after it)
 * @param reasonCode  rejection reason (e.g. {@code DATA_MISMATCH}), withdrawal or revocation reason
 * @param note        the operator's note for the citizen, or why a message failed
 * @param channel     {@code COUNTER}/{@code VIDEO_CALL} for decisions, {@code EMAIL}/{@code SMS} for messages
 * @param messageKind kind of message, e.g. {@code ACTIVATION_CODE}
 * @param recipient   masked address of the message, e.g. {@code b***@example.id}
 * @param text        what happened, as a sentence
 * @param reason      why, as a sentence (rejections, revocations)
 * @param nextStep    what the citizen does next; {@code action} {@code REGISTER_AGAIN} when the app offers it
 * @param office      the office that decided or revoked (name, phone, address), where the next step sends the citizen
 * @param expectedBy  {@code CENTRAL_REVIEW_PENDING}: when the central verification is expected to be done;
 *                    {@code VIDEO_CALL_BOOKED}, {@code _CANCELLED}, {@code _MISSED}: the slot's start (the app shows
 *                    it in the office's local time)
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@Schema(example = """
        {"id": 1, "kind": "SUBMITTED", "status": "PENDING_VERIFICATION", "at": "2026-12-05T02:30:00Z",
         "text": {"id": "Pendaftaran diterima. Tunjukkan kode loket kepada petugas Dukcapil untuk verifikasi.",
                  "en": "Registration received. Show the counter code to a Dukcapil officer for verification."}}""")
public record TimelineEntryView(long id, String kind, String status, Instant at, String reasonCode, String note,
        String channel, String messageKind, String recipient, Bilingual text, Bilingual reason, NextStep nextStep,
        TimelineChange.Office office, Instant expectedBy) {

    static TimelineEntryView of(TimelineChange change) {
        TimelineWording.Words words = TimelineWording.of(change);
        return new TimelineEntryView(change.id(), change.kind(), change.status(), change.at(), change.reasonCode(),
                change.note(), change.channel(), change.messageKind(), change.recipient(), words.text(), words.reason(),
                words.nextStep(), change.office(), change.expectedBy());
    }
}

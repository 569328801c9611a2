package id.go.dukcapil.ikd.registration.rest;

import java.time.Instant;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * One step of the timeline as the app sees it.
 *
 * @param id          increasing; also the SSE event id ({@code Last-Event-ID} resumes after it)
 * @param reasonCode  rejection reason (e.g. {@code DATA_MISMATCH}), withdrawal or revocation reason
 * @param note        the operator's note for the citizen, or why a message failed
 * @param channel     {@code COUNTER}/{@code VIDEO_CALL} for decisions, {@code EMAIL}/{@code SMS} for messages
 * @param messageKind kind of message, e.g. {@code ACTIVATION_CODE}
 * @param recipient   masked address of the message, e.g. {@code b***@example.id}
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record TimelineEntryView(long id, String kind, String status, Instant at, String reasonCode, String note,
        String channel, String messageKind, String recipient) {
}

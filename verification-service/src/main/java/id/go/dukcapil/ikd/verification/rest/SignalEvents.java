package id.go.dukcapil.ikd.verification.rest;

import jakarta.ws.rs.sse.OutboundSseEvent;
import jakarta.ws.rs.sse.Sse;

import id.go.dukcapil.ikd.verification.domain.CallSignal;

/** A call's signals as server-sent events, for both sides' streams. */
public final class SignalEvents {

    private SignalEvents() {
    }

    public static OutboundSseEvent event(Sse sse, CallSignal signal) {
        return sse.newEventBuilder().name(signal.kind()).id(Long.toString(signal.seq())).data(signal.body()).build();
    }

    /** The sequence after which a reconnecting stream goes on; 0 for a new one or an unreadable id. */
    public static long resumeAfter(String lastEventId) {
        try {
            return lastEventId == null || lastEventId.isBlank() ? 0 : Math.max(0, Long.parseLong(lastEventId.strip()));
        } catch (NumberFormatException e) {
            return 0;
        }
    }
}

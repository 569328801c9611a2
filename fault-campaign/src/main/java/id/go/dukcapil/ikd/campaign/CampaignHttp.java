package id.go.dukcapil.ikd.campaign;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

import com.fasterxml.jackson.databind.JsonNode;

import id.go.dukcapil.ikd.local.demo.DemoHttp;
import id.go.dukcapil.ikd.local.demo.DemoHttp.DemoFailure;
import id.go.dukcapil.ikd.local.demo.DemoHttp.Reply;

/**
 * The campaign's clients behave as the app, the portal and a relying party do: an answer that
 * says "later" (502, 503 with Retry-After, 504) or a connection that fails is tried again after a
 * second, until the journey's deadline; anything else is returned to the step. Every answer that
 * was not a success is counted in {@link ClientErrors}, so the report shows what clients saw.
 */
final class CampaignHttp {

    /** A step that did not finish in time ({@code stuck}), or met an answer it cannot go on from. */
    static final class StepFailed extends RuntimeException {
        final boolean stuck;

        StepFailed(String message, boolean stuck) {
            super(message);
            this.stuck = stuck;
        }
    }

    /**
     * The answer a step goes on from; {@code repeated} when the request was sent more than once, so
     * that an earlier attempt may have taken effect although its answer was lost.
     */
    record Answer(Reply reply, boolean repeated) {
        int status() {
            return reply.status();
        }

        JsonNode json() {
            return reply.json();
        }

        String code() {
            return reply.json().path("code").asText("");
        }

        String kind() {
            return CampaignHttp.kind(reply);
        }
    }

    /** A steady 1 s between tries, as an app's retry loop: the services' Retry-After is of that order. */
    private static final Duration RETRY_PAUSE = Duration.ofSeconds(1);

    private final DemoHttp http = new DemoHttp();
    private final ClientErrors errors;

    CampaignHttp(ClientErrors errors) {
        this.errors = errors;
    }

    DemoHttp raw() {
        return http;
    }

    /**
     * Sends until an answer other than "later" comes, or the deadline passes (then the step is
     * stuck; the deadline is read at each try, since a round sets it once the fault is repaired). {@code waitedFor}: statuses that are part of the step (a 404 while an event is on its
     * way), not counted as client errors.
     */
    Answer untilAnswered(String step, LongSupplier deadline, List<Integer> waitedFor, Supplier<Reply> call) {
        int attempts = 0;
        while (true) {
            attempts++;
            Reply reply;
            try {
                reply = call.get();
            } catch (DemoFailure e) {
                String failure = e.getMessage().contains("HttpTimeoutException") ? "no answer within 30 s"
                        : "connection failed";
                errors.add(failure + " (" + step + ")");
                waitOrGiveUp(step, deadline, RETRY_PAUSE, failure + ": " + e.getMessage());
                continue;
            }
            if (reply.status() == 502 || reply.status() == 503 || reply.status() == 504) {
                errors.add(kind(reply) + " (" + step + ")");
                waitOrGiveUp(step, deadline, RETRY_PAUSE, kind(reply));
                continue;
            }
            if (reply.status() >= 400 && !waitedFor.contains(reply.status())) {
                errors.add(kind(reply) + " (" + step + ")");
            }
            return new Answer(reply, attempts > 1);
        }
    }

    /** As {@link #untilAnswered}, and the answer must be one of {@code expected}: else the step fails. */
    JsonNode expect(String step, LongSupplier deadline, Supplier<Reply> call, int... expected) {
        Answer answer = untilAnswered(step, deadline, List.of(), call);
        if (Arrays.stream(expected).noneMatch(status -> status == answer.status())) {
            throw new StepFailed(step + ": " + answer.kind(), false);
        }
        return answer.json();
    }

    static String kind(Reply reply) {
        String code = reply.json().path("code").asText("");
        // an unexplained 500 names its reference, which the service logged with the stack trace
        String reference = reply.status() >= 500 ? reply.json().path("reference").asText("") : "";
        return reply.status() + (code.isEmpty() ? "" : " " + code) + (reference.isEmpty() ? "" : " (reference " + reference + ")");
    }

    /** Pauses before the next try, or gives up (stuck) when the deadline, read now, would pass. */
    static void waitOrGiveUp(String step, LongSupplier deadline, Duration pause, String last) {
        if (System.nanoTime() + pause.toNanos() - deadline.getAsLong() > 0) {
            throw new StepFailed(step + " still answered " + last + " at the deadline", true);
        }
        Pause.of(pause);
    }
}

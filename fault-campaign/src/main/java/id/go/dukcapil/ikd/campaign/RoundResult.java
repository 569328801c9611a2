package id.go.dukcapil.ikd.campaign;

import java.time.Duration;
import java.util.List;

/**
 * One row of the campaign: a fault, the journeys that ran through it and what was counted.
 * {@code recovery} is null when the suite had not caught up within the round's bound.
 */
record RoundResult(String fault, String note, boolean faultInjected, List<JourneyResult> journeysRun, Audit.Counts counts,
        List<String> deadLetters, long outboxLeft, boolean readyDownSeen, boolean messagingDownSeen,
        List<String> downSeen, boolean upAfter, Duration recovery, String clientErrors, long clientErrorCount,
        boolean hiddenByReplicas, boolean mayRepeatAMessage) {

    int journeys() {
        return journeysRun.size();
    }

    int completed() {
        return count(JourneyResult.Outcome.COMPLETED);
    }

    int rejectedAndTold() {
        return count(JourneyResult.Outcome.REJECTED_AND_TOLD);
    }

    int stuck() {
        return count(JourneyResult.Outcome.STUCK);
    }

    int failed() {
        return count(JourneyResult.Outcome.FAILED);
    }

    List<JourneyResult> unfinished() {
        return journeysRun.stream().filter(j -> !j.accountedFor()).toList();
    }

    private int count(JourneyResult.Outcome outcome) {
        return (int) journeysRun.stream().filter(j -> j.outcome() == outcome).count();
    }
}

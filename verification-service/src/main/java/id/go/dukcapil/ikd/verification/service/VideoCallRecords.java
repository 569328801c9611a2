package id.go.dukcapil.ikd.verification.service;

import java.time.Duration;

import jakarta.enterprise.context.ApplicationScoped;

import id.go.dukcapil.ikd.verification.domain.ServiceAction;
import id.go.dukcapil.ikd.verification.domain.VideoCall;
import id.go.dukcapil.ikd.verification.domain.VideoCallEnd;
import id.go.dukcapil.ikd.verification.repository.CaseRepository;
import id.go.dukcapil.ikd.verification.repository.VideoCallStillRepository;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.smallrye.mutiny.Uni;

/**
 * What the office and ops learn of video calls: an answered call that ends is a line of the buku
 * pelayanan with its duration (from the answer to the end) and the number of stills captured, and every call counts in the metrics
 * {@code ikd_video_calls_requested_total}, {@code ikd_video_calls_answered_total},
 * {@code ikd_video_calls_ended_total{reason}} and {@code ikd_video_calls_duration_seconds}.
 */
@ApplicationScoped
public class VideoCallRecords {

    private final ServiceBook book;
    private final CaseRepository cases;
    private final VideoCallStillRepository stills;
    private final MeterRegistry registry;
    private final Counter requested;
    private final Counter rejoined;
    private final Counter answered;
    private final Timer duration;

    public VideoCallRecords(ServiceBook book, CaseRepository cases, VideoCallStillRepository stills,
            MeterRegistry registry) {
        this.book = book;
        this.cases = cases;
        this.stills = stills;
        this.registry = registry;
        this.requested = Counter.builder("ikd.video_calls.requested").description("Video calls asked for by citizens")
                .tag("kind", "new").register(registry);
        this.rejoined = Counter.builder("ikd.video_calls.requested").description("Video calls asked for by citizens")
                .tag("kind", "rejoin").register(registry);
        this.answered = Counter.builder("ikd.video_calls.answered").description("Video calls answered by an operator")
                .register(registry);
        this.duration = Timer.builder("ikd.video_calls.duration")
                .description("Answered video calls, from the answer to the end").register(registry);
    }

    public void requested(boolean rejoin) {
        (rejoin ? rejoined : requested).increment();
    }

    public void answered() {
        answered.increment();
    }

    /** No-shows ended in bulk by the housekeeping (never answered: no line in the book). */
    public void noShows(int count) {
        if (count > 0) {
            ended(VideoCallEnd.NO_SHOW).increment(count);
        }
    }

    /**
     * In the caller's transaction, right after {@code call} ended for {@code reason}: counted, and if
     * an operator had answered it, written to the buku pelayanan with its duration ({@code by}: who
     * ended it, null for the citizen).
     */
    public Uni<Void> ended(VideoCall call, VideoCallEnd reason, OperatorPrincipal by) {
        ended(reason).increment();
        if (call.answeredAt == null || call.endedAt == null) {
            return Uni.createFrom().voidItem();
        }
        duration.record(Duration.between(call.answeredAt, call.endedAt));
        return stills.countOfCall(call.id).chain(taken -> cases.findById(call.caseId).chain(c -> c == null
                ? Uni.createFrom().voidItem()
                : book.record(c, ServiceAction.VIDEO_CALL_ENDED, by, call.officeCode, call.endedAt, null,
                        call.answeredAt, null, note(reason, taken))));
    }

    /** Why the call ended and, when stills were captured, how many (never the images). */
    static String note(VideoCallEnd reason, long stillsTaken) {
        String why = reason.words().plain();
        return stillsTaken == 0 ? why
                : why + "; " + stillsTaken + " foto diambil dengan persetujuan pemohon / " + stillsTaken
                        + (stillsTaken == 1 ? " still" : " stills") + " captured with the citizen's consent";
    }

    private Counter ended(VideoCallEnd reason) {
        return Counter.builder("ikd.video_calls.ended").description("Video calls ended, by why")
                .tag("reason", reason.name()).register(registry);
    }
}

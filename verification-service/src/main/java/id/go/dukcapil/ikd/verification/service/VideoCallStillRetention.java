package id.go.dukcapil.ikd.verification.service;

import java.time.Instant;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import id.go.dukcapil.ikd.messaging.RetentionPurge.Step;
import id.go.dukcapil.ikd.messaging.RetentionRules;
import id.go.dukcapil.ikd.verification.config.VideoCallConfig;

/**
 * Stills from video calls are erased under the selfie's rules: at once when the case is rejected,
 * withdrawn, superseded or activated (the selfie is erased on rejection, withdrawal and activation);
 * otherwise {@code ikd.video-call.stills.kept-for} (7 d, as {@code ikd.registration.expire-after})
 * after the decision, or after the capture while the case is open. Run by the retention job and, so
 * that "at once" means within a minute, by the video-call housekeeping; counted in
 * {@code ikd_retention_purged_total{table="video_call_still"}}.
 */
@ApplicationScoped
public class VideoCallStillRetention implements RetentionRules {

    static final String TABLE = "video_call_still";

    /** $1 is "now": every still of a case closed other than by approval. */
    static final String OF_CLOSED_CASES = """
            delete from video_call_still where id in (
                select s.id from video_call_still s join verification_case c on c.id = s.case_id
                where c.status in ('REJECTED', 'WITHDRAWN', 'SUPERSEDED', 'ACTIVATED') and s.captured_at < $1
                limit $2 for update of s skip locked)""";

    /** $1 is "now" less the period: from the decision if there is one, else from the capture. */
    static final String PAST_PERIOD = """
            delete from video_call_still where id in (
                select s.id from video_call_still s join verification_case c on c.id = s.case_id
                where greatest(s.captured_at, coalesce(c.decided_at, s.captured_at)) < $1
                limit $2 for update of s skip locked)""";

    private final VideoCallConfig config;

    public VideoCallStillRetention(VideoCallConfig config) {
        this.config = config;
    }

    @Override
    public List<Step> steps(Instant now) {
        return List.of(new Step(TABLE, OF_CLOSED_CASES, now),
                new Step(TABLE, PAST_PERIOD, now.minus(config.stills().keptFor())));
    }
}

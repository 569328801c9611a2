package id.go.dukcapil.ikd.verification.repository;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import id.go.dukcapil.ikd.verification.domain.VideoCall;
import id.go.dukcapil.ikd.verification.domain.VideoCallStatus;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;
import io.vertx.core.buffer.Buffer;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;

@ApplicationScoped
public class VideoCallRepository implements PanacheRepositoryBase<VideoCall, UUID> {

    private final Pool pool;

    public VideoCallRepository(Pool pool) {
        this.pool = pool;
    }

    /**
     * Marks the citizen present if {@code tokenHash} is still the call's and the call is open; false
     * otherwise. A plain statement (no session), so a stream's timer can call it from any thread.
     */
    public Uni<Boolean> touchCitizen(UUID callId, byte[] tokenHash) {
        return pool.preparedQuery("update video_call set citizen_seen_at = now() where id = $1 and citizen_token_hash = $2 "
                + "and status <> 'ENDED'").execute(Tuple.of(callId, Buffer.buffer(tokenHash)))
                .map(rows -> rows.rowCount() == 1);
    }

    public Uni<VideoCall> openOfRegistration(UUID registrationId) {
        return find("registrationId = ?1 and status <> ?2", registrationId, VideoCallStatus.ENDED).firstResult();
    }

    public Uni<List<VideoCall>> openOfCase(UUID caseId) {
        return list("caseId = ?1 and status <> ?2", caseId, VideoCallStatus.ENDED);
    }

    /** The office's open calls, the longest waiting first. */
    public Uni<List<VideoCall>> openOfOffice(String officeCode) {
        return list("officeCode = ?1 and status <> ?2 order by requestedAt", officeCode, VideoCallStatus.ENDED);
    }

    /** Waiting calls whose page has not been heard from since {@code seenBefore}. */
    public Uni<List<VideoCall>> silentWaiting(Instant seenBefore) {
        return list("status = ?1 and citizenSeenAt < ?2", VideoCallStatus.WAITING, seenBefore);
    }
}

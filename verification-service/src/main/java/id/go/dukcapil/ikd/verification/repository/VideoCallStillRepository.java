package id.go.dukcapil.ikd.verification.repository;

import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import id.go.dukcapil.ikd.verification.domain.StillSummary;
import id.go.dukcapil.ikd.verification.domain.VideoCallStill;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;

@ApplicationScoped
public class VideoCallStillRepository implements PanacheRepositoryBase<VideoCallStill, UUID> {

    public Uni<Long> countOfCall(UUID callId) {
        return count("callId", callId);
    }

    /** The case's stills, oldest first, without their images. */
    public Uni<List<StillSummary>> ofCase(UUID caseId) {
        // projected by the record's component names: the sealed images are not read
        return find("caseId = ?1 order by capturedAt", caseId).project(StillSummary.class).list();
    }
}

package id.go.dukcapil.ikd.events;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * The central review of a case changed: what the citizen's timeline shows as "Menunggu
 * verifikasi pusat". Carries ids, the state and times only: no name, NIK, contact or note (the
 * return note is for the office).
 *
 * @param expectedBy with {@code PENDING}: when the review is due (one working day of the office by
 *                   default, counted on its working calendar); absent otherwise
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record CentralReviewChanged(
        UUID registrationId,
        UUID caseId,
        CentralReviewState state,
        Instant expectedBy,
        Instant changedAt) implements IkdEvent {

    public CentralReviewChanged {
        Objects.requireNonNull(registrationId, "registrationId is required");
        Objects.requireNonNull(caseId, "caseId is required");
        Objects.requireNonNull(state, "state is required");
        Objects.requireNonNull(changedAt, "changedAt is required");
        if (state == CentralReviewState.PENDING && expectedBy == null) {
            throw new IllegalArgumentException("a pending central review needs its expected time");
        }
    }

    @Override
    public String partitionKey() {
        return registrationId.toString();
    }
}

package id.go.dukcapil.ikd.events;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/** A registration will not be verified any more; verification-service closes its open case. */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record RegistrationWithdrawn(
        UUID registrationId,
        WithdrawalReason reason,
        Instant withdrawnAt) implements IkdEvent {

    public RegistrationWithdrawn {
        Objects.requireNonNull(registrationId, "registrationId is required");
        Objects.requireNonNull(reason, "reason is required");
        Objects.requireNonNull(withdrawnAt, "withdrawnAt is required");
    }

    @Override
    public String partitionKey() {
        return registrationId.toString();
    }
}

package id.go.dukcapil.ikd.events;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * A registration will not be verified any more; verification-service closes its open case.
 *
 * @param supersededBy with reason {@code SUPERSEDED}: the registration of the same NIK that an
 *                     operator approved instead (the one on the citizen's phone); optional
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record RegistrationWithdrawn(
        UUID registrationId,
        WithdrawalReason reason,
        Instant withdrawnAt,
        UUID supersededBy) implements IkdEvent {

    public RegistrationWithdrawn {
        Objects.requireNonNull(registrationId, "registrationId is required");
        Objects.requireNonNull(reason, "reason is required");
        Objects.requireNonNull(withdrawnAt, "withdrawnAt is required");
        if (registrationId.equals(supersededBy)) {
            throw new IllegalArgumentException("a registration cannot be superseded by itself");
        }
    }

    public RegistrationWithdrawn(UUID registrationId, WithdrawalReason reason, Instant withdrawnAt) {
        this(registrationId, reason, withdrawnAt, null);
    }

    @Override
    public String partitionKey() {
        return registrationId.toString();
    }
}

package id.go.dukcapil.ikd.activation.domain;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import id.go.dukcapil.ikd.events.WithdrawalReason;

/** A registration withdrawn in registration-service: it must not be activated. */
@Entity
@Table(name = "registration_withdrawal")
public class Withdrawal {

    @Id
    public UUID registrationId;
    @Enumerated(EnumType.STRING)
    public WithdrawalReason reason;
    public Instant withdrawnAt;
    public Instant recordedAt;
}

package id.go.dukcapil.ikd.messaging;

import java.util.UUID;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;

/** The state change of the test application whose event goes through the outbox. */
@Entity
@Table(name = "test_ledger")
public class LedgerEntry extends PanacheEntityBase {
    @Id
    public UUID id;
    public UUID registrationId;
}

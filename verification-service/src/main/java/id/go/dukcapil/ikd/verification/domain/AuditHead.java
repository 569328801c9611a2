package id.go.dukcapil.ikd.verification.domain;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** The audit chain's head: the last entry's sequence and hash (one row, id 1); appenders lock it. */
@Entity
@Table(name = "audit_head")
public class AuditHead {

    public static final int ID = 1;

    @Id
    public Integer id;
    public long lastSeq;
    public String lastHash;
}

package id.go.dukcapil.ikd.verification.domain;

import java.time.Instant;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** The failed-login counter of a username that is no account, keyed by the username's SHA-256. */
@Entity
@Table(name = "login_throttle")
public class LoginThrottleRow {

    @Id
    public String usernameSha256;
    public int failedAttempts;
    public Instant lockedUntil;
    public Instant updatedAt;
}

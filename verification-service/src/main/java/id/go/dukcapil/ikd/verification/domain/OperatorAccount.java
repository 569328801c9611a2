package id.go.dukcapil.ikd.verification.domain;

import java.time.Instant;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

@Entity
@Table(name = "operator_account")
public class OperatorAccount {

    @Id
    public UUID id;
    public String username;
    public String fullName;
    public String officeCode;
    /** Comma-separated groups, e.g. {@code operator,supervisor}. */
    public String roles;
    /** Argon2id in PHC string format. */
    public String passwordHash;
    public int failedAttempts;
    public Instant lockedUntil;
    public boolean active;
    public Instant createdAt;
    public Instant lastLoginAt;

    public Set<Role> roleSet() {
        return Arrays.stream(roles.split(",")).map(String::trim).map(Role::ofGroup)
                .flatMap(java.util.Optional::stream)
                .collect(Collectors.toCollection(() -> EnumSet.noneOf(Role.class)));
    }

    public static String joinRoles(Set<Role> roles) {
        return roles.stream().sorted().map(Role::group).collect(Collectors.joining(","));
    }

    public boolean lockedAt(Instant now) {
        return lockedUntil != null && lockedUntil.isAfter(now);
    }
}

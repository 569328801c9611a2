package id.go.dukcapil.ikd.verification.service;

import java.util.Set;
import java.util.UUID;

import id.go.dukcapil.ikd.verification.domain.Role;

/** The signed-in operator, from a verified token: who, which office, which roles. */
public record OperatorPrincipal(UUID id, String username, String officeCode, Set<String> groups) {

    public boolean has(Role role) {
        return groups.contains(role.group());
    }

    public boolean canDecide() {
        return has(Role.OPERATOR) || has(Role.SUPERVISOR);
    }
}

package id.go.dukcapil.ikd.verification.domain;

import java.util.Arrays;
import java.util.Optional;

/** Roles of an operator account, as they appear in the {@code groups} claim. */
public enum Role {
    OPERATOR("operator"),
    /** Office supervisor; at Ditjen Dukcapil also the central verifier. */
    SUPERVISOR("supervisor"),
    ADMIN("admin");

    public static final String OPERATOR_GROUP = "operator";
    public static final String SUPERVISOR_GROUP = "supervisor";
    public static final String ADMIN_GROUP = "admin";

    private final String group;

    Role(String group) {
        this.group = group;
    }

    @com.fasterxml.jackson.annotation.JsonValue
    public String group() {
        return group;
    }

    @com.fasterxml.jackson.annotation.JsonCreator
    public static Role fromJson(String group) {
        return ofGroup(group).orElseThrow(() -> new IllegalArgumentException("unknown role " + group));
    }

    public static Optional<Role> ofGroup(String group) {
        return Arrays.stream(values()).filter(role -> role.group.equals(group)).findFirst();
    }
}

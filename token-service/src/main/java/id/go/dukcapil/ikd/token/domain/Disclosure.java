package id.go.dukcapil.ikd.token.domain;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * What the citizen chooses to show in a QR code, by scope. {@link #MINIMAL} (the default) puts
 * nothing personal in the picture: it only proves "a valid IKD", and a relying party gets the
 * attributes its scope allows online. The others put their attributes in the picture, readable by
 * anyone who photographs it, and cap the online answer at them too.
 */
public enum Disclosure {
    MINIMAL(Set.of()),
    NAME(Set.of(Scopes.NAME)),
    STANDARD(Set.of(Scopes.NAME, Scopes.NIK, Scopes.BIRTH_DATE)),
    FULL(Set.of(Scopes.NAME, Scopes.NIK, Scopes.BIRTH_DATE, Scopes.PHOTO));

    private final Set<String> scopes;

    Disclosure(Set<String> scopes) {
        this.scopes = scopes;
    }

    /** The scopes whose attributes go into the QR code. */
    public Set<String> scopes() {
        return scopes;
    }

    public String label() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    public static Optional<Disclosure> of(String label) {
        return Arrays.stream(values()).filter(value -> value.label().equals(label)).findFirst();
    }

    public static List<String> labels() {
        return Arrays.stream(values()).map(Disclosure::label).toList();
    }
}

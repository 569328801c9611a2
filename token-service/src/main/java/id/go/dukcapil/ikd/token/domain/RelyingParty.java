package id.go.dukcapil.ikd.token.domain;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A bank, hospital or reader app allowed to verify QR tokens, and what it may see. */
@Entity
@Table(name = "relying_party")
public class RelyingParty {

    @Id
    public String clientId;
    public String name;
    /** SHA-256 (hex) of the client secret; secrets are 256-bit random, so no slow hash is needed. */
    public String secretHash;
    /** Space-separated scopes. */
    public String scopes;
    public boolean enabled;
    public Instant createdAt;

    public List<String> scopeList() {
        return scopes.isBlank() ? List.of() : Arrays.asList(scopes.split(" "));
    }
}

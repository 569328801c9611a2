package id.go.dukcapil.ikd.token.domain;

import java.util.Map;
import java.util.Set;

/** What a relying party may see of a valid token: scope → (claim in the token, attribute in the answer). */
public final class Scopes {

    public static final String NAME = "ikd.name";
    public static final String NIK = "ikd.nik";
    public static final String BIRTH_DATE = "ikd.birthdate";
    public static final String PHOTO = "ikd.photo";

    public record Attribute(String claim, String name) {
    }

    public static final Map<String, Attribute> ATTRIBUTES = Map.of(
            NAME, new Attribute(QrClaims.NAME, "fullName"),
            NIK, new Attribute(QrClaims.NIK, "nikMasked"),
            BIRTH_DATE, new Attribute(QrClaims.BIRTH_DATE, "birthDate"),
            PHOTO, new Attribute(QrClaims.PHOTO, "photoDigest"));

    public static final Set<String> ALL = ATTRIBUTES.keySet();

    private Scopes() {
    }
}

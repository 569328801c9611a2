package id.go.dukcapil.ikd.token.domain;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * What a relying party may see of a valid token: scope → the attribute, its name in the answer,
 * its claim in the legacy JWS, and its key in the Claim 169 identity map of the CWT.
 */
public final class Scopes {

    public static final String NAME = "ikd.name";
    public static final String NIK = "ikd.nik";
    public static final String BIRTH_DATE = "ikd.birthdate";
    public static final String PHOTO = "ikd.photo";

    /**
     * @param name       in the verification answer
     * @param jwsClaim   in a legacy JWS token
     * @param claim169   key in the Claim 169 map: 1 ID (the masked NIK), 4 full name, 8 date of
     *                   birth; 75, unassigned by the specification, carries IKD's photo digest
     *                   (allowed for closed ecosystems by its guidelines)
     */
    public record Attribute(String scope, String name, String jwsClaim, int claim169) {
    }

    public static final Map<String, Attribute> ATTRIBUTES;

    static {
        Map<String, Attribute> attributes = new LinkedHashMap<>();
        attributes.put(NAME, new Attribute(NAME, "fullName", "nm", 4));
        attributes.put(NIK, new Attribute(NIK, "nikMasked", "nik", 1));
        attributes.put(BIRTH_DATE, new Attribute(BIRTH_DATE, "birthDate", "bd", 8));
        attributes.put(PHOTO, new Attribute(PHOTO, "photoDigest", "ph", 75));
        ATTRIBUTES = java.util.Collections.unmodifiableMap(attributes);
    }

    public static final Set<String> ALL = ATTRIBUTES.keySet();

    private Scopes() {
    }
}

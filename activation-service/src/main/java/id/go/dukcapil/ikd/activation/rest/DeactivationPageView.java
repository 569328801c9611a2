package id.go.dukcapil.ikd.activation.rest;

import io.quarkus.qute.TemplateData;

/**
 * What the deactivation page shows: the link's state and, while it can be confirmed, until when
 * (in WIB, both languages).
 */
@TemplateData
public record DeactivationPageView(String state, String token, String csrf, String expiresId, String expiresEn) {

    public boolean is(String candidate) {
        return candidate.equals(state);
    }
}

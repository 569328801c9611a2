package id.go.dukcapil.ikd.notification.domain;

import java.util.Objects;

import id.go.dukcapil.ikd.web.Languages;

/**
 * Where one message about a registration goes: the citizen's email, phone and language, from the
 * recipient record (events {@code .v2}) or from a {@code .v1} event still in flight.
 */
public record Contact(String email, String phone, String language) {

    public Contact {
        Objects.requireNonNull(email, "email is required");
        Objects.requireNonNull(phone, "phone is required");
        language = Languages.normalise(language);
    }

    /** Never the address itself: contacts are personal data and records get logged. */
    @Override
    public String toString() {
        return "Contact[language=" + language + "]";
    }
}

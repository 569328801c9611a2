package id.go.dukcapil.ikd.registration.rest;

import java.util.UUID;
import id.go.dukcapil.ikd.registration.service.RegistrationService;

/**
 * The answer to every well-formed registration, whether the NIK, email or phone is new or not.
 *
 * @param registrationSecret send it as {@code X-Registration-Secret} on every later call; shown once, stored only as a hash
 */
public record RegistrationAccepted(UUID registrationId, String registrationSecret, String status,
        CounterCodeView counterCode) {

    static RegistrationAccepted of(RegistrationService.Registered registered) {
        return new RegistrationAccepted(registered.registrationId(), registered.secret(), registered.status(),
                CounterCodeView.of(registered.counterCode()));
    }
}

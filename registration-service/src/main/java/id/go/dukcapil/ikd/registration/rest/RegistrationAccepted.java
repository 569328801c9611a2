package id.go.dukcapil.ikd.registration.rest;

import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import id.go.dukcapil.ikd.events.IndonesianTimeZone;
import id.go.dukcapil.ikd.registration.service.RegistrationService;

/**
 * The answer to every well-formed registration, whether the NIK, email or phone is new or not.
 *
 * @param registrationSecret send it as {@code X-Registration-Secret} on every later call; shown once, stored only as a hash
 * @param timeZone           the zone of the registration's office (from the NIK's province): the app shows every
 *                           time in it, with its name (WIB, WITA, WIT)
 */
@Schema(example = """
        {"registrationId": "2b9c7e41-0d5a-4c3f-8e6b-1a2f3d4c5b6e", "registrationSecret": "••••",
         "status": "PENDING_VERIFICATION",
         "counterCode": {"payload": "eyJ0eXAiOiJpa2QtY291bnRlcitqd3QiLCJhbGciOiJFUzI1NiJ9.…", "shortCode": "K7M2-Q9XD",
                         "sequence": 1, "expiresAt": "2026-12-05T02:40:00Z"},
         "timeZone": "WIB"}""")
public record RegistrationAccepted(UUID registrationId, String registrationSecret, String status,
        CounterCodeView counterCode, IndonesianTimeZone timeZone) {

    static RegistrationAccepted of(RegistrationService.Registered registered) {
        return new RegistrationAccepted(registered.registrationId(), registered.secret(), registered.status(),
                CounterCodeView.of(registered.counterCode()), registered.timeZone());
    }
}

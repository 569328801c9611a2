package id.go.dukcapil.ikd.registration.rest;

import java.time.Instant;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import id.go.dukcapil.ikd.registration.service.IssuedCode;

/**
 * What the app shows at the counter.
 *
 * @param payload   compact JWS to render as a QR code
 * @param shortCode the same code for typing, e.g. {@code K7M2-Q9XD}
 * @param sequence  only the code with the highest sequence is accepted
 */
@Schema(example = """
        {"payload": "eyJ0eXAiOiJpa2QtY291bnRlcitqd3QiLCJhbGciOiJFUzI1NiJ9.…", "shortCode": "K7M2-Q9XD",
         "sequence": 1, "expiresAt": "2026-12-05T02:40:00Z"}""")
public record CounterCodeView(String payload, String shortCode, int sequence, Instant expiresAt) {

    static CounterCodeView of(IssuedCode issued) {
        return new CounterCodeView(issued.code().payload(), issued.code().shortCode(), issued.sequence(),
                issued.code().expiresAt());
    }
}

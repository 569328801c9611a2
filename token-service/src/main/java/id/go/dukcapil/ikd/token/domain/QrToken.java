package id.go.dukcapil.ikd.token.domain;

import java.time.Instant;

/** A minted QR token: the text the QR code carries (a CWT in Base45) and what the service needs to know about it. */
public record QrToken(String token, String jti, String subject, String kid, Instant issuedAt, Instant expiresAt,
        Disclosure disclosure) {
}

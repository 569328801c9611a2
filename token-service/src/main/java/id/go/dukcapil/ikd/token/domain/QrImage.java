package id.go.dukcapil.ikd.token.domain;

import java.time.Instant;

/** The pictures of one QR token, kept for the token's life; {@code version} is the QR version (1-40). */
public record QrImage(String jti, String subject, int version, byte[] png, String svg, Instant expiresAt) {
}

package id.go.dukcapil.ikd.registration.service.validation;

/**
 * The app's public key, reduced to its canonical JWK (only {@code crv}, {@code kty}, {@code x},
 * {@code y}, in RFC 7638 order), and its RFC 7638 SHA-256 thumbprint, base64url.
 */
public record DeviceKey(String jwk, String thumbprint) {
}

package id.go.dukcapil.ikd.token.domain;

/** The pictures of one QR token; {@code version} is the QR version (1-40). */
public record QrImage(String jti, int version, byte[] png, String svg) {
}

package id.go.dukcapil.ikd.registration.service.selfie;

/** A selfie ready to be sealed: re-encoded JPEG bytes and their SHA-256 (lowercase hex). */
public record Selfie(byte[] jpeg, String sha256, int width, int height) {

    public static final String CONTENT_TYPE = "image/jpeg";
}

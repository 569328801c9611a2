package id.go.dukcapil.ikd.token.crypto;

/** The input is not a QR token of either format (CWT in Base45, or the legacy compact JWS). */
public class MalformedTokenException extends RuntimeException {

    public MalformedTokenException(String message) {
        super(message, null, false, false);
    }
}

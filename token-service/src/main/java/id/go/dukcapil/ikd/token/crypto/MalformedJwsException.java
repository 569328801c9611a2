package id.go.dukcapil.ikd.token.crypto;

/** The input is not a compact JWS with JSON header and claims. */
public class MalformedJwsException extends RuntimeException {

    public MalformedJwsException(String message) {
        super(message, null, false, false);
    }
}

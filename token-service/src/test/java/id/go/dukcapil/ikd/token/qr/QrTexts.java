package id.go.dukcapil.ikd.token.qr;

import java.util.Random;

/** Texts for the QR tests: random, from an alphabet, and shaped like compact JWS. */
public final class QrTexts {

    static final String BASE64URL = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
    /** ZXing's alphanumeric-mode characters: a text of only these (or digits) is not byte mode. */
    static final String ALPHANUMERIC = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ $%*+-./:";

    private QrTexts() {
    }

    static String random(Random random, String alphabet, int length) {
        StringBuilder text = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            text.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        return text.toString();
    }

    /** Base64url parts joined by two dots, like a compact JWS. */
    public static String jws(Random random, int length) {
        StringBuilder text = new StringBuilder(random(random, BASE64URL, length));
        if (length > 20) {
            text.setCharAt(length / 8, '.');
            text.setCharAt(length - length / 6, '.');
        }
        return text.toString();
    }
}

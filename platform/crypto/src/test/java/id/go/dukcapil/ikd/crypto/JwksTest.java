package id.go.dukcapil.ikd.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigInteger;
import java.util.Base64;

import org.junit.jupiter.api.Test;

class JwksTest {

    /** RFC 7638, section 3.1: the example RSA key and its SHA-256 thumbprint. */
    private static final String RFC7638_JWK = "{\"kty\":\"RSA\",\"n\":\"0vx7agoebGcQSuuPiLJXZptN9nndrQmbXEps2aiAFbWhM78LhWx4cbbfAAtVT86zwu1RK7aPFFxuhDR1L6tSoc_BJECPebWKRXjBZCiFV4n3oknjhMstn64tZ_2W-5JsGY4Hc5n9yBXArwl93lqt7_RN5w6Cf0h4QyQ5v-65YGjQR0_FDW2QvzqY368QQMicAtaSqzs8KJZgnYb9c7d0zgdAZHzu6qMQvRL5hajrn1n91CbOpbISD08qNLyrdkt-bFTWhAI4vMQFh6WeZu0fM4lFd2NcRwr3XPksINHaQ-G_xBniIqbw0Ls1jF44-csFCur-kEgU8awapJzKnqDKgw\",\"e\":\"AQAB\",\"alg\":\"RS256\",\"kid\":\"2011-04-29\"}";
    private static final String RFC7638_THUMBPRINT = "NzbLsXh8uDCcd-6MNwXF4W_7noWXFZAfHkxZsRGC9Xs";

    /** The P-256 key of RFC 7515 A.3, public part; its thumbprint as registration-service computed it by hand before. */
    private static final String X = "f83OJ3D2xF1Bg8vub9tLe1gHMzV76e8Tus9uPHvRVEU";
    private static final String Y = "x_FEzRu9m36HLN_tue659LNpXW6pCyStikYjKIWI5a0";
    private static final String DEVICE_JWK = "{\"kty\":\"EC\",\"crv\":\"P-256\",\"x\":\"" + X + "\",\"y\":\"" + Y + "\"}";
    private static final String OLD_DEVICE_THUMBPRINT = "oKIywvGUpTVTyxMQ3bwIIeQUudfr_CkLMjCE19ECD-U";

    @Test
    void theThumbprintIsRfc7638s() {
        assertThat(Jwks.thumbprint(RFC7638_JWK)).isEqualTo(RFC7638_THUMBPRINT);
    }

    @Test
    void theDeviceKeyThumbprintIsWhatRegistrationStoredBefore() {
        assertThat(Jwks.thumbprint(DEVICE_JWK)).isEqualTo(OLD_DEVICE_THUMBPRINT);
        assertThat(Jwks.thumbprint(Jwks.p256PublicKey(DEVICE_JWK))).as("of the key itself").isEqualTo(OLD_DEVICE_THUMBPRINT);
        // member order and extra members do not change it
        assertThat(Jwks.thumbprint("{\"y\":\"" + Y + "\",\"use\":\"sig\",\"x\":\"" + X + "\",\"crv\":\"P-256\",\"kty\":\"EC\"}"))
                .isEqualTo(OLD_DEVICE_THUMBPRINT);
    }

    @Test
    void aDeviceKeyIsAPublicP256PointOnTheCurve() {
        assertThat(Jwks.p256PublicKey(DEVICE_JWK).getW().getAffineX())
                .isEqualTo(new BigInteger(1, Base64.getUrlDecoder().decode(X)));

        String offCurve = DEVICE_JWK.replace(Y, Y.substring(0, 42) + (Y.charAt(42) == 'A' ? 'B' : 'A'));
        assertThatThrownBy(() -> Jwks.p256PublicKey(offCurve)).isInstanceOf(IllegalArgumentException.class);
        String xTooLarge = DEVICE_JWK.replace(X, "_".repeat(42) + "8");
        assertThatThrownBy(() -> Jwks.p256PublicKey(xTooLarge)).isInstanceOf(IllegalArgumentException.class);
        String withPrivatePart = DEVICE_JWK.replace("}", ",\"d\":\"jpsQnnGQmL-YBIffH1136cspYG6-0iY7X1fCE9-E9LI\"}");
        assertThatThrownBy(() -> Jwks.p256PublicKey(withPrivatePart)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("private");
        assertThatThrownBy(() -> Jwks.p256PublicKey(RFC7638_JWK)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Jwks.p256PublicKey(DEVICE_JWK.replace("P-256", "P-384"))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Jwks.p256PublicKey("not json")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Jwks.thumbprint("{\"kty\":\"nope\"}")).isInstanceOf(IllegalArgumentException.class);
    }
}

package id.go.dukcapil.ikd.local.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.AlgorithmParameters;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.ECParameterSpec;
import java.security.spec.ECPoint;
import java.security.spec.ECPublicKeySpec;
import java.util.Base64;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

class DeviceKeyTest {

    @Test
    void theSignatureOverTheNonceVerifiesWithThePublishedJwk() throws Exception {
        DeviceKey key = DeviceKey.generate();
        JsonNode jwk = new ObjectMapper().readTree(key.publicJwk());

        String jws = key.sign("Vb3-nonce_42");

        String[] parts = jws.split("\\.");
        Base64.Decoder b64 = Base64.getUrlDecoder();
        assertThat(new String(b64.decode(parts[0]), StandardCharsets.UTF_8)).isEqualTo("{\"alg\":\"ES256\"}");
        assertThat(new String(b64.decode(parts[1]), StandardCharsets.UTF_8)).isEqualTo("Vb3-nonce_42");
        assertThat(b64.decode(jwk.path("x").asText())).hasSize(32);
        assertThat(b64.decode(jwk.path("y").asText())).hasSize(32);
        assertThat(b64.decode(parts[2])).hasSize(64);
        Signature verifier = Signature.getInstance("SHA256withECDSAinP1363Format");
        verifier.initVerify(publicKey(jwk));
        verifier.update((parts[0] + "." + parts[1]).getBytes(StandardCharsets.US_ASCII));
        assertThat(verifier.verify(b64.decode(parts[2]))).isTrue();
    }

    private static PublicKey publicKey(JsonNode jwk) throws Exception {
        AlgorithmParameters parameters = AlgorithmParameters.getInstance("EC");
        parameters.init(new ECGenParameterSpec("secp256r1"));
        Base64.Decoder b64 = Base64.getUrlDecoder();
        ECPoint point = new ECPoint(new BigInteger(1, b64.decode(jwk.path("x").asText())),
                new BigInteger(1, b64.decode(jwk.path("y").asText())));
        return KeyFactory.getInstance("EC")
                .generatePublic(new ECPublicKeySpec(point, parameters.getParameterSpec(ECParameterSpec.class)));
    }
}

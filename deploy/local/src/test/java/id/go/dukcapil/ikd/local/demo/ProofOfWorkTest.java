package id.go.dukcapil.ikd.local.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Base64;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

class ProofOfWorkTest {

    private static final String SALT = "n7IVq2c9x0Ab?expires=1795328502";

    @Test
    void findsTheNumberBehindTheChallenge() {
        ProofOfWork.Challenge challenge = challengeFor(73_519, 100_000);

        assertThat(ProofOfWork.solve(challenge)).isEqualTo(73_519L);
    }

    @Test
    void refusesAChallengeWithoutSolutionInRange() {
        ProofOfWork.Challenge challenge = challengeFor(501, 500);

        assertThatThrownBy(() -> ProofOfWork.solve(challenge)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void thePayloadIsBase64JsonOfTheChallengeWithTheNumber() throws Exception {
        ProofOfWork.Challenge challenge = challengeFor(42, 100);

        JsonNode payload = new ObjectMapper().readTree(Base64.getDecoder().decode(ProofOfWork.payload(challenge, 42)));

        assertThat(payload.path("algorithm").asText()).isEqualTo("SHA-256");
        assertThat(payload.path("challenge").asText()).isEqualTo(challenge.challenge());
        assertThat(payload.path("number").asLong()).isEqualTo(42);
        assertThat(payload.path("salt").asText()).isEqualTo(SALT);
        assertThat(payload.path("signature").asText()).isEqualTo("a443sig");
    }

    private static ProofOfWork.Challenge challengeFor(long secretNumber, long maxNumber) {
        return new ProofOfWork.Challenge("SHA-256", ProofOfWork.sha256Hex(SALT + secretNumber), maxNumber, SALT,
                "a443sig");
    }
}

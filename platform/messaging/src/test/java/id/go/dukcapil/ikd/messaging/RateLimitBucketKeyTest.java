package id.go.dukcapil.ikd.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

class RateLimitBucketKeyTest {

    private static final byte[] SECRET = "a-secret-of-at-least-32-bytes-000".getBytes(StandardCharsets.UTF_8);

    @Test
    void aBucketIsStoredAsAKeyedHashThatNamesItAgainButNotItsAddress() {
        RateLimitBucketKey key = RateLimitBucketKey.derivedFrom(SECRET, "registration-service");
        String name = key.name("SUBMISSION:address:203.0.113.7");
        assertThat(name).matches("[A-Za-z0-9_-]{22}").doesNotContain("203").doesNotContain("SUBMISSION");
        assertThat(RateLimitBucketKey.derivedFrom(SECRET, "registration-service").name("SUBMISSION:address:203.0.113.7"))
                .as("the same bucket counts in the same row, on every replica").isEqualTo(name);
        assertThat(key.name("SUBMISSION:address:203.0.113.8")).isNotEqualTo(name);
    }

    @Test
    void anotherLabelOrSecretGivesOtherNames() {
        String bucket = "COUNTER_CODE:address:198.51.100.1";
        String registration = RateLimitBucketKey.derivedFrom(SECRET, "registration-service").name(bucket);
        assertThat(RateLimitBucketKey.derivedFrom(SECRET, "verification-service").name(bucket)).isNotEqualTo(registration);
        byte[] other = SECRET.clone();
        other[0] ^= 1;
        assertThat(RateLimitBucketKey.derivedFrom(other, "registration-service").name(bucket)).isNotEqualTo(registration);
    }

    @Test
    void aShortSecretIsRefused() {
        assertThatThrownBy(() -> RateLimitBucketKey.derivedFrom(new byte[16], "x"))
                .isInstanceOf(IllegalArgumentException.class);
    }
}

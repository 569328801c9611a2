package id.go.dukcapil.ikd.token.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.Random;

import org.junit.jupiter.api.Test;

/** Base45 against the examples of RFC 9285 (sections 4.3 and 4.4). */
class Base45Test {

    @Test
    void encodesTheRfcExamples() {
        assertThat(Base45.encode("AB".getBytes(StandardCharsets.US_ASCII))).isEqualTo("BB8");
        assertThat(Base45.encode("Hello!!".getBytes(StandardCharsets.US_ASCII))).isEqualTo("%69 VD92EX0");
        assertThat(Base45.encode("base-45".getBytes(StandardCharsets.US_ASCII))).isEqualTo("UJCLQE7W581");
        assertThat(Base45.encode(new byte[0])).isEmpty();
    }

    @Test
    void decodesTheRfcExamples() {
        assertThat(new String(Base45.decode("QED8WEX0"), StandardCharsets.US_ASCII)).isEqualTo("ietf!");
        assertThat(new String(Base45.decode("BB8"), StandardCharsets.US_ASCII)).isEqualTo("AB");
        assertThat(new String(Base45.decode("%69 VD92EX0"), StandardCharsets.US_ASCII)).isEqualTo("Hello!!");
    }

    @Test
    void refusesWhatIsNotBase45() {
        // RFC 9285 section 6: "GGW" is 65536, one more than two bytes hold
        assertThatThrownBy(() -> Base45.decode("GGW")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Base45.decode("ABCD")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Base45.decode("ab8")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Base45.decode(":::")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void roundTripsEveryByteValueAndLength() {
        Random random = new Random(45);
        for (int length = 0; length < 300; length++) {
            byte[] bytes = new byte[length];
            random.nextBytes(bytes);
            String text = Base45.encode(bytes);
            assertThat(text).matches("[0-9A-Z $%*+\\-./:]*").hasSize(length / 2 * 3 + length % 2 * 2);
            assertThat(Base45.decode(text)).isEqualTo(bytes);
        }
    }
}

package id.go.dukcapil.ikd.activation.crypto;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class AppPinPolicyTest {

    private static final LocalDate BORN = LocalDate.of(1990, 8, 15);
    /** A woman's NIK: the day is written + 40 (55 for the 15th). */
    private static final String NIK = "3204125508900001";

    @ParameterizedTest
    @ValueSource(strings = { "000000", "111111", "123456", "654321", "123123", "121212", "112233", "890123",
            "150890", "900815", "081590", "550890", "12345", "1234567", "12a456" })
    void trivialOrMalformedPinsAreRefused(String pin) {
        assertThat(AppPinPolicy.trivial(pin, BORN, NIK)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = { "583920", "902741", "316058" })
    void ordinaryPinsAreAccepted(String pin) {
        assertThat(AppPinPolicy.trivial(pin, BORN, NIK)).isFalse();
    }
}

package id.go.dukcapil.ikd.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Locale;

import org.junit.jupiter.api.Test;

class MaskingTest {

    @Test
    void nikKeepsAreaCodeAndLastTwoDigits() {
        assertThat(Masking.nik("3201014501900001")).isEqualTo("320101********01");
        assertThat(Masking.nik("12")).isEqualTo("****");
    }

    @Test
    void emailAndPhoneAreMasked() {
        assertThat(Masking.email("siti.rahma@example.id")).isEqualTo("s***@example.id");
        assertThat(Masking.phone("+6281234567890")).isEqualTo("+6281******890");
        assertThat(Masking.email("a@b.id\r\nBcc: victim@example.id")).isEqualTo("***");
    }

    @Test
    void redactionRemovesNikTokensAndPins() {
        String line = "registration nik=3201014501900001 token=eyJhbGciOiJFUzI1NiJ9.eyJzdWIiOiJ4In0.c2ln pin=123456 {\"pin\":\"654321\"}";
        String redacted = RedactingLogFilter.redact(line);
        assertThat(redacted).doesNotContain("3201014501900001", "eyJhbGciOiJFUzI1NiJ9", "123456", "654321");
        assertThat(redacted).contains("320101********01", "[token]", "pin=[redacted]");
    }

    @Test
    void shorterAndLongerNumbersAreNotNiks() {
        assertThat(RedactingLogFilter.redact("order 123456789012345 and 12345678901234567"))
                .isEqualTo("order 123456789012345 and 12345678901234567");
    }

    @Test
    void indonesianUnlessEnglishIsPreferred() {
        assertThat(Languages.preferred(List.of())).isEqualTo("id");
        assertThat(Languages.preferred(List.of(Locale.forLanguageTag("en-US"), Locale.forLanguageTag("id"))))
                .isEqualTo("en");
        assertThat(Languages.preferred(List.of(Locale.forLanguageTag("fr"), Locale.forLanguageTag("id-ID"))))
                .isEqualTo("id");
    }
}

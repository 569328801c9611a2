package id.go.dukcapil.ikd.registration.service.validation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import id.go.dukcapil.ikd.registration.service.credentials.CounterCodeSigner;
import id.go.dukcapil.ikd.registration.service.credentials.RegistrationSecrets;
import id.go.dukcapil.ikd.web.ContactValidator;
import id.go.dukcapil.ikd.web.ProblemException;

/** The format rules alone, without Quarkus: quick to run and to read. */
class ValidatorsTest {

    private final NikValidator nik = new NikValidator();
    private final ContactValidator contact = new ContactValidator();

    @ParameterizedTest
    @ValueSource(strings = {
            "3204121705900001", // man, 17 May 1990
            "3204125705900001", // woman (day + 40), 17 May 1990
            "1101012902000001", // 29 February 2000 (leap)
            "3204126902960001", // woman born on 29 February 1996
            "9471013112990001", // Papua, 31 December 1999
            "3204127112990001" }) // woman, 31 December
    void validNiks(String value) {
        assertThat(nik.validate(value)).isEqualTo(value);
    }

    @ParameterizedTest
    @CsvSource({
            "3204120101010000, NIK_INVALID_SERIAL",
            "3204123102900001, NIK_INVALID_BIRTH_DATE", // 31 February
            "3204120000900001, NIK_INVALID_BIRTH_DATE", // day 00
            "3204124000900001, NIK_INVALID_BIRTH_DATE", // day 40 is neither a man's nor a woman's date
            "3204128106900001, NIK_INVALID_BIRTH_DATE", // woman, 41 June
            "3204122902010001, NIK_INVALID_BIRTH_DATE", // 29 February 2001 / 1901
            "1001011705900001, NIK_UNKNOWN_PROVINCE",
            "0004121705900001, NIK_UNKNOWN_PROVINCE",
            "'3204121705900001 ', NIK_MALFORMED" })
    void invalidNiks(String value, String code) {
        assertThatThrownBy(() -> nik.validate(value))
                .isInstanceOf(ProblemException.class)
                .extracting(e -> ((ProblemException) e).type().code()).isEqualTo(code);
    }

    @ParameterizedTest
    @CsvSource({
            "081234567890, +6281234567890",
            "+62 812-3456-7890, +6281234567890",
            "62 (812) 3456 789, +628123456789",
            "0857.1234.5678, +6285712345678" })
    void phonesAreNormalisedToE164(String raw, String e164) {
        assertThat(contact.phone(raw)).isEqualTo(e164);
    }

    @Test
    void emailIsLowerCasedAndLimitsHold() {
        assertThat(contact.email("Siti.Nur+ikd@Mail.Example.CO.ID")).isEqualTo("siti.nur+ikd@mail.example.co.id");
        assertThat(contact.email("a".repeat(64) + "@example.id")).startsWith("aaaa");
        assertThatThrownBy(() -> contact.email("a..b@example.id")).isInstanceOf(ProblemException.class);
        assertThatThrownBy(() -> contact.email("a@b@example.id")).isInstanceOf(ProblemException.class);
        assertThatThrownBy(() -> contact.email("budi@-example.id")).isInstanceOf(ProblemException.class);
        assertThatThrownBy(() -> contact.email("budi@example.id\n")).isInstanceOf(ProblemException.class);
        assertThatThrownBy(() -> contact.email("budi@" + "a".repeat(250) + ".id")).isInstanceOf(ProblemException.class);
    }

    @Test
    void shortCodesAvoidAmbiguousCharacters() {
        CounterCodeSigner signer = new CounterCodeSigner(null, "https://ikd.dukcapil.go.id");
        for (int i = 0; i < 1000; i++) {
            assertThat(signer.shortCode()).matches("^[0-9A-Z-]{4,16}$").matches("[2-9A-HJ-NP-Z]{4}-[2-9A-HJ-NP-Z]{4}");
        }
    }

    @Test
    void secretsMatchOnlyTheirOwnHash() {
        RegistrationSecrets secrets = new RegistrationSecrets();
        String secret = secrets.newSecret();
        byte[] hash = secrets.hash(secret);
        assertThat(secrets.matches(secret, hash)).isTrue();
        assertThat(secrets.matches(secret + "x", hash)).isFalse();
        assertThat(secrets.matches(secret, null)).isFalse();
        assertThat(secrets.matches(null, hash)).isFalse();
    }
}

package id.go.dukcapil.ikd.registration.service.validation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.function.UnaryOperator;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

import id.go.dukcapil.ikd.web.ContactValidator;
import id.go.dukcapil.ikd.web.ProblemException;

/**
 * Property-based tests (jqwik) of the parsers that meet a citizen's typing first: whatever the
 * input, a validator either returns a well-formed value or refuses with a client problem (4xx with a
 * code), never another exception (which the service would answer as a 500).
 */
class ValidatorProperties {

    private final NikValidator nik = new NikValidator();
    private final ContactValidator contact = new ContactValidator();

    @Property(tries = 300)
    void aNikIsSixteenDigitsOrAClientProblem(@ForAll("nikLike") String input) {
        String accepted = acceptedOrRefused(nik::validate, input);
        if (accepted != null) {
            assertThat(accepted).isEqualTo(input).matches("\\d{16}").doesNotEndWith("0000");
        }
    }

    @Property(tries = 300)
    void aPhoneIsIndonesianE164OrAClientProblem(@ForAll("phoneLike") String input) {
        String accepted = acceptedOrRefused(contact::phone, input);
        if (accepted != null) {
            assertThat(accepted).matches("\\+628[1-9]\\d{7,10}");
            assertThat(contact.phone(accepted)).isEqualTo(accepted);
        }
    }

    @Property(tries = 300)
    void anEmailIsLowerCaseAndStableOrAClientProblem(@ForAll("emailLike") String input) {
        String accepted = acceptedOrRefused(contact::email, input);
        if (accepted != null) {
            assertThat(accepted).hasSizeLessThanOrEqualTo(254).contains("@").isLowerCase();
            assertThat(contact.email(accepted)).isEqualTo(accepted);
        }
    }

    private static String acceptedOrRefused(UnaryOperator<String> parser, String input) {
        try {
            return parser.apply(input);
        } catch (ProblemException refused) {
            assertThat(refused.type().status()).as(refused.type().code()).isBetween(400, 499);
            assertThat(refused.type().code()).isNotBlank();
            return null;
        }
    }

    @Provide
    Arbitrary<String> nikLike() {
        return Arbitraries.oneOf(Arbitraries.strings().ofMaxLength(40),
                Arbitraries.strings().numeric().ofLength(16),
                Arbitraries.strings().withChars("0123456789\u0000 \u0661").ofMinLength(14).ofMaxLength(18),
                Arbitraries.of("32", "11", "94", "00", "99").flatMap(province -> Arbitraries.strings().numeric()
                        .ofLength(14).map(rest -> province + rest)));
    }

    @Provide
    Arbitrary<String> phoneLike() {
        return Arbitraries.oneOf(Arbitraries.strings().ofMaxLength(40),
                Arbitraries.strings().withChars("+0123456789 ()-.\u0000").ofMaxLength(34),
                Arbitraries.of("+62", "62", "0", "+1", "").flatMap(prefix -> Arbitraries.strings()
                        .withChars("0123456789 -").ofMinLength(6).ofMaxLength(16).map(rest -> prefix + "8" + rest)));
    }

    @Provide
    Arbitrary<String> emailLike() {
        Arbitrary<String> part = Arbitraries.strings().withChars("abcXYZ019.-_+@\u0000\u00e9 ").ofMaxLength(70);
        return Arbitraries.oneOf(Arbitraries.strings().ofMaxLength(300),
                net.jqwik.api.Combinators.combine(part, part).as((local, domain) -> local + "@" + domain),
                net.jqwik.web.api.Web.emails());
    }
}

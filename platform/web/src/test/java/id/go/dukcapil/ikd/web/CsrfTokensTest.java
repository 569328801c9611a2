package id.go.dukcapil.ikd.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Set;

import jakarta.ws.rs.core.NewCookie;

import org.junit.jupiter.api.Test;

class CsrfTokensTest {

    private final CsrfTokens tokens = new CsrfTokens("ikd_test_csrf", "/forms", false);

    @Test
    void issuedTokensAreWellFormedAndNeverRepeat() {
        Set<String> issued = new HashSet<>();
        for (int i = 0; i < 1000; i++) {
            String token = tokens.issue();
            assertThat(CsrfTokens.wellFormed(token)).as(token).isTrue();
            issued.add(token);
        }
        assertThat(issued).hasSize(1000);
    }

    @Test
    void onlyTheShapeOfAnIssuedTokenIsWellFormed() {
        assertThat(CsrfTokens.wellFormed(null)).isFalse();
        assertThat(CsrfTokens.wellFormed("")).isFalse();
        assertThat(CsrfTokens.wellFormed("A".repeat(42))).isFalse();
        assertThat(CsrfTokens.wellFormed("A".repeat(44))).isFalse();
        assertThat(CsrfTokens.wellFormed("A".repeat(42) + "=")).isFalse();
        assertThat(CsrfTokens.wellFormed("A".repeat(42) + "+")).isFalse();
        assertThat(CsrfTokens.wellFormed("A".repeat(42) + "\n")).isFalse();
        assertThat(CsrfTokens.wellFormed("aZ09-_".repeat(7) + "x")).isTrue();
    }

    @Test
    void aWellFormedCookieIsKeptAndAnythingElseIsReplaced() {
        String token = tokens.issue();
        assertThat(tokens.currentOrNew(token)).isEqualTo(token);
        assertThat(tokens.currentOrNew(null)).satisfies(t -> assertThat(CsrfTokens.wellFormed(t)).isTrue());
        String forged = "forged";
        assertThat(tokens.currentOrNew(forged)).isNotEqualTo(forged)
                .satisfies(t -> assertThat(CsrfTokens.wellFormed(t)).isTrue());
    }

    @Test
    void theFieldMustCarryTheCookiesToken() {
        String token = tokens.issue();
        assertThat(tokens.matches(token, token)).isTrue();
        assertThat(tokens.verdict(token, token)).isEqualTo(CsrfTokens.Verdict.MATCH);

        assertThat(tokens.verdict(token, tokens.issue())).isEqualTo(CsrfTokens.Verdict.MISMATCH);
        assertThat(tokens.verdict(token, token.substring(1))).isEqualTo(CsrfTokens.Verdict.MISMATCH);
        assertThat(tokens.verdict(token, token + "A")).isEqualTo(CsrfTokens.Verdict.MISMATCH);
        assertThat(tokens.verdict(token, token.substring(0, 42) + "é")).isEqualTo(CsrfTokens.Verdict.MISMATCH);
        assertThat(tokens.verdict(token, null)).isEqualTo(CsrfTokens.Verdict.NO_FIELD);
        assertThat(tokens.verdict(token, "")).isEqualTo(CsrfTokens.Verdict.NO_FIELD);
        assertThat(tokens.matches(token, null)).isFalse();
    }

    @Test
    void withoutAWellFormedCookieNothingMatchesNotEvenAnEqualField() {
        // a forged form that sends the same junk in cookie and field must not pass
        assertThat(tokens.verdict(null, null)).isEqualTo(CsrfTokens.Verdict.NO_COOKIE);
        assertThat(tokens.verdict(null, tokens.issue())).isEqualTo(CsrfTokens.Verdict.NO_COOKIE);
        assertThat(tokens.verdict("", "")).isEqualTo(CsrfTokens.Verdict.NO_COOKIE);
        assertThat(tokens.verdict("x", "x")).isEqualTo(CsrfTokens.Verdict.NO_COOKIE);
        assertThat(tokens.matches("short", "short")).isFalse();
    }

    @Test
    void theCookieIsHttpOnlyStrictAndScopedToItsPath() {
        String token = tokens.issue();
        NewCookie cookie = tokens.cookie(token);
        assertThat(cookie.getName()).isEqualTo("ikd_test_csrf").isEqualTo(tokens.cookieName());
        assertThat(cookie.getValue()).isEqualTo(token);
        assertThat(cookie.getPath()).isEqualTo("/forms");
        assertThat(cookie.isHttpOnly()).isTrue();
        assertThat(cookie.getSameSite()).isEqualTo(NewCookie.SameSite.STRICT);
        assertThat(cookie.isSecure()).isFalse();
        assertThat(cookie.getMaxAge()).as("a session cookie").isEqualTo(NewCookie.DEFAULT_MAX_AGE);
    }

    @Test
    void theCookieIsSecureWhenThePagesAreServedOverHttps() {
        assertThat(CsrfTokens.servedFrom("https://ikd.dukcapil.go.id", "c", "/p").cookie("t").isSecure()).isTrue();
        assertThat(CsrfTokens.servedFrom("HTTPS://ikd.dukcapil.go.id", "c", "/p").cookie("t").isSecure()).isTrue();
        assertThat(CsrfTokens.servedFrom("http://localhost:8083", "c", "/p").cookie("t").isSecure()).isFalse();
        assertThat(new CsrfTokens("c", "/p", true).cookie("t").isSecure()).isTrue();
    }
}

package id.go.dukcapil.ikd.campaign;

import java.util.Map;
import java.util.function.LongSupplier;

import id.go.dukcapil.ikd.local.suite.SuiteService;

/**
 * The shared sessions of the people behind the counter and the relying party: one operator of
 * the demo office (local approval) decides every case, as a busy counter does, and one relying
 * party checks every QR. Each signs in again when its token is refused.
 */
final class Desks {

    static final String OPERATOR = "demo.operator";
    static final String OPERATOR_PASSWORD = "Demo-IKD-2026!";

    private final CampaignSuite suite;
    private final CampaignHttp http;
    private String operatorToken; // guarded by this
    private String relyingPartyToken; // guarded by this

    Desks(CampaignSuite suite, CampaignHttp http) {
        this.suite = suite;
        this.http = http;
    }

    synchronized String operatorToken(LongSupplier deadline) {
        if (operatorToken == null) {
            operatorToken = http.expect("operator sign-in", deadline,
                    () -> http.raw().postJson(suite.publicUrl(SuiteService.VERIFICATION) + "/api/v1/operator/sessions",
                            Map.of("username", OPERATOR, "password", OPERATOR_PASSWORD), null,
                            CitizenJourney.freshKey()), 200)
                    .path("accessToken").asText();
        }
        return operatorToken;
    }

    synchronized void operatorTokenRefused(String token) {
        if (token.equals(operatorToken)) {
            operatorToken = null;
        }
    }

    synchronized String relyingPartyToken(LongSupplier deadline) {
        if (relyingPartyToken == null) {
            relyingPartyToken = http.expect("relying-party sign-in", deadline,
                    () -> http.raw().postForm(suite.publicUrl(SuiteService.TOKEN) + "/api/v1/relying-party/tokens",
                            Map.of("grant_type", "client_credentials", "client_id", "demo-verifier", "client_secret",
                                    "demo-verifier-secret"), CitizenJourney.freshKey()), 200)
                    .path("access_token").asText();
        }
        return relyingPartyToken;
    }

    synchronized void relyingPartyTokenRefused(String token) {
        if (token.equals(relyingPartyToken)) {
            relyingPartyToken = null;
        }
    }
}

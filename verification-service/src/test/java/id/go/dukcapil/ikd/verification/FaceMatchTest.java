package id.go.dukcapil.ikd.verification;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;

import java.awt.Color;
import java.time.Duration;
import java.util.Base64;

import jakarta.inject.Inject;

import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.github.tomakehurst.wiremock.client.WireMock;

import id.go.dukcapil.ikd.testing.IkdTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * The face-similarity score from a remote provider (WireMock standing in for a national biometric
 * service): the request carries both images and the API key; a good answer is shown on the case page as
 * an aid and audited; a timeout, a 500 or an answer that is not a score shows the unavailable sentence and
 * the page still answers 200. The default (no provider) is {@link FaceMatchDefaultTest}.
 */
@QuarkusTest
@QuarkusTestResource(value = IkdTestResource.class, initArgs = @ResourceArg(name = "database", value = "verification"))
@QuarkusTestResource(RegistrationServiceStub.class)
@QuarkusTestResource(value = FaceMatchProviderStub.class, restrictToAnnotatedClass = true)
class FaceMatchTest {

    private static final String UNAVAILABLE = "Skor kemiripan wajah tidak tersedia";

    @Inject
    Pool pool;

    private static WireMock provider() {
        return new WireMock("127.0.0.1", ConfigProvider.getConfig().getValue(FaceMatchProviderStub.PORT_PROPERTY,
                Integer.class));
    }

    @BeforeEach
    void freshProvider() {
        provider().resetMappings();
        provider().resetRequests();
    }

    private static String casePage(String caseId) {
        String session = PortalLogin.session("demo.operator");
        return given().cookie("ikd_operator_session", session).get("/portal/cases/" + caseId).then().statusCode(200)
                .extract().asString();
    }

    @Test
    void aGoodAnswerIsShownAsAnAidWithTheProviderAndIsAuditedButNotStored() {
        byte[] selfie = FaceMatchSupport.selfie(Color.BLUE);
        provider().register(post(urlEqualTo(FaceMatchProviderStub.PATH))
                .withHeader("X-API-Key", equalTo(FaceMatchProviderStub.API_KEY))
                .withRequestBody(matchingJsonPath("$.selfie.data", equalTo(Base64.getEncoder().encodeToString(selfie))))
                .withRequestBody(matchingJsonPath("$.selfie.contentType", equalTo("image/png")))
                .withRequestBody(matchingJsonPath("$.registryPhoto.data"))
                .withRequestBody(matchingJsonPath("$.registryPhoto.contentType"))
                .willReturn(okJson("{\"score\": 0.8712, \"provider\": \"Dukcapil FR\", \"version\": \"3.2\"}")));
        String caseId = FaceMatchSupport.scannedCase(selfie);

        String page = casePage(caseId);
        assertThat(page).contains("Kemiripan wajah (alat bantu, bukan keputusan)")
                .contains("Face similarity (an aid, not the decision)")
                .contains("id=\"face-match-score\">0,87<").contains("Dukcapil FR 3.2");
        // the request carried both images and the key (a request without them matches no stub: 404, no score)
        provider().verifyThat(1, postRequestedFor(urlEqualTo(FaceMatchProviderStub.PATH))
                .withHeader("X-API-Key", equalTo(FaceMatchProviderStub.API_KEY)));

        // the JSON API gives the same aid
        String token = TestSupport.login("demo.operator");
        given().auth().oauth2(token).get("/api/v1/operator/cases/" + caseId + "/face-match").then().statusCode(200)
                .body("outcome", org.hamcrest.Matchers.equalTo("SCORED"))
                .body("scoreText", org.hamcrest.Matchers.equalTo("0,87"))
                .body("provider", org.hamcrest.Matchers.equalTo("Dukcapil FR"));

        // shown twice, audited twice; the case and its decision hold no score
        long audited = pool.preparedQuery("select count(*) from audit_entry where kind = 'FACE_MATCH_SHOWN' and subject = $1")
                .execute(Tuple.of(caseId)).await().atMost(Duration.ofSeconds(10)).iterator().next().getLong(0);
        assertThat(audited).isEqualTo(2);
        String details = pool.preparedQuery("select details from audit_entry where kind = 'FACE_MATCH_SHOWN' and subject = $1 limit 1")
                .execute(Tuple.of(caseId)).await().atMost(Duration.ofSeconds(10)).iterator().next().getString(0);
        assertThat(details).contains("\"score\":\"0,87\"").contains("Dukcapil FR");
        assertThat(given().auth().oauth2(token).get("/api/v1/operator/cases/" + caseId).then().statusCode(200)
                .extract().asString()).doesNotContain("0.87").doesNotContain("faceMatch");
    }

    @Test
    void aProviderThatDoesNotAnswerInTimeShowsUnavailableAndThePageStillAnswers() {
        provider().register(post(urlEqualTo(FaceMatchProviderStub.PATH))
                .willReturn(okJson("{\"score\": 0.9, \"provider\": \"slow\", \"version\": \"1\"}").withFixedDelay(8000)));
        String caseId = FaceMatchSupport.scannedCase(FaceMatchSupport.selfie(Color.GREEN));
        long started = System.nanoTime();
        String page = casePage(caseId);
        // the page waited the timeout (1 s in this test), not the provider's 8 s
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(6));
        assertThat(page).contains(UNAVAILABLE).contains("Face-match score unavailable")
                .contains("tidak menjawab dalam 1 detik").doesNotContain("face-match-score");
    }

    @Test
    void aServerErrorShowsUnavailableWithTheStatus() {
        provider().register(post(urlEqualTo(FaceMatchProviderStub.PATH)).willReturn(aResponse().withStatus(500)));
        String caseId = FaceMatchSupport.scannedCase(FaceMatchSupport.selfie(Color.RED));
        assertThat(casePage(caseId)).contains(UNAVAILABLE).contains("menjawab 500").contains("answered 500")
                .doesNotContain("face-match-score");
    }

    @Test
    void anAnswerThatIsNotAScoreShowsUnavailable() {
        String caseId = FaceMatchSupport.scannedCase(FaceMatchSupport.selfie(Color.ORANGE));
        provider().register(post(urlEqualTo(FaceMatchProviderStub.PATH)).willReturn(okJson("{\"score\": \"high\"")));
        assertThat(casePage(caseId)).contains(UNAVAILABLE).contains("tidak dapat dibaca").doesNotContain("face-match-score");
        provider().register(post(urlEqualTo(FaceMatchProviderStub.PATH)).willReturn(okJson("{\"score\": 1.7}")));
        assertThat(casePage(caseId)).contains(UNAVAILABLE).contains("tidak dapat dibaca");
        provider().register(post(urlEqualTo(FaceMatchProviderStub.PATH))
                .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "text/html").withBody("<html>")));
        given().cookie("ikd_operator_session", PortalLogin.session("demo.operator")).get("/portal/cases/" + caseId)
                .then().statusCode(200).body(containsString(UNAVAILABLE)).body(not(containsString("face-match-score")));
    }
}

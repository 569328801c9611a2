package id.go.dukcapil.ikd.registration;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Base64;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.client.WireMock;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;

import id.go.dukcapil.ikd.testing.IkdTestResource;
import id.go.dukcapil.ikd.web.images.BaselineJpeg;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.Response;

/**
 * The liveness provider interface with a remote provider (WireMock): what the suite sends (the
 * challenge's moves, every frame, the API key), its pass (the frame it names becomes the selfie)
 * and its refusals (mapped to the built-in codes, an unknown reason to SELFIE_NOT_LIVE), and its
 * failures (an error, silence past the timeout) as 503 SELFIE_LIVENESS_UNAVAILABLE, never a 500.
 * The profile also requires the moving selfie, as production does: a still alone is refused.
 */
@QuarkusTest
@TestProfile(LivenessProviderStub.RemoteProvider.class)
@QuarkusTestResource(value = IkdTestResource.class, initArgs = @ResourceArg(name = "database", value = "registration"))
class RemoteLivenessProviderTest {

    private final ObjectMapper json = new ObjectMapper();

    private static WireMock provider() {
        return new WireMock("127.0.0.1", Integer.getInteger(LivenessProviderStub.PORT_PROPERTY));
    }

    private static void answer(String challengeId, com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder answer) {
        provider().register(post(urlPathEqualTo(LivenessProviderStub.PATH))
                .withRequestBody(matchingJsonPath("$.challengeId", equalTo(challengeId))).willReturn(answer));
    }

    @Test
    void aStillAloneIsRefusedWhereTheMovingSelfieIsRequired() {
        Citizens.register(Citizens.form(Citizens.nik())).then().statusCode(400)
                .contentType("application/problem+json")
                .body("code", org.hamcrest.Matchers.equalTo("SELFIE_LIVENESS_REQUIRED"));
    }

    @Test
    void theProvidersPassStoresTheFrameItNamesAndItGetsTheMovesFramesAndKey() throws Exception {
        Map<String, Object> challenge = MovingSelfieTest.newChallenge();
        String challengeId = (String) challenge.get("challengeId");
        List<String> moves = MovingSelfieTest.moves(challenge);
        List<byte[]> frames = LivenessFrames.following(moves);
        answer(challengeId, okJson("{\"live\": true, \"bestFrame\": 2}"));

        Response response = MovingSelfieTest.submit(Citizens.form(Citizens.nik()), challengeId, frames);
        response.then().statusCode(202);
        String id = response.path("registrationId");
        byte[] shown = Citizens.asOperatorOfTheCase("operator", id).get("/api/v1/registrations/" + id + "/selfie")
                .then().statusCode(200).extract().asByteArray();
        assertThat(shown).isEqualTo(BaselineJpeg.withoutMetadata(frames.get(2)).orElseThrow());

        List<LoggedRequest> sent = provider().find(postRequestedFor(urlPathEqualTo(LivenessProviderStub.PATH))
                .withRequestBody(matchingJsonPath("$.challengeId", equalTo(challengeId))));
        assertThat(sent).hasSize(1);
        assertThat(sent.get(0).getHeader("Authorization")).isEqualTo("Bearer " + LivenessProviderStub.API_KEY);
        assertThat(sent.get(0).getHeader("Content-Type")).startsWith("application/json");
        JsonNode body = json.readTree(sent.get(0).getBodyAsString());
        assertThat(List.of(body.get("moves").get(0).asText(), body.get("moves").get(1).asText())).isEqualTo(moves);
        assertThat(body.get("frames")).hasSize(frames.size());
        for (int i = 0; i < frames.size(); i++) {
            assertThat(Base64.getDecoder().decode(body.get("frames").get(i).asText())).isEqualTo(frames.get(i));
        }
    }

    @Test
    void theProvidersRefusalsKeepTheirCodesAndAnUnknownOneIsNotLive() {
        refusedWith("{\"live\": false, \"reason\": \"MULTIPLE_FACES\"}", 422, "SELFIE_MULTIPLE_FACES");
        refusedWith("{\"live\": false, \"reason\": \"CHALLENGE_NOT_FOLLOWED\"}", 422, "SELFIE_CHALLENGE_NOT_FOLLOWED");
        refusedWith("{\"live\": false, \"reason\": \"SCREEN_REPLAY\"}", 422, "SELFIE_NOT_LIVE");
    }

    @Test
    void aFailingSlowOrOffContractProviderIsA503NeverA500() {
        refused(aResponse().withStatus(500).withBody("boom"), 503, "SELFIE_LIVENESS_UNAVAILABLE");
        refused(okJson("{\"live\": true, \"bestFrame\": 2}").withFixedDelay(2500), 503, "SELFIE_LIVENESS_UNAVAILABLE");
        refused(okJson("{\"live\": true, \"bestFrame\": 99}"), 503, "SELFIE_LIVENESS_UNAVAILABLE");
        refused(okJson("{\"verdict\": \"ok\"}"), 503, "SELFIE_LIVENESS_UNAVAILABLE");
    }

    /** A check that could not run spends nothing: the app's retry (same Idempotency-Key) uses the same challenge. */
    @Test
    void aChallengeSurvivesAProviderOutageAndIsSpentByTheVerdict() {
        Map<String, Object> challenge = MovingSelfieTest.newChallenge();
        String challengeId = (String) challenge.get("challengeId");
        List<byte[]> frames = LivenessFrames.following(MovingSelfieTest.moves(challenge));
        Map<String, String> form = Citizens.form(Citizens.nik());
        String key = java.util.UUID.randomUUID().toString();
        answer(challengeId, aResponse().withStatus(503));
        MovingSelfieTest.submit(form, challengeId, frames, key).then().statusCode(503)
                .body("code", org.hamcrest.Matchers.equalTo("SELFIE_LIVENESS_UNAVAILABLE"));

        answer(challengeId, okJson("{\"live\": true, \"bestFrame\": 1}"));
        MovingSelfieTest.submit(form, challengeId, frames, key).then().statusCode(202);
        MovingSelfieTest.submit(Citizens.form(Citizens.nik()), challengeId, frames, null).then().statusCode(409)
                .body("code", org.hamcrest.Matchers.equalTo("SELFIE_CHALLENGE_USED"));
    }

    private void refusedWith(String body, int status, String code) {
        refused(okJson(body), status, code);
    }

    private void refused(com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder providerAnswer, int status,
            String code) {
        Map<String, Object> challenge = MovingSelfieTest.newChallenge();
        String challengeId = (String) challenge.get("challengeId");
        answer(challengeId, providerAnswer);
        MovingSelfieTest.submit(Citizens.form(Citizens.nik()), challengeId,
                LivenessFrames.following(MovingSelfieTest.moves(challenge))).then().statusCode(status)
                .contentType("application/problem+json").body("code", org.hamcrest.Matchers.equalTo(code));
    }
}

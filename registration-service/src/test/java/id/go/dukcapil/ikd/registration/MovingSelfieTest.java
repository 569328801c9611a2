package id.go.dukcapil.ikd.registration;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.startsWith;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import id.go.dukcapil.ikd.messaging.RetentionJob;
import id.go.dukcapil.ikd.testing.IkdTestResource;
import id.go.dukcapil.ikd.web.IdempotencyKey;
import id.go.dukcapil.ikd.web.images.BaselineJpeg;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * The moving selfie through the real API, PostgreSQL and OpenCV (issue 18): a challenge, then frames
 * of a real face (the public-domain NASA portrait, cropped and moved) that follow it, are accepted
 * and the best frame becomes the selfie; a still face, two faces, a cartoon, noise, darkness, and a
 * challenge unknown, spent or expired are each refused with their code, and nothing is stored.
 */
@QuarkusTest
@QuarkusTestResource(value = IkdTestResource.class, initArgs = @ResourceArg(name = "database", value = "registration"))
class MovingSelfieTest {

    @Inject
    Pool pool;
    @Inject
    RetentionJob retention;

    static Response challenge() {
        return given().post("/api/v1/selfie-challenges");
    }

    static Map<String, Object> newChallenge() {
        return challenge().then().statusCode(201).extract().jsonPath().getMap("");
    }

    @SuppressWarnings("unchecked")
    static List<String> moves(Map<String, Object> challenge) {
        return ((List<Map<String, Object>>) challenge.get("moves")).stream().map(m -> (String) m.get("move")).toList();
    }

    static Response submit(Map<String, String> form, Object challengeId, List<byte[]> frames) {
        return submit(form, challengeId, frames, null);
    }

    static Response submit(Map<String, String> form, Object challengeId, List<byte[]> frames, String idempotencyKey) {
        RequestSpecification request = given();
        if (idempotencyKey != null) {
            request.header(IdempotencyKey.HEADER, idempotencyKey);
        }
        form.forEach(request::multiPart);
        if (challengeId != null) {
            request.multiPart("challengeId", challengeId.toString());
        }
        for (int i = 0; i < frames.size(); i++) {
            request.multiPart("frame", "frame-" + i + ".jpg", frames.get(i), "image/jpeg");
        }
        return request.post("/api/v1/registrations");
    }

    @Test
    void aChallengeHasTwoDifferentMovesWithInstructionsInBothLanguagesItsExpiryAndTheFrameLimits() {
        challenge().then().statusCode(201).header("Cache-Control", "no-store")
                .body("moves", hasSize(2))
                .body("moves[0].instructionId", startsWith("")).body("frames.min", equalTo(4))
                .body("frames.max", equalTo(12)).body("frames.maxBytes", equalTo(262144))
                .body("frames.format", equalTo("image/jpeg"));
        Map<String, Object> challenge = newChallenge();
        assertThat(moves(challenge)).doesNotHaveDuplicates().allSatisfy(move -> assertThat(move).isIn("LEFT", "RIGHT", "CLOSER"));
        assertThat(java.time.Duration.between(java.time.Instant.now(),
                java.time.Instant.parse((String) challenge.get("expiresAt")))).isBetween(
                        java.time.Duration.ofSeconds(100), java.time.Duration.ofSeconds(121));
    }

    @Test
    void aFaceFollowingTheChallengeIsAcceptedAndItsBestFrameIsTheSelfie() throws Exception {
        Map<String, Object> challenge = newChallenge();
        List<byte[]> frames = LivenessFrames.following(moves(challenge));
        Response response = submit(Citizens.form(Citizens.nik()), challenge.get("challengeId"), frames);
        response.then().statusCode(202).body("status", equalTo("PENDING_VERIFICATION"));
        String id = response.path("registrationId");
        byte[] shown = Citizens.asOperatorOfTheCase("operator", id).get("/api/v1/registrations/" + id + "/selfie")
                .then().statusCode(200).contentType("image/jpeg").extract().asByteArray();
        List<byte[]> stored = frames.stream().map(frame -> BaselineJpeg.withoutMetadata(frame).orElseThrow()).toList();
        assertThat(stored).as("the selfie is one of the frames, as sent less metadata").anySatisfy(
                frame -> assertThat(frame).isEqualTo(shown));
        if (moves(challenge).contains("CLOSER")) {
            assertThat(shown).as("a larger face is better than the first, farther one").isNotEqualTo(stored.get(0));
        }

        // the same challenge again: spent
        submit(Citizens.form(Citizens.nik()), challenge.get("challengeId"), frames).then().statusCode(409)
                .contentType("application/problem+json").body("code", equalTo("SELFIE_CHALLENGE_USED"));
    }

    static Stream<Arguments> refusedSequences() {
        return Stream.of(
                Arguments.of("a face that does not move (a photo held up)", "still", 422, "SELFIE_CHALLENGE_NOT_FOLLOWED"),
                Arguments.of("two faces", "two", 422, "SELFIE_MULTIPLE_FACES"),
                Arguments.of("a drawn cartoon moving", "cartoon", 422, "SELFIE_NO_FACE"),
                Arguments.of("noise", "noise", 422, "SELFIE_NO_FACE"),
                Arguments.of("the moves in the dark", "dark", 422, "SELFIE_TOO_DARK"),
                Arguments.of("the other moves than asked", "other", 422, "SELFIE_CHALLENGE_NOT_FOLLOWED"),
                Arguments.of("three frames", "few", 400, "SELFIE_FRAME_COUNT"),
                Arguments.of("a frame that is a PNG", "png", 415, "SELFIE_UNSUPPORTED_FORMAT"));
    }

    @ParameterizedTest(name = "{0} -> {3}")
    @MethodSource("refusedSequences")
    void eachSequenceIsRefusedWithItsCodeAndNothingIsStored(String description, String kind, int status, String code) {
        Map<String, Object> challenge = newChallenge();
        List<String> moves = moves(challenge);
        List<byte[]> frames = switch (kind) {
            case "still" -> LivenessFrames.still(6);
            case "two" -> LivenessFrames.twoFaces(5);
            case "cartoon" -> LivenessFrames.cartoon(5);
            case "noise" -> LivenessFrames.noise(5);
            case "dark" -> LivenessFrames.dark(moves);
            case "other" -> LivenessFrames.following(other(moves));
            case "few" -> LivenessFrames.following(moves).subList(0, 3);
            case "png" -> Stream.concat(LivenessFrames.following(moves).stream().limit(4),
                    Stream.of(Citizens.image("png", 320, 320))).toList();
            default -> throw new IllegalArgumentException(kind);
        };
        String nik = Citizens.nik();
        submit(Citizens.form(nik), challenge.get("challengeId"), frames).then().log().ifValidationFails().statusCode(status)
                .contentType("application/problem+json").body("code", equalTo(code))
                .body("detail", org.hamcrest.Matchers.not(org.hamcrest.Matchers.emptyOrNullString()));
        assertThat(registrationsOf(nik)).as("nothing stored").isZero();
        if (status == 422) { // a verdict on the frames spends the challenge: another try needs a new one
            submit(Citizens.form(Citizens.nik()), challenge.get("challengeId"), LivenessFrames.following(moves))
                    .then().statusCode(409).body("code", equalTo("SELFIE_CHALLENGE_USED"));
        }
    }

    /** The moves a citizen who did not read the instruction might do: none of the asked pair in its order. */
    private static List<String> other(List<String> asked) {
        return List.of(asked.get(1), asked.get(0));
    }

    @Test
    void anUnknownOrExpiredChallengeIsRefused() {
        List<byte[]> frames = LivenessFrames.following(List.of("LEFT", "CLOSER"));
        submit(Citizens.form(Citizens.nik()), UUID.randomUUID(), frames).then().statusCode(400)
                .body("code", equalTo("SELFIE_CHALLENGE_UNKNOWN")).body("field", equalTo("challengeId"));
        submit(Citizens.form(Citizens.nik()), "not-a-uuid", frames).then().statusCode(400)
                .body("code", equalTo("SELFIE_CHALLENGE_UNKNOWN"));

        Map<String, Object> challenge = newChallenge();
        pool.preparedQuery("update selfie_challenge set expires_at = now() - interval '1 second' where id = $1")
                .execute(Tuple.of(UUID.fromString((String) challenge.get("challengeId")))).await().indefinitely();
        String nik = Citizens.nik();
        submit(Citizens.form(nik), challenge.get("challengeId"), LivenessFrames.following(moves(challenge)))
                .then().statusCode(400).body("code", equalTo("SELFIE_CHALLENGE_EXPIRED"));
        assertThat(registrationsOf(nik)).isZero();
    }

    @Test
    void framesWithoutAChallengeAreRefusedAndTheStillStillWorksWhereLivenessIsNotRequired() {
        submit(Citizens.form(Citizens.nik()), null, LivenessFrames.following(List.of("LEFT", "RIGHT"))).then()
                .statusCode(400).body("code", equalTo("SELFIE_CHALLENGE_UNKNOWN"));
        Citizens.register(Citizens.form(Citizens.nik())).then().statusCode(202);
    }

    @Test
    void theRetentionJobDeletesSpentAndExpiredChallengesAndKeepsLiveOnes() {
        UUID spent = UUID.fromString((String) newChallenge().get("challengeId"));
        UUID expired = UUID.fromString((String) newChallenge().get("challengeId"));
        UUID live = UUID.fromString((String) newChallenge().get("challengeId"));
        pool.preparedQuery("update selfie_challenge set used_at = now() where id = $1").execute(Tuple.of(spent))
                .await().indefinitely();
        pool.preparedQuery("update selfie_challenge set expires_at = now() - interval '1 second' where id = $1")
                .execute(Tuple.of(expired)).await().indefinitely();

        retention.purgeAsOf(java.time.Instant.now()).await().indefinitely();

        assertThat(challengeExists(spent)).isFalse();
        assertThat(challengeExists(expired)).isFalse();
        assertThat(challengeExists(live)).isTrue();
    }

    private boolean challengeExists(UUID id) {
        return pool.preparedQuery("select 1 from selfie_challenge where id = $1").execute(Tuple.of(id)).await()
                .indefinitely().size() == 1;
    }

    private long registrationsOf(String nik) {
        return pool.preparedQuery("select count(*) from registration where nik = $1").execute(Tuple.of(nik))
                .await().indefinitely().iterator().next().getLong(0);
    }
}

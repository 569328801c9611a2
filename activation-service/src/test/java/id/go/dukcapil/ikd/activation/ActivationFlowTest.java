package id.go.dukcapil.ikd.activation;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.function.Predicate;

import jakarta.inject.Inject;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import id.go.dukcapil.ikd.activation.support.Device;
import id.go.dukcapil.ikd.activation.support.Journey;
import id.go.dukcapil.ikd.activation.support.JourneyTopics;
import id.go.dukcapil.ikd.activation.support.NotifierKeysResource;
import id.go.dukcapil.ikd.activation.support.TestClock;
import id.go.dukcapil.ikd.events.ActivationCodeIssued;
import id.go.dukcapil.ikd.events.EventJson;
import id.go.dukcapil.ikd.events.EventType;
import id.go.dukcapil.ikd.events.IdentityActivated;
import id.go.dukcapil.ikd.events.IdentityRevoked;
import id.go.dukcapil.ikd.events.RevocationReason;
import id.go.dukcapil.ikd.testing.IkdTestResource;
import id.go.dukcapil.ikd.testing.TopicProbe;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/** SOP step 5 through the JSON API: the PIN, its limits, and the identity it creates. */
@QuarkusTest
@QuarkusTestResource(value = IkdTestResource.class, initArgs = @ResourceArg(name = "database", value = "activation"))
@QuarkusTestResource(NotifierKeysResource.class)
class ActivationFlowTest {

    @Inject
    TestClock clock;

    @RegisterExtension
    final JourneyTopics topics = JourneyTopics.activationAndIdentity();

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    void rightPinActivatesOnceAndTheCodeIsThenDead() {
        Device device = Device.generate();
        Journey.Approved approved = Journey.approve(topics.activation(), device, Journey.newNik());

        Journey.activate(approved.secrets().linkToken(), approved.secrets().pin()).statusCode(200)
                .body("status", equalTo("ACTIVATED"));
        Journey.activate(approved.secrets().linkToken(), approved.secrets().pin()).statusCode(409)
                .contentType("application/problem+json").body("code", equalTo("ALREADY_ACTIVATED"));

        ConsumerRecord<String, String> record = topics.identity().await(activatedFor(approved.registrationId()),
                Duration.ofSeconds(30));
        IdentityActivated activated = EventJson.read(record.value(), IdentityActivated.class);
        assertThat(activated.attributes().nik()).isEqualTo(approved.nik());
        assertThat(activated.subject()).doesNotContain(approved.nik()).hasSizeGreaterThanOrEqualTo(22);
        assertThat(activated.deviceKeyThumbprint()).matches("[A-Za-z0-9_-]{43}");
        assertThat(topics.identity().collect(activatedFor(approved.registrationId()), Duration.ofSeconds(2))).hasSize(1);
    }

    @Test
    void anActivationSentAgainWithItsIdempotencyKeyAnswersWhatTheFirstDidAndActivatesOnce() {
        Journey.Approved approved = Journey.approve(topics.activation(), Device.generate(), Journey.newNik());
        String token = approved.secrets().linkToken();

        // a wrong PIN sent again (its answer was lost) is one attempt, not two
        String wrongKey = UUID.randomUUID().toString();
        String wrongCaptcha = Journey.solvedCaptcha();
        for (int send = 0; send < 2; send++) {
            keyed(wrongKey, token, Journey.wrongPin(approved.secrets().pin()), wrongCaptcha).statusCode(422)
                    .body("code", equalTo("WRONG_PIN")).body("attemptsLeft", equalTo(4));
        }

        String key = UUID.randomUUID().toString();
        String captcha = Journey.solvedCaptcha();
        String activatedAt = keyed(key, token, approved.secrets().pin(), captcha).statusCode(200)
                .body("status", equalTo("ACTIVATED")).extract().path("activatedAt");
        // the gateway sends it again to another replica: the same answer, not ALREADY_ACTIVATED or CAPTCHA_FAILED
        keyed(key, token, approved.secrets().pin(), captcha).statusCode(200)
                .body("status", equalTo("ACTIVATED")).body("activatedAt", equalTo(activatedAt));
        // without the key, a repeat is a new request
        Journey.activate(token, approved.secrets().pin()).statusCode(409).body("code", equalTo("ALREADY_ACTIVATED"));
        assertThat(topics.identity().collect(activatedFor(approved.registrationId()), Duration.ofSeconds(3))).hasSize(1);
    }

    private static io.restassured.response.ValidatableResponse keyed(String key, String token, String pin, String captcha) {
        return given().contentType(ContentType.JSON).header("Idempotency-Key", key)
                .body(Map.of("linkToken", token, "pin", pin, "captcha", captcha))
                .post("/api/v1/activations").then();
    }

    @Test
    void wrongPinsCountDownAndTheFifthLocksTheCode() {
        Journey.Approved approved = Journey.approve(topics.activation(), Device.generate(), Journey.newNik());
        String token = approved.secrets().linkToken();
        String wrong = Journey.wrongPin(approved.secrets().pin());

        for (int attemptsLeft = 4; attemptsLeft >= 1; attemptsLeft--) {
            Journey.activate(token, wrong).statusCode(422).contentType("application/problem+json")
                    .body("code", equalTo("WRONG_PIN")).body("attemptsLeft", equalTo(attemptsLeft));
        }
        Journey.activate(token, wrong).statusCode(423).body("code", equalTo("CODE_LOCKED"));
        // brute force stops: even the right PIN is refused now
        Journey.activate(token, approved.secrets().pin()).statusCode(423).body("code", equalTo("CODE_LOCKED"));
        assertThat(topics.identity().collect(activatedFor(approved.registrationId()), Duration.ofSeconds(2))).isEmpty();
        // ops see it
        given().get("/q/metrics").then().statusCode(200)
                .body(org.hamcrest.Matchers.containsString("ikd_activation_attempts_total{result=\"LOCKED\"}"));
    }

    @Test
    void anExpiredCodeSaysSo() {
        Journey.Approved approved = Journey.approve(topics.activation(), Device.generate(), Journey.newNik());
        clock.advance(Duration.ofHours(24).plusMinutes(1));

        Journey.activate(approved.secrets().linkToken(), approved.secrets().pin()).statusCode(410)
                .body("code", equalTo("CODE_EXPIRED"));
    }

    @Test
    void aCaptchaSolutionCountsOnceAndAForgedOneNever() {
        Journey.Approved approved = Journey.approve(topics.activation(), Device.generate(), Journey.newNik());
        String token = approved.secrets().linkToken();
        String captcha = Journey.solvedCaptcha();

        Journey.activate(token, Journey.wrongPin(approved.secrets().pin()), captcha).statusCode(422);
        Journey.activate(token, approved.secrets().pin(), captcha).statusCode(400).body("code", equalTo("CAPTCHA_FAILED"));
        Journey.activate(token, approved.secrets().pin(), "eyJudW1iZXIiOjF9").statusCode(400)
                .body("code", equalTo("CAPTCHA_FAILED"));
        String stale = Journey.solvedCaptcha();
        clock.advance(Duration.ofMinutes(11));
        Journey.activate(token, approved.secrets().pin(), stale).statusCode(400).body("code", equalTo("CAPTCHA_FAILED"));
        // captcha failures do not use up PIN attempts
        Journey.activate(token, Journey.wrongPin(approved.secrets().pin())).statusCode(422)
                .body("attemptsLeft", equalTo(3));
    }

    @Test
    void aSplicedCaptchaSolutionIsRefusedAndTheTrueOneStillCounts() {
        Journey.Approved approved = Journey.approve(topics.activation(), Device.generate(), Journey.newNik());
        Journey.SolvedCaptcha solved = Journey.solveCaptcha();
        while (solved.number() < 10) {
            solved = Journey.solveCaptcha(); // a number of two digits or more, so that one can be moved
        }
        assertThat(solved.salt()).as("the salt closes its parameters with &").matches("[0-9a-f]+\\?expires=\\d+&");
        String digits = Long.toString(solved.number());
        long rest = Long.parseLong(digits.substring(1));
        String withoutEnd = solved.salt().substring(0, solved.salt().length() - 1);
        // CVE-2025-68113: salt + number hashed the same with a digit moved from number to expires
        for (Journey.SolvedCaptcha spliced : List.of(
                solved.with(withoutEnd + digits.charAt(0), rest),
                solved.with(withoutEnd + digits.charAt(0) + "&", rest),
                solved.with(solved.salt() + digits.charAt(0), rest))) {
            Journey.activate(approved.secrets().linkToken(), approved.secrets().pin(), spliced.payload()).statusCode(400)
                    .body("code", equalTo("CAPTCHA_FAILED"));
        }
        Journey.activate(approved.secrets().linkToken(), approved.secrets().pin(), solved.payload()).statusCode(200);
    }

    @Test
    void unknownLinkAndMalformedPinAreRefused() {
        Journey.activate("no-such-token-" + UUID.randomUUID(), "123456").statusCode(404)
                .body("code", equalTo("INVALID_LINK"));
        given().contentType(ContentType.JSON).body(Map.of("linkToken", "x", "pin", "12ab56", "captcha", "x"))
                .post("/api/v1/activations").then().statusCode(400).body("code", equalTo("VALIDATION_FAILED"));
    }

    @Test
    void twoConcurrentActivationsWithTheRightPinActivateOnce() throws Exception {
        Journey.Approved approved = Journey.approve(topics.activation(), Device.generate(), Journey.newNik());
        String captchaA = Journey.solvedCaptcha();
        String captchaB = Journey.solvedCaptcha();
        CountDownLatch start = new CountDownLatch(1);
        List<CompletableFuture<Integer>> attempts = new ArrayList<>();
        for (String captcha : List.of(captchaA, captchaB)) {
            attempts.add(CompletableFuture.supplyAsync(() -> {
                try {
                    start.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                return Journey.activate(approved.secrets().linkToken(), approved.secrets().pin(), captcha)
                        .extract().statusCode();
            }));
        }
        start.countDown();
        List<Integer> statuses = new ArrayList<>();
        for (CompletableFuture<Integer> attempt : attempts) {
            statuses.add(attempt.get());
        }
        assertThat(statuses).containsExactlyInAnyOrder(200, 409);
        topics.identity().await(activatedFor(approved.registrationId()), Duration.ofSeconds(30));
        assertThat(topics.identity().collect(activatedFor(approved.registrationId()), Duration.ofSeconds(2))).hasSize(1);
    }

    @Test
    void resendReplacesTheCodeAtMostThreeTimesADayAndAnswersAlike() {
        Journey.Approved approved = Journey.approve(topics.activation(), Device.generate(), Journey.newNik());
        UUID registrationId = approved.registrationId();
        String firstToken = approved.secrets().linkToken();

        resend(registrationId, "not-a-token-of-this-registration");
        resend(UUID.randomUUID(), firstToken);
        resend(registrationId, firstToken);
        ConsumerRecord<String, String> second = topics.activation().await(
                Journey.codeIssuedFor(registrationId).and(sequence(2)), Duration.ofSeconds(30));
        Journey.Secrets secrets = Journey.unseal(second);
        assertThat(secrets.linkToken()).isNotEqualTo(firstToken);

        Journey.activate(firstToken, approved.secrets().pin()).statusCode(410).body("code", equalTo("CODE_REPLACED"));

        resend(registrationId, firstToken); // the older link still authorises a resend: it is in the citizen's mailbox
        resend(registrationId, secrets.linkToken());
        resend(registrationId, secrets.linkToken()); // fourth of the day: answered alike, nothing sent
        topics.activation().await(Journey.codeIssuedFor(registrationId).and(sequence(4)), Duration.ofSeconds(30));
        List<ConsumerRecord<String, String>> codes = topics.activation().collect(Journey.codeIssuedFor(registrationId),
                Duration.ofSeconds(3));
        assertThat(codes).extracting(record -> EventJson.read(record.value(), ActivationCodeIssued.class).sequence())
                .containsExactly(1, 2, 3, 4);

        ConsumerRecord<String, String> latest = codes.get(codes.size() - 1);
        Journey.Secrets newest = Journey.unseal(latest);
        Journey.activate(newest.linkToken(), newest.pin()).statusCode(200);
    }

    @Test
    void aNewActivationForTheSameNikRevokesTheOldIdentityOnce() {
        String nik = Journey.newNik();
        Journey.Approved first = Journey.approve(topics.activation(), Device.generate(), nik);
        Journey.activate(first.secrets().linkToken(), first.secrets().pin()).statusCode(200);
        IdentityActivated oldIdentity = EventJson.read(topics.identity().await(activatedFor(first.registrationId()),
                Duration.ofSeconds(30)).value(), IdentityActivated.class);

        Journey.Approved second = Journey.approve(topics.activation(), Device.generate(), nik);
        Journey.activate(second.secrets().linkToken(), second.secrets().pin()).statusCode(200);
        IdentityActivated newIdentity = EventJson.read(topics.identity().await(activatedFor(second.registrationId()),
                Duration.ofSeconds(30)).value(), IdentityActivated.class);

        Predicate<ConsumerRecord<String, String>> revokedOld = TopicProbe.ofType(EventType.of(IdentityRevoked.class).type())
                .and(record -> record.value().contains(oldIdentity.identityId().toString()));
        topics.identity().await(revokedOld, Duration.ofSeconds(30));
        List<ConsumerRecord<String, String>> revocations = topics.identity().collect(revokedOld, Duration.ofSeconds(2));
        assertThat(revocations).hasSize(1);
        IdentityRevoked revoked = EventJson.read(revocations.get(0).value(), IdentityRevoked.class);
        assertThat(revoked.reason()).isEqualTo(RevocationReason.REPLACED_BY_NEW_DEVICE);
        assertThat(revoked.replacedBy()).isEqualTo(newIdentity.identityId());
        assertThat(revoked.registrationId()).isEqualTo(first.registrationId());
    }

    @Test
    void neitherPinsNorLinkTokensAppearInTheLogs() {
        List<String> logged = new java.util.concurrent.CopyOnWriteArrayList<>();
        java.util.logging.Handler capture = new java.util.logging.Handler() {
            private final java.util.logging.SimpleFormatter formatter = new java.util.logging.SimpleFormatter();

            @Override
            public void publish(java.util.logging.LogRecord record) {
                logged.add(formatter.formatMessage(record));
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        java.util.logging.Logger root = java.util.logging.Logger.getLogger("");
        root.addHandler(capture);
        try {
            Journey.Approved approved = Journey.approve(topics.activation(), Device.generate(), Journey.newNik());
            String token = approved.secrets().linkToken();
            for (int i = 0; i < 5; i++) {
                Journey.activate(token, Journey.wrongPin(approved.secrets().pin()));
            }
            resend(approved.registrationId(), token);
            Journey.Secrets resent = Journey.unseal(topics.activation().await(
                    Journey.codeIssuedFor(approved.registrationId()).and(sequence(2)), Duration.ofSeconds(30)));
            Journey.activate(resent.linkToken(), resent.pin()).statusCode(200);
            topics.identity().await(activatedFor(approved.registrationId()), Duration.ofSeconds(30));

            assertThat(logged).isNotEmpty()
                    .noneMatch(line -> line.contains(token) || line.contains(resent.linkToken())
                            || line.contains(approved.nik()))
                    .noneMatch(line -> line.matches("(?s).*\\b(" + approved.secrets().pin() + "|"
                            + Journey.wrongPin(approved.secrets().pin()) + "|" + resent.pin() + ")\\b.*"));
        } finally {
            root.removeHandler(capture);
        }
    }

    private static void resend(UUID registrationId, String linkToken) {
        given().contentType(ContentType.JSON).body(Map.of("linkToken", linkToken))
                .post("/api/v1/activations/{id}/resend", registrationId)
                .then().statusCode(202)
                .body("message", equalTo("Jika permintaan dapat diproses, PIN aktivasi baru dikirim ke email Anda."));
    }

    private static Predicate<ConsumerRecord<String, String>> sequence(int sequence) {
        return record -> EventJson.read(record.value(), ActivationCodeIssued.class).sequence() == sequence;
    }

    static Predicate<ConsumerRecord<String, String>> activatedFor(UUID registrationId) {
        return TopicProbe.ofType(EventType.of(IdentityActivated.class).type())
                .and(record -> registrationId.toString().equals(record.key()));
    }
}

package id.go.dukcapil.ikd.token;

import static id.go.dukcapil.ikd.token.Fixtures.activatedCitizen;
import static id.go.dukcapil.ikd.token.Fixtures.mintRequest;
import static id.go.dukcapil.ikd.token.Fixtures.pinProof;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import id.go.dukcapil.ikd.testing.IkdTestResource;
import id.go.dukcapil.ikd.token.Fixtures.Citizen;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

/**
 * Read-your-writes after activation: a citizen who mints right after activation, while
 * IdentityActivated is still on its way through Kafka, gets the QR on the first try, because the
 * mint waits (bounded by ikd.token.projection-wait) for the projection instead of refusing.
 */
@QuarkusTest
@QuarkusTestResource(value = IkdTestResource.class, initArgs = @ResourceArg(name = "database", value = "token"))
class ReadYourWritesTest {

    @Test
    void aMintSentBeforeTheActivationReachesTheProjectionSucceedsOnTheFirstTry() throws Exception {
        activatedCitizen(); // the consumer is up and assigned its partitions
        Citizen citizen = new Citizen(UUID.randomUUID(), UUID.randomUUID(), "sub-" + UUID.randomUUID());

        CompletableFuture<Response> mint = CompletableFuture
                .supplyAsync(() -> mintRequest(citizen.subject(), pinProof(citizen.subject())));
        Thread.sleep(300); // the mint is in flight, and the projection does not know the subject yet
        assertThat(mint).isNotDone();
        Fixtures.publish(Fixtures.activated(citizen, Instant.now()));

        Response response = mint.get(30, TimeUnit.SECONDS);
        assertThat(response.statusCode()).as(response.asString()).isEqualTo(201);
    }

    @Test
    void aSubjectTheProjectionDoesNotLearnOfInTimeIsAskedToTryAgainNotRefused() {
        String stranger = "sub-" + UUID.randomUUID();
        long started = System.nanoTime();
        Response response = mintRequest(stranger, pinProof(stranger));
        Duration took = Duration.ofNanos(System.nanoTime() - started);

        // a proven PIN means activation-service holds an active identity: its event is late (a
        // Kafka outage), so the app keeps the session and tries again instead of ending it
        assertThat(response.statusCode()).isEqualTo(503);
        assertThat(response.<String>path("code")).isEqualTo("ACTIVATION_IN_TRANSIT");
        assertThat(response.getHeader("Retry-After")).isEqualTo("2");
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(took).as("waited for the projection, bounded").isBetween(Duration.ofMillis(2_900), Duration.ofSeconds(10));
    }

    @Test
    void aRevokedIdentityIsRefusedWithoutWaiting() {
        Citizen citizen = activatedCitizen();
        Fixtures.publish(Fixtures.revoked(citizen));
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(300))
                .until(() -> mintRequest(citizen.subject(), pinProof(citizen.subject())).statusCode() == 403);

        long started = System.nanoTime();
        assertThat(mintRequest(citizen.subject(), pinProof(citizen.subject())).statusCode()).isEqualTo(403);
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofMillis(2_500)); // the wait would take 3 s
    }
}

package id.go.dukcapil.ikd.e2e;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

import id.go.dukcapil.ikd.local.suite.LocalSuite;
import io.restassured.config.HttpClientConfig;
import io.restassured.config.RestAssuredConfig;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;

/**
 * The per-address rate limit of registration-service behind the HA gateway (issue 16: "the
 * per-address rate limit sees the client's address through the gateway"). Clients connect to the
 * gateway's public api host from different loopback addresses (127.0.0.21, 127.0.0.22); the
 * gateway sets {@code X-Forwarded-For} to the address the connection came from, replacing what
 * the client sent, and the services trust it from the gateway only. So two addresses have two
 * buckets, and a client that claims another address in {@code X-Forwarded-For} is still counted
 * as itself.
 */
@Order(Suite.HA_CLASSES_LAST)
class GatewayClientAddressTest {

    /** registration-service's default: 60 submissions an hour per client address. */
    private static final int SUBMISSIONS_PER_ADDRESS = 60;

    private static LocalSuite local;

    @BeforeAll
    static void startTheHaTopology() {
        local = Suite.sharedHa().local();
    }

    @Test
    void eachClientAddressHasItsOwnBucketAndCannotClaimAnother() throws Exception {
        String api = local.publicUrl("api");
        InetAddress first = InetAddress.getByName("127.0.0.21");
        InetAddress second = InetAddress.getByName("127.0.0.22");
        for (int i = 0; i < SUBMISSIONS_PER_ADDRESS; i++) {
            Response accepted = register(from(first), api);
            assertThat(accepted.statusCode()).as("submission %d from %s: %s", i + 1, first, accepted.asString())
                    .isEqualTo(202);
        }
        Response limited = register(from(first), api);
        assertThat(limited.statusCode()).isEqualTo(429);
        assertThat(limited.jsonPath().getString("code")).isEqualTo("RATE_LIMITED");

        // claiming to be someone else changes nothing: the gateway replaces the header
        Response spoofed = register(from(first).header("X-Forwarded-For", "203.0.113.7")
                .header("Forwarded", "for=203.0.113.7"), api);
        assertThat(spoofed.statusCode()).as("a spoofed X-Forwarded-For from %s", first).isEqualTo(429);

        // another address has a bucket of its own
        assertThat(register(from(second), api).statusCode()).as("the first submission from %s", second).isEqualTo(202);
    }

    /** A client whose connections come from {@code address} (Apache HttpClient's local-address route parameter). */
    private static RequestSpecification from(InetAddress address) {
        return given().config(RestAssuredConfig.config().httpClient(
                HttpClientConfig.httpClientConfig().setParam("http.route.local-address", address)));
    }

    private static Response register(RequestSpecification client, String api) {
        return client.multiPart("nik", MultiReplicaTest.syntheticNik()).multiPart("email", Journey.uniqueEmail("address"))
                .multiPart("phone", Journey.uniquePhone()).multiPart("language", "id")
                .multiPart("deviceKey", Device.create().publicJwk())
                .multiPart("selfie", "selfie.png", Selfie.png(), "image/png")
                .post(api + "/api/v1/registrations");
    }
}

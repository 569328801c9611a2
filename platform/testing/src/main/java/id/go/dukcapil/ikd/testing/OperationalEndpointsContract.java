package id.go.dukcapil.ikd.testing;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;

import org.junit.jupiter.api.Test;

import id.go.dukcapil.ikd.web.VerifiedJwtCache;
import io.quarkus.arc.Arc;
import io.quarkus.arc.ClientProxy;
import io.smallrye.jwt.auth.principal.JWTParser;

/**
 * What ops can rely on in every service: readiness that includes the database (not Kafka, which
 * the outbox absorbs), a health group that says whether events reach Kafka,
 * liveness, Prometheus metrics (with the outbox backlog), the OpenAPI document, and
 * problem+json for an unknown path, and bearer tokens verified once then remembered until they
 * expire. A service's test extends this with {@code @QuarkusTest}.
 */
public abstract class OperationalEndpointsContract {

    @Test
    void readinessIncludesTheDatabaseButNotKafka() {
        given().get("/q/health/ready").then().statusCode(200)
                .body("status", equalTo("UP"))
                .body("checks.name", hasItems(containsString("Reactive PostgreSQL")))
                // the messaging check stays, but no Kafka channel reports into readiness any more
                .body("checks.find { it.name.contains('Reactive Messaging') }.data", org.hamcrest.Matchers.nullValue());
    }

    @Test
    void theMessagingGroupSaysWhetherEventsReachKafka() {
        given().get("/q/health/group/messaging").then().statusCode(200)
                .body("status", equalTo("UP"))
                .body("checks.name", hasItems("Outbox reaches Kafka"));
    }

    @Test
    void livenessIsUp() {
        given().get("/q/health/live").then().statusCode(200).body("status", equalTo("UP"));
    }

    @Test
    void prometheusMetricsIncludeTheOutbox() {
        given().get("/q/metrics").then().statusCode(200).body(containsString("ikd_outbox_pending"));
    }

    @Test
    void openApiDocumentIsPublished() {
        given().accept("application/json").get("/q/openapi").then().statusCode(200)
                .body("openapi", org.hamcrest.Matchers.startsWith("3."));
    }

    @Test
    void bearerTokensAreParsedByTheVerifiedTokenCache() {
        assertThat(ClientProxy.unwrap(Arc.container().instance(JWTParser.class).get()))
                .isInstanceOf(VerifiedJwtCache.class);
    }

    @Test
    void unknownPathIsProblemJson() {
        given().get("/api/v1/no-such-thing").then().statusCode(404)
                .contentType("application/problem+json")
                .body("code", equalTo("NOT_FOUND"));
    }
}

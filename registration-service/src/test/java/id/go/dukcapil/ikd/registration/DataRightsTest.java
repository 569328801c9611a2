package id.go.dukcapil.ikd.registration;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import jakarta.inject.Inject;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import id.go.dukcapil.ikd.events.DeliveryStatus;
import id.go.dukcapil.ikd.events.EventJson;
import id.go.dukcapil.ikd.events.EventType;
import id.go.dukcapil.ikd.events.NotificationChannel;
import id.go.dukcapil.ikd.events.NotificationStatus;
import id.go.dukcapil.ikd.events.RegistrationWithdrawn;
import id.go.dukcapil.ikd.events.Topics;
import id.go.dukcapil.ikd.events.WithdrawalReason;
import id.go.dukcapil.ikd.testing.IkdTestResource;
import id.go.dukcapil.ikd.testing.TopicProbe;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;

/** UU PDP from the app: the citizen sees what is held (access) and withdraws, which erases it here. */
@QuarkusTest
@QuarkusTestResource(value = IkdTestResource.class, initArgs = @ResourceArg(name = "database", value = "registration"))
class DataRightsTest {

    private static final String BASE = "/api/v1/registrations/";

    @Inject
    Pool pool;
    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;

    @Test
    void theCitizenSeesTheirDataAndTheMessagesSent() {
        String nik = Citizens.nik();
        String[] registration = registeredWith(nik);
        String id = registration[0];
        Citizens.publish(bootstrap, new NotificationStatus(UUID.randomUUID(), UUID.fromString(id), UUID.randomUUID().toString(),
                "REGISTRATION_RECEIVED", NotificationChannel.EMAIL, DeliveryStatus.SENT, null, 1, "b***@example.id",
                Instant.now()));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().header(Citizens.SECRET_HEADER, registration[1])
                .get(BASE + id + "/personal-data").then().statusCode(200).body("messages", hasSize(1)));

        given().header(Citizens.SECRET_HEADER, registration[1]).get(BASE + id + "/personal-data").then()
                .statusCode(200).header("Cache-Control", "no-store")
                .body("registrationId", equalTo(id))
                .body("status", equalTo("PENDING_VERIFICATION"))
                .body("nikMasked", equalTo(nik.substring(0, 6) + "********" + nik.substring(14)))
                .body("email", notNullValue()).body("phone", notNullValue())
                .body("deviceKeyThumbprint", notNullValue())
                .body("selfieHeld", equalTo(true))
                .body("deletableAt", nullValue())
                .body("kept.id", notNullValue()).body("kept.en", notNullValue())
                .body("timeline[0].kind", equalTo("SUBMITTED"))
                .body("messages[0].channel", equalTo("EMAIL"))
                .body("messages[0].recipient", equalTo("b***@example.id"))
                .body("messages[0].text.id", notNullValue());
        given().header(Citizens.SECRET_HEADER, "wrong").get(BASE + id + "/personal-data").then().statusCode(401);
    }

    @Test
    void withdrawalErasesTheRegistrationItsSelfieAndTimelineAndTellsTheOthersWithIdsOnly() {
        String nik = Citizens.nik();
        String[] registration = registeredWith(nik);
        String id = registration[0];
        Citizens.asOperatorOfTheCase("operator", id).get(BASE + id + "/selfie").then().statusCode(200);
        assertThat(rows("registration", id)).isEqualTo(1);
        assertThat(rows("registration_event", id)).isPositive();

        try (TopicProbe probe = TopicProbe.fromNow(bootstrap, Topics.REGISTRATION)) {
            given().header(Citizens.SECRET_HEADER, registration[1]).delete(BASE + id).then().statusCode(204);
            ConsumerRecord<String, String> record = probe.await(r -> id.equals(r.key())
                    && EventType.REGISTRATION_WITHDRAWN.type().equals(TopicProbe.header(r, "ce_type")), Duration.ofSeconds(30));
            RegistrationWithdrawn event = EventJson.read(record.value(), RegistrationWithdrawn.class);
            assertThat(event.reason()).isEqualTo(WithdrawalReason.CITIZEN_REQUEST);
            assertThat(record.value()).as("ids only: no personal data travels").doesNotContain(nik, "@", "+62");
        }

        // nothing of it is left here: the retention table has no rule keeping a withdrawn registration
        assertThat(rows("registration", id)).isZero();
        assertThat(rows("registration_event", id)).isZero();
        assertThat(pool.preparedQuery("select count(*) from registration where nik = $1").execute(Tuple.of(nik))
                .await().indefinitely().iterator().next().getLong(0)).isZero();
        Citizens.asOperatorOfTheCase("operator", id).get(BASE + id + "/selfie").then().statusCode(404);
        given().header(Citizens.SECRET_HEADER, registration[1]).get(BASE + id).then().statusCode(401);
        given().header(Citizens.SECRET_HEADER, registration[1]).get(BASE + id + "/personal-data").then().statusCode(401);
        given().header(Citizens.SECRET_HEADER, registration[1]).delete(BASE + id).then().statusCode(401);
    }

    private static String[] registeredWith(String nik) {
        io.restassured.response.Response response = Citizens.register(Citizens.form(nik));
        response.then().statusCode(202);
        return new String[] { response.path("registrationId"), response.path("registrationSecret") };
    }

    private long rows(String table, String id) {
        String column = table.equals("registration") ? "id" : "registration_id";
        return pool.preparedQuery("select count(*) from " + table + " where " + column + " = $1")
                .execute(Tuple.of(UUID.fromString(id))).await().indefinitely().iterator().next().getLong(0);
    }
}

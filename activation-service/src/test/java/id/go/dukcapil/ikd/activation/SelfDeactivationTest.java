package id.go.dukcapil.ikd.activation;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;

import jakarta.inject.Inject;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import id.go.dukcapil.ikd.activation.support.Device;
import id.go.dukcapil.ikd.activation.support.Journey;
import id.go.dukcapil.ikd.activation.support.JourneyTopics;
import id.go.dukcapil.ikd.activation.support.NotifierKeysResource;
import id.go.dukcapil.ikd.events.DeactivationLinkIssued;
import id.go.dukcapil.ikd.events.EventJson;
import id.go.dukcapil.ikd.events.EventType;
import id.go.dukcapil.ikd.events.IdentityRevoked;
import id.go.dukcapil.ikd.events.RevocationReason;
import id.go.dukcapil.ikd.testing.IkdTestResource;
import id.go.dukcapil.ikd.testing.TopicProbe;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;

/** A lost phone: from another device, NIK + registered contacts, a link to the email and phone, one confirmation. */
@QuarkusTest
@QuarkusTestResource(value = IkdTestResource.class, initArgs = @ResourceArg(name = "database", value = "activation"))
@QuarkusTestResource(NotifierKeysResource.class)
class SelfDeactivationTest {

    private static final String BASE = "/api/v1/citizen/deactivation-requests";

    @Inject
    Pool pool;

    @RegisterExtension
    final JourneyTopics topics = JourneyTopics.activationAndIdentity();

    @Test
    void aLinkToTheRegisteredContactsDeactivatesTheIdentityOnceAfterTheCitizenConfirms() {
        Journey.Approved approved = Journey.approve(topics.activation(), Device.generate(), Journey.newNik());
        Journey.activate(approved.secrets().linkToken(), approved.secrets().pin()).statusCode(200);
        UUID registrationId = approved.registrationId();
        String email = "budi." + registrationId + "@example.id";
        Predicate<ConsumerRecord<String, String>> linkIssued = TopicProbe
                .ofType(EventType.of(DeactivationLinkIssued.class).type())
                .and(record -> registrationId.toString().equals(record.key()));

        // contacts that do not match: the same answer, and nothing is sent
        String sameAnswer = ask(approved.nik(), email, "0812-0000-0000");
        assertThat(topics.activation().collect(linkIssued, Duration.ofSeconds(2))).isEmpty();
        assertThat(ask("3204121508909999", email, "0812-3456-7890")).isEqualTo(sameAnswer);

        // the registered ones, the phone typed as the citizen would
        assertThat(ask(approved.nik(), email.toUpperCase(), "0812-3456-7890")).isEqualTo(sameAnswer);
        ConsumerRecord<String, String> record = topics.activation().await(linkIssued, Duration.ofSeconds(30));
        assertThat(record.value()).as("the link travels sealed; no NIK").doesNotContain(approved.nik(), "/deactivate");
        DeactivationLinkIssued issued = EventJson.read(record.value(), DeactivationLinkIssued.class);
        assertThat(issued.email()).isEqualTo(email);
        assertThat(issued.phone()).isEqualTo("+6281234567890");
        String link = Journey.unsealDeactivationLink(issued.sealedLink());
        assertThat(link).contains("/deactivate?t=");
        String token = link.substring(link.indexOf("?t=") + 3);

        // opening the link (or a mail scanner following it) changes nothing
        given().get("/deactivate?t=" + token).then().statusCode(200)
                .body(containsString("deactivate-button")).body(containsString("WIB"));
        given().redirects().follow(false).contentType(ContentType.URLENC).formParam("t", token).post("/deactivate")
                .then().statusCode(303)
                .header("Location", containsString("r=CSRF"));
        assertThat(status(registrationId)).isEqualTo("ACTIVE");

        confirm(token).statusCode(200).body("status", equalTo("REVOKED")).body("revokedAt", notNullValue())
                .body("message", containsString("daftar ulang"));
        assertThat(status(registrationId)).isEqualTo("REVOKED");
        List<ConsumerRecord<String, String>> revoked = revocations(registrationId);
        assertThat(revoked).hasSize(1);
        assertThat(EventJson.read(revoked.get(0).value(), IdentityRevoked.class).reason())
                .isEqualTo(RevocationReason.CITIZEN_REQUEST);

        confirm(token).statusCode(409).body("code", equalTo("DEACTIVATION_LINK_USED"));
        confirm("not-a-link").statusCode(404).body("code", equalTo("DEACTIVATION_LINK_UNKNOWN"));
        given().get("/deactivate?t=" + token + "&r=DONE").then().statusCode(200)
                .body(containsString("result-success")).body(not(containsString("deactivate-button")));
        // an ended identity gets no more links, answered alike
        assertThat(ask(approved.nik(), email, "+6281234567890")).isEqualTo(sameAnswer);
        assertThat(topics.activation().collect(linkIssued, Duration.ofSeconds(2))).hasSize(1);
    }

    private static String ask(String nik, String email, String phone) {
        return given().contentType(ContentType.JSON).body(Map.of("nik", nik, "email", email, "phone", phone))
                .post(BASE).then().statusCode(202).extract().asString();
    }

    private static io.restassured.response.ValidatableResponse confirm(String token) {
        return given().contentType(ContentType.JSON).body(Map.of("token", token)).post(BASE + "/confirmation").then();
    }

    private String status(UUID registrationId) {
        return pool.preparedQuery("select status from identity where registration_id = $1")
                .execute(Tuple.of(registrationId)).await().atMost(Duration.ofSeconds(10)).iterator().next()
                .getString("status");
    }

    private List<ConsumerRecord<String, String>> revocations(UUID registrationId) {
        Predicate<ConsumerRecord<String, String>> match = TopicProbe.ofType(EventType.of(IdentityRevoked.class).type())
                .and(record -> registrationId.toString().equals(record.key()));
        topics.identity().await(match, Duration.ofSeconds(30));
        return topics.identity().collect(match, Duration.ofSeconds(2));
    }
}

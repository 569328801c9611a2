package id.go.dukcapil.ikd.notification;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import id.go.dukcapil.ikd.notification.TestEvents.Citizen;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;

/**
 * A replica told to stop (SIGTERM: a rollout, a scale-down) while an email is on its way records
 * that it was sent before it goes: otherwise the lease expires and the citizen gets the PIN twice
 * (the fault campaign's "services stopped" round found two doubled PIN emails).
 */
@QuarkusTest
@TestProfile(StoppingReplicaTest.OwnApplication.class)
class StoppingReplicaTest {

    /** A profile of its own: the stop below ends this application's dispatching for good. */
    public static class OwnApplication extends DedicatedSmtpProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            Map<String, String> config = new java.util.HashMap<>(super.getConfigOverrides());
            config.put("ikd.notification.dispatch.drain-timeout", "40s");
            // the test profile's lease (3 s) would take the slow send over before the stop
            config.put("ikd.notification.dispatch.lease", "2m");
            config.put("ikd.notification.dispatch.send-timeout", "1m");
            return config;
        }
    }

    /** Long enough for the test to look at the row while the send is in flight, on a loaded machine. */
    private static final Duration SEND_TAKES = Duration.ofSeconds(15);

    @ConfigProperty(name = DedicatedSmtpProfile.PORT_PROPERTY)
    int smtpPort;

    @Inject
    Event<ShutdownEvent> shutdown;

    @Test
    void aSendInFlightWhenTheReplicaStopsIsRecordedAsSentBeforeItGoes() throws Exception {
        Citizen citizen = Citizen.speaking("id");
        try (ScriptedSmtpServer slow = ScriptedSmtpServer.acceptingSlowly(smtpPort, SEND_TAKES)) {
            TestEvents.publish(TestEvents.activationCode(citizen, TestEvents.seal(TestEvents.randomPin(),
                    "http://localhost:8083/activate?t=drain-" + citizen.registrationId())));
            assertThat(slow.awaitMessageArriving(Duration.ofSeconds(30))).as("the PIN email is on its way").isTrue();
            assertThat(states(citizen)).as("in flight").containsExactly("SENDING");

            shutdown.fire(new ShutdownEvent());

            assertThat(slow.accepted()).isEqualTo(1);
            assertThat(states(citizen)).as("recorded before the replica went, so no other replica sends it again")
                    .containsExactly("SENT");
        }
    }

    private static List<String> states(Citizen citizen) {
        List<Map<String, Object>> views = given().header("Authorization", TestEvents.bearer("admin"))
                .accept(ContentType.JSON).queryParam("registrationId", citizen.registrationId().toString())
                .get("/api/v1/notifications").then().statusCode(200).extract().jsonPath().getList("$");
        return views.stream().map(view -> String.valueOf(view.get("state"))).toList();
    }
}

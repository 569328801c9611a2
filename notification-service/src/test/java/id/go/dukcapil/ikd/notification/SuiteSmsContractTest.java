package id.go.dukcapil.ikd.notification;

import static id.go.dukcapil.ikd.notification.SmsGatewayRequests.awaitSmsStatus;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;

import id.go.dukcapil.ikd.events.DeliveryStatus;
import id.go.dukcapil.ikd.events.NotificationStatus;
import id.go.dukcapil.ikd.events.RejectionReason;
import id.go.dukcapil.ikd.events.Topics;
import id.go.dukcapil.ikd.notification.TestEvents.Citizen;
import id.go.dukcapil.ikd.testing.IkdTestResource;
import id.go.dukcapil.ikd.testing.TopicProbe;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;

/**
 * Without SMS settings beyond URL and token, the request is the suite contract the local SMS
 * outbox and the other modules rely on: {@code POST} JSON {@code {"to","message","reference"}} with
 * the bearer token, whatever the message contains.
 */
@QuarkusTest
@QuarkusTestResource(value = IkdTestResource.class, initArgs = @ResourceArg(name = "database", value = "notification"))
@QuarkusTestResource(NotificationTestResource.class)
class SuiteSmsContractTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** The former fixed request body, as Jackson wrote it. */
    private record SuiteRequest(String to, String message, String reference) {
    }

    @ConfigProperty(name = "ikd.test.wiremock-port")
    int wireMockPort;

    @Test
    void theDefaultRequestIsTheSuiteContractEvenForAMessageFullOfQuotesAndSeparators() throws Exception {
        Citizen citizen = Citizen.speaking("id");
        try (TopicProbe statuses = TopicProbe.fromNow(TestEvents.bootstrap(), Topics.NOTIFICATION)) {
            TestEvents.publish(TestEvents.rejected(citizen, RejectionReason.NOT_RECORDED, null,
                    TestEvents.HOSTILE_NAMED_OFFICE));

            NotificationStatus sent = awaitSmsStatus(statuses, citizen, DeliveryStatus.SENT);
            assertThat(sent.attempt()).isEqualTo(1);
            LoggedRequest request = requestTo(citizen.phone());
            assertThat(request.getMethod().getName()).isEqualTo("POST");
            assertThat(request.getUrl()).isEqualTo("/sms");
            assertThat(request.getHeader("Content-Type")).isEqualTo("application/json");
            assertThat(request.getHeader("Authorization")).isEqualTo("Bearer " + NotificationTestResource.SMS_TOKEN);

            JsonNode body = JSON.readTree(request.getBodyAsString());
            assertThat(SmsGatewayRequests.fieldNames(body)).containsExactly("to", "message", "reference");
            assertThat(body.path("to").textValue()).isEqualTo(citizen.phone());
            assertThat(body.path("reference").textValue()).isEqualTo(sent.notificationId().toString());
            assertThat(body.path("message").textValue()).startsWith("IKD Dukcapil:")
                    .contains(TestEvents.HOSTILE_NAMED_OFFICE.name());
            assertThat(request.getBodyAsString()).as("byte for byte what the fixed client sent")
                    .isEqualTo(JSON.writeValueAsString(new SuiteRequest(citizen.phone(),
                            body.path("message").textValue(), sent.notificationId().toString())));
        }
    }

    private LoggedRequest requestTo(String phone) throws Exception {
        for (LoggedRequest request : SmsGatewayRequests.received(wireMockPort)) {
            if (phone.equals(JSON.readTree(request.getBodyAsString()).path("to").textValue())) {
                return request;
            }
        }
        throw new AssertionError("no SMS request to the citizen's number");
    }
}

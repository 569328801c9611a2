package id.go.dukcapil.ikd.notification;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static id.go.dukcapil.ikd.notification.SmsGatewayRequests.awaitSmsStatus;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;

import id.go.dukcapil.ikd.events.DeliveryStatus;
import id.go.dukcapil.ikd.events.NotificationStatus;
import id.go.dukcapil.ikd.events.RejectionReason;
import id.go.dukcapil.ikd.events.Topics;
import id.go.dukcapil.ikd.notification.TestEvents.Citizen;
import id.go.dukcapil.ikd.testing.TopicProbe;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

/**
 * A gateway with a JSON body of its own shape (nested, the message inside a longer string) and an
 * API key in a header of its naming. Without the key it answers 401, which would be retried, never SENT.
 */
@QuarkusTest
@TestProfile(ApiKeySmsGatewayTest.JsonGatewayWithApiKey.class)
class ApiKeySmsGatewayTest {

    static final String KEY_HEADER = "X-Gateway-Key";
    static final String KEY = "gk-7d1f0c2a9b";
    private static final ObjectMapper JSON = new ObjectMapper();

    public static class JsonGatewayWithApiKey extends OwnSmsGatewayProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of(
                    "ikd.notification.sms.body-template", """
                            {"messages":[{"destination":"{{to}}","text":"{{message}}","reference":"{{ reference }}"}],\
                            "source":"IKD"}""",
                    "ikd.notification.sms.api-key", KEY,
                    "ikd.notification.sms.api-key-header", KEY_HEADER);
        }
    }

    @ConfigProperty(name = "ikd.test.wiremock-port")
    int wireMockPort;

    @BeforeEach
    void gatewayWantsItsKey() {
        var gateway = SmsGatewayRequests.gateway(wireMockPort);
        gateway.register(post(urlEqualTo("/sms")).atPriority(5).willReturn(aResponse().withStatus(401)));
        gateway.register(post(urlEqualTo("/sms")).atPriority(2).withHeader(KEY_HEADER, equalTo(KEY))
                .withHeader("Content-Type", equalTo("application/json"))
                .willReturn(aResponse().withStatus(202)));
    }

    @Test
    void theSmsIsPostedInTheGatewaysJsonShapeWithItsApiKeyAndEveryValueEscaped() throws Exception {
        Citizen citizen = Citizen.speaking("en");
        try (TopicProbe statuses = TopicProbe.fromNow(TestEvents.bootstrap(), Topics.NOTIFICATION)) {
            TestEvents.publish(TestEvents.rejected(citizen, RejectionReason.NOT_RECORDED, null,
                    TestEvents.HOSTILE_NAMED_OFFICE));

            NotificationStatus sent = awaitSmsStatus(statuses, citizen, DeliveryStatus.SENT);
            assertThat(sent.attempt()).as("accepted at once: the key was sent").isEqualTo(1);
            LoggedRequest request = requestTo(citizen.phone());
            assertThat(request.getMethod().getName()).isEqualTo("POST");
            assertThat(request.getHeader(KEY_HEADER)).isEqualTo(KEY);
            assertThat(request.containsHeader("Authorization")).isFalse();

            JsonNode body = JSON.readTree(request.getBodyAsString());
            assertThat(SmsGatewayRequests.fieldNames(body)).containsExactly("messages", "source");
            assertThat(body.path("messages")).hasSize(1);
            JsonNode message = body.path("messages").get(0);
            assertThat(SmsGatewayRequests.fieldNames(message)).containsExactly("destination", "text", "reference");
            assertThat(message.path("destination").textValue()).isEqualTo(citizen.phone());
            assertThat(message.path("reference").textValue()).isEqualTo(sent.notificationId().toString());
            assertThat(message.path("text").textValue()).startsWith("IKD Dukcapil:")
                    .contains(TestEvents.HOSTILE_NAMED_OFFICE.name());
            assertThat(body.path("source").textValue()).isEqualTo("IKD");
        }
    }

    private LoggedRequest requestTo(String phone) throws Exception {
        for (LoggedRequest request : SmsGatewayRequests.received(wireMockPort)) {
            JsonNode body = JSON.readTree(request.getBodyAsString());
            if (phone.equals(body.path("messages").path(0).path("destination").textValue())) {
                return request;
            }
        }
        throw new AssertionError("no SMS request to the citizen's number");
    }
}

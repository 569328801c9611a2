package id.go.dukcapil.ikd.notification;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.put;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static id.go.dukcapil.ikd.notification.SmsGatewayRequests.awaitSmsStatus;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

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
 * A gateway of the kind many Indonesian SMS providers run: {@code PUT} form fields of its own
 * naming, a sender id, HTTP Basic credentials. Only a request with those credentials and that
 * content type is accepted (anything else gets 404 and would be retried, never SENT).
 */
@QuarkusTest
@TestProfile(FormSmsGatewayTest.FormGatewayWithBasicAuth.class)
class FormSmsGatewayTest {

    static final String USER = "ikd-notifier";
    static final String PASSWORD = "s3cr3t:kata-sandi-ü";
    static final String SENDER = "DUKCAPIL";

    public static class FormGatewayWithBasicAuth extends OwnSmsGatewayProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of(
                    "ikd.notification.sms.method", "PUT",
                    "ikd.notification.sms.content-type", "FORM",
                    "ikd.notification.sms.body-template", "msisdn={{to}}&text={{message}}&from={{sender}}&ref={{reference}}",
                    "ikd.notification.sms.sender-id", SENDER,
                    "ikd.notification.sms.basic-username", USER,
                    "ikd.notification.sms.basic-password", PASSWORD);
        }
    }

    @ConfigProperty(name = "ikd.test.wiremock-port")
    int wireMockPort;

    @BeforeEach
    void gatewayAcceptsOnlyItsCredentials() {
        SmsGatewayRequests.gateway(wireMockPort).register(put(urlEqualTo("/sms")).atPriority(1)
                .withBasicAuth(USER, PASSWORD)
                .withHeader("Content-Type", containing("application/x-www-form-urlencoded"))
                .willReturn(aResponse().withStatus(202)));
    }

    @Test
    void theSmsIsPutAsFormFieldsWithBasicAuthAndEveryValueEncoded() {
        Citizen citizen = Citizen.speaking("id");
        try (TopicProbe statuses = TopicProbe.fromNow(TestEvents.bootstrap(), Topics.NOTIFICATION)) {
            TestEvents.publish(TestEvents.rejected(citizen, RejectionReason.NOT_RECORDED, null,
                    TestEvents.HOSTILE_NAMED_OFFICE));

            NotificationStatus sent = awaitSmsStatus(statuses, citizen, DeliveryStatus.SENT);
            assertThat(sent.attempt()).as("accepted at once: the credentials and content type matched").isEqualTo(1);
            LoggedRequest request = requestTo(citizen.phone());
            assertThat(request.getMethod().getName()).isEqualTo("PUT");
            assertThat(request.getHeader("Content-Type")).startsWith("application/x-www-form-urlencoded");
            assertThat(request.getHeader("Authorization")).isEqualTo("Basic " + Base64.getEncoder()
                    .encodeToString((USER + ":" + PASSWORD).getBytes(StandardCharsets.UTF_8)));

            Map<String, String> fields = SmsGatewayRequests.formFields(request.getBodyAsString());
            assertThat(fields.keySet()).containsExactly("msisdn", "text", "from", "ref");
            assertThat(fields).containsEntry("msisdn", citizen.phone()).containsEntry("from", SENDER)
                    .containsEntry("ref", sent.notificationId().toString());
            assertThat(fields.get("text")).startsWith("IKD Dukcapil:").contains(TestEvents.HOSTILE_NAMED_OFFICE.name());
        }
    }

    private LoggedRequest requestTo(String phone) {
        return SmsGatewayRequests.received(wireMockPort).stream()
                .filter(request -> phone.equals(SmsGatewayRequests.formFields(request.getBodyAsString()).get("msisdn")))
                .findFirst().orElseThrow(() -> new AssertionError("no SMS request to the citizen's number"));
    }
}

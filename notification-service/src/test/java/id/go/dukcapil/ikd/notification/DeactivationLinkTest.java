package id.go.dukcapil.ikd.notification;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import com.github.tomakehurst.wiremock.client.WireMock;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;

import id.go.dukcapil.ikd.events.DeactivationLinkIssued;
import id.go.dukcapil.ikd.notification.TestEvents.Citizen;
import id.go.dukcapil.ikd.testing.IkdTestResource;
import id.go.dukcapil.ikd.testing.Mailbox;
import id.go.dukcapil.ikd.testing.Mailbox.Mail;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;

/** A lost phone: the deactivation link reaches the identity's email and phone, opened from its seal. */
@QuarkusTest
@QuarkusTestResource(value = IkdTestResource.class, initArgs = @ResourceArg(name = "database", value = "notification"))
@QuarkusTestResource(NotificationTestResource.class)
class DeactivationLinkTest {

    private static final Duration PATIENCE = Duration.ofSeconds(30);

    @ConfigProperty(name = "ikd.test.wiremock-port")
    int wireMockPort;

    @ParameterizedTest
    @ValueSource(strings = { "id", "en" })
    void theLinkGoesToTheEmailAndThePhoneInTheCitizensLanguage(String language) {
        Citizen citizen = Citizen.speaking(language);
        String link = "http://localhost:8083/deactivate?t=link-" + citizen.registrationId();
        String sealed = TestEvents.sealWith(TestEvents.publicKeyForTests(), "{\"deactivationUrl\":\"" + link + "\"}");
        TestEvents.publish(new DeactivationLinkIssued(citizen.registrationId(), UUID.randomUUID(), sealed,
                Instant.now().plus(Duration.ofMinutes(30)), citizen.email(), citizen.phone(), language,
                TestEvents.PROBOLINGGO));

        Mail mail = Mailbox.await(TestEvents.imapPort(), citizen.email(), m -> true, PATIENCE);
        assertThat(mail.subject()).isEqualTo(language.equals("en") ? "Confirm the deactivation of your IKD"
                : "Konfirmasi penonaktifan IKD Anda");
        assertThat(mail.text()).contains(link, "WIB").contains(language.equals("en") ? "register again" : "mendaftar ulang");
        assertThat(mail.html()).contains("href=\"" + link + "\"");
        await().atMost(PATIENCE).until(() -> !smsTo(citizen.phone()).isEmpty());
        assertThat(smsTo(citizen.phone()).get(0).getBodyAsString()).contains(link);
    }

    private List<LoggedRequest> smsTo(String phone) {
        return new WireMock("127.0.0.1", wireMockPort)
                .find(postRequestedFor(urlEqualTo("/sms")).withRequestBody(matchingJsonPath("$.to", equalTo(phone))));
    }
}

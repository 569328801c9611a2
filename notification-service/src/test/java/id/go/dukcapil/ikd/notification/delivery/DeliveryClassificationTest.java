package id.go.dukcapil.ikd.notification.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.ConnectException;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import io.vertx.ext.mail.SMTPException;

/** Which answers are worth another attempt, and which are final. */
class DeliveryClassificationTest {

    @ParameterizedTest
    @ValueSource(ints = { 550, 551, 553, 554 })
    void refusedMailboxesAreFinal(int code) {
        assertThat(EmailSender.classify(smtp(code))).isEqualTo(DeliveryOutcome.refused("SMTP_" + code));
    }

    @ParameterizedTest
    @ValueSource(ints = { 421, 450, 451, 452, 530, 535 })
    void busyServersAndOurOwnCredentialsAreRetried(int code) {
        assertThat(EmailSender.classify(smtp(code))).isEqualTo(DeliveryOutcome.retry("SMTP_" + code));
    }

    @Test
    void anUnreachableServerIsRetried() {
        assertThat(EmailSender.classify(new ConnectException("refused")))
                .isEqualTo(DeliveryOutcome.retry("SMTP_UNAVAILABLE: ConnectException"));
    }

    @Test
    void smsGatewayAnswersFollowTheSuiteContract() {
        assertThat(SmsSender.classify(200)).isEqualTo(DeliveryOutcome.sent());
        assertThat(SmsSender.classify(202)).isEqualTo(DeliveryOutcome.sent());
        assertThat(SmsSender.classify(400)).isEqualTo(DeliveryOutcome.refused("SMS_400"));
        assertThat(SmsSender.classify(422)).isEqualTo(DeliveryOutcome.refused("SMS_422"));
        assertThat(SmsSender.classify(429)).isEqualTo(DeliveryOutcome.retry("SMS_429"));
        assertThat(SmsSender.classify(401)).isEqualTo(DeliveryOutcome.retry("SMS_401"));
        assertThat(SmsSender.classify(503)).isEqualTo(DeliveryOutcome.retry("SMS_503"));
    }

    @Test
    void onlyPlainAddressesAreDeliverable() {
        assertThat(Recipients.isDeliverableEmail("siti.aminah+ikd@mail.example.id")).isTrue();
        assertThat(List.of("a@b.id\r\nBcc: x@y.id", "a@b.id\nX: y", "a@b.id, x@y.id", "Siti <a@b.id>", "a b@c.id",
                "@b.id", "a@", "a@b")).noneMatch(Recipients::isDeliverableEmail);
        assertThat(Recipients.isDeliverablePhone("+6281234567890")).isTrue();
        assertThat(List.of("081234567890", "+6281234567890\r\n", "+1202555012", "+62 812 3456 789"))
                .noneMatch(Recipients::isDeliverablePhone);
    }

    private static SMTPException smtp(int code) {
        return new SMTPException(code + " test", code, List.of("test"), false);
    }
}

package id.go.dukcapil.ikd.campaign;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;

import id.go.dukcapil.ikd.local.suite.SuiteService;

/** How the audit tells one message delivered again from two different messages. */
class AuditCopiesTest {

    @Test
    void theSameMessageAgainIsARepeatNotASecondMessage() {
        Audit.Copies copies = Audit.Copies.of(List.of("<a@ikd>", "<a@ikd>"));
        assertThat(copies.distinct()).isEqualTo(1);
        assertThat(copies.repeated()).isEqualTo(1);
    }

    @Test
    void twoDifferentMessagesAreTwo() {
        Audit.Copies copies = Audit.Copies.of(List.of("<a@ikd>", "<b@ikd>"));
        assertThat(copies.distinct()).isEqualTo(2);
        assertThat(copies.repeated()).isZero();
    }

    @Test
    void messagesWithoutAnIdCannotBeToldApartSoEachCountsAsADifferentOne() {
        Audit.Copies copies = Audit.Copies.of(Arrays.asList(null, null, "<a@ikd>"));
        assertThat(copies.copies()).isEqualTo(3);
        assertThat(copies.distinct()).isEqualTo(3);
        assertThat(copies.repeated()).isZero();
    }

    @Test
    void onlyAKillOfNotificationServiceMayRepeatAMessage() {
        assertThat(Fault.servicesKilled(List.of(SuiteService.values())).mayRepeatAMessage())
                .isTrue();
        assertThat(Fault.servicesKilled(List.of(SuiteService.TOKEN)).mayRepeatAMessage())
                .isFalse();
        assertThat(Fault.mailRefused(Duration.ofSeconds(1)).mayRepeatAMessage()).isFalse();
        assertThat(Fault.brokerKilled(Duration.ofSeconds(1)).mayRepeatAMessage()).isFalse();
    }
}

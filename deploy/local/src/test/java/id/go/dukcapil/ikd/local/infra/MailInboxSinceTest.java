package id.go.dukcapil.ikd.local.infra;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class MailInboxSinceTest {

    @Test
    void sinceIsReadFromTheQueryAndAbsentMeansEverything() {
        assertThat(MailInbox.since("since=1764780000123")).isEqualTo(1764780000123L);
        assertThat(MailInbox.since("x=1&since=42&y=2")).isEqualTo(42L);
        assertThat(MailInbox.since(null)).isEqualTo(Long.MIN_VALUE);
        assertThat(MailInbox.since("since=abc")).isEqualTo(Long.MIN_VALUE);
        assertThat(MailInbox.since("notsince=5")).isEqualTo(Long.MIN_VALUE);
    }
}

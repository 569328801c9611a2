package id.go.dukcapil.ikd.events;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TopicsTest {

    @Test
    void topicNamesAreTheAgreedOnes() {
        assertThat(Topics.REGISTRATION).isEqualTo("ikd.registration");
        assertThat(Topics.VERIFICATION).isEqualTo("ikd.verification");
        assertThat(Topics.VERIFICATION_CARD).isEqualTo("ikd.verification.card");
        assertThat(Topics.VERIFICATION_COMPLAINT).isEqualTo("ikd.verification.complaint");
        assertThat(Topics.ACTIVATION).isEqualTo("ikd.activation");
        assertThat(Topics.IDENTITY).isEqualTo("ikd.identity");
        assertThat(Topics.NOTIFICATION).isEqualTo("ikd.notification");
        assertThat(Topics.TOKEN).isEqualTo("ikd.token");
    }

    @Test
    void deadLetterTopicIsPerConsumerGroup() {
        assertThat(Topics.deadLetter("notification-service")).isEqualTo("ikd.dlq.notification-service");
        assertThat(Topics.deadLetter("activation-service")).isNotEqualTo(Topics.deadLetter("notification-service"));
    }

    @Test
    void deadLetterNeedsAConsumerGroup() {
        assertThatThrownBy(() -> Topics.deadLetter(null)).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> Topics.deadLetter(" ")).isInstanceOf(IllegalArgumentException.class);
    }
}

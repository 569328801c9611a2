package id.go.dukcapil.ikd.local.infra;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;

/** The topics the HA topology creates are the Kubernetes manifests' own. */
class KafkaTopicsTest {

    @Test
    void readsTheStrimziTopicsOfTheManifests() {
        List<KafkaTopics.Topic> topics = KafkaTopics.ofProject(Path.of("../.."));
        assertThat(topics).extracting(KafkaTopics.Topic::name).contains("ikd.registration", "ikd.verification",
                "ikd.activation", "ikd.identity", "ikd.notification", "ikd.token", "ikd.dlq.registration-service");
        KafkaTopics.Topic registration = topics.stream().filter(t -> t.name().equals("ikd.registration")).findFirst()
                .orElseThrow();
        assertThat(registration.partitions()).isEqualTo(12);
        assertThat(registration.replicas()).isEqualTo(3);
        assertThat(registration.config()).containsEntry("retention.ms", "1209600000");
        assertThat(topics).allMatch(topic -> topic.replicas() == 3);
    }
}

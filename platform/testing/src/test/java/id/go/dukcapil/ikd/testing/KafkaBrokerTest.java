package id.go.dukcapil.ikd.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Base64;

import org.junit.jupiter.api.RepeatedTest;

class KafkaBrokerTest {

    @RepeatedTest(200)
    void clusterIdIsSixteenBytesAndNeverLooksLikeAnOption() {
        String id = KafkaBroker.newClusterId();
        assertThat(id).hasSize(22).doesNotStartWith("-").doesNotStartWith("_");
        assertThat(Base64.getUrlDecoder().decode(id)).hasSize(16);
    }
}

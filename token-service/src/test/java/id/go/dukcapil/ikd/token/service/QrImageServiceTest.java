package id.go.dukcapil.ikd.token.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Random;

import org.junit.jupiter.api.Test;

import id.go.dukcapil.ikd.token.AdjustableClock;
import id.go.dukcapil.ikd.token.domain.QrImage;
import id.go.dukcapil.ikd.token.domain.QrToken;
import id.go.dukcapil.ikd.token.qr.QrCodes;
import id.go.dukcapil.ikd.token.qr.QrTexts;

class QrImageServiceTest {

    private final AdjustableClock clock = new AdjustableClock();
    private final Random random = new Random(21);

    @Test
    void theOwnerGetsTheSamePicturesAgainUntilTheTokenExpires() {
        QrImageService images = new QrImageService(4, 10, clock);
        QrToken token = token("jti-1", "subject-1", Duration.ofSeconds(90));
        QrImage drawn = images.render(token).await().indefinitely();

        assertThat(QrCodes.decode(drawn.png())).contains(token.token());
        assertThat(images.png("jti-1", "subject-1")).hasValueSatisfying(png -> assertThat(png).isEqualTo(drawn.png()));
        assertThat(images.svg("jti-1", "subject-1")).contains(drawn.svg());
        assertThat(images.png("jti-1", "someone-else")).isEmpty();
        assertThat(images.svg("jti-2", "subject-1")).isEmpty();

        clock.shift(Duration.ofSeconds(91));
        assertThat(images.png("jti-1", "subject-1")).isEmpty();
        assertThat(images.liveTokens()).isEqualTo(1);
        images.evictExpired();
        assertThat(images.liveTokens()).isZero();
    }

    @Test
    void aFullMapStopsRememberingButStillDraws() {
        QrImageService images = new QrImageService(4, 2, clock);
        for (int i = 0; i < 3; i++) {
            QrToken token = token("jti-" + i, "subject", Duration.ofSeconds(90));
            assertThat(QrCodes.decode(images.render(token).await().indefinitely().png())).contains(token.token());
        }
        assertThat(images.liveTokens()).isEqualTo(2);
        assertThat(images.png("jti-0", "subject")).isPresent();
        assertThat(images.png("jti-2", "subject")).isEmpty();

        clock.shift(Duration.ofSeconds(91));
        images.evictExpired();
        QrToken later = token("jti-3", "subject", Duration.ofSeconds(180));
        images.render(later).await().indefinitely();
        assertThat(images.png("jti-3", "subject")).isPresent();
    }

    private QrToken token(String jti, String subject, Duration life) {
        Instant now = clock.instant();
        return new QrToken(QrTexts.jws(random, 471), jti, subject, "kid", now, now.plus(life));
    }
}

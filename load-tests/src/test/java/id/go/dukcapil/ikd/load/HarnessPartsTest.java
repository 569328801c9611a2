package id.go.dukcapil.ikd.load;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.awt.image.BufferedImage;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.Test;

/** The harness' own parts, checked in ./mvnw verify (the simulations need a running suite and are not run there). */
class HarnessPartsTest {

    @Test
    void theSelfieIsAJpegOfAboutFiftyKilobytesThatDecodes() throws IOException {
        byte[] jpeg = Selfie.jpeg();
        assertTrue(jpeg.length > 40 * 1024 && jpeg.length < 60 * 1024, "size " + jpeg.length);
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(jpeg));
        assertNotNull(image);
        assertEquals(Selfie.WIDTH, image.getWidth());
        assertEquals(Selfie.HEIGHT, image.getHeight());
    }

    @Test
    void generatedNiksFollowTheFormatRegistrationChecks() {
        for (int i = 0; i < 1000; i++) {
            String nik = Niks.random();
            assertTrue(nik.matches("317101\\d{10}"), nik);
            int day = Integer.parseInt(nik.substring(6, 8));
            String date = String.format("%02d", day > 40 ? day - 40 : day) + nik.substring(8, 12);
            LocalDate parsed = LocalDate.parse(date.substring(0, 4) + "19" + date.substring(4),
                    DateTimeFormatter.ofPattern("ddMMyyyy"));
            assertNotNull(parsed);
            assertTrue(!nik.endsWith("0000"), nik);
        }
    }

    @Test
    void aVisitWaitingForItsCaseScansAgainAfterATenthOfItsWaitBetweenATenthOfASecondAndOneSecond() {
        assertEquals(100, Journey.scanRetryPause(0).toMillis());
        assertEquals(100, Journey.scanRetryPause(900).toMillis());
        assertEquals(250, Journey.scanRetryPause(2_500).toMillis());
        assertEquals(1_000, Journey.scanRetryPause(10_000).toMillis());
        assertEquals(1_000, Journey.scanRetryPause(60_000).toMillis());
    }

    @Test
    void percentilesAreNearestRankAndThroughputSpansFirstStartToLastEnd() {
        StepTimings timings = new StepTimings();
        for (int i = 1; i <= 100; i++) {
            timings.record("step", i, 10_000 + i * 10L); // ends every 10 ms
        }
        timings.failed("step");
        StepTimings.Summary summary = timings.summaries().get("step");
        assertEquals(100, summary.count());
        assertEquals(1, summary.failures());
        assertEquals(50, summary.p50());
        assertEquals(95, summary.p95());
        assertEquals(99, summary.p99());
        assertEquals(100, summary.max());
        // first start 10,010 - 1, last end 11,000: 100 in 0.991 s
        assertEquals(100 / 0.991, summary.perSecond(), 0.01);
        assertEquals(0, StepTimings.percentile(new long[0], 99));
    }
}

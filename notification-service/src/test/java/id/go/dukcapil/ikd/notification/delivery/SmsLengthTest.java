package id.go.dukcapil.ikd.notification.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import com.fasterxml.jackson.databind.ObjectMapper;

import id.go.dukcapil.ikd.events.RejectionReason;
import id.go.dukcapil.ikd.events.RevocationReason;
import io.quarkus.qute.Engine;
import io.quarkus.qute.EngineBuilder;
import io.quarkus.qute.TemplateLocator.TemplateLocation;
import io.quarkus.qute.Variant;

/**
 * Every SMS template, in both languages, rendered as {@link MessageRenderer} renders it: one
 * 160-character GSM-7 segment with a usual office, never more than two with the longest office
 * name and phone a kabupaten has, the longest date and a production activation link.
 */
class SmsLengthTest {

    /** The longest kabupaten office name (83 characters) and a landline with area code and spaces. */
    private static final Map<String, Object> LONGEST_OFFICE = Map.of(
            "officeName", "Dinas Kependudukan dan Pencatatan Sipil Kabupaten Kepulauan Siau Tagulandang Biaro",
            "officePhone", "(0432) 123 4567 ext. 21");
    private static final Map<String, Object> USUAL_OFFICE = Map.of("officeName", "Disdukcapil Kota Bandung",
            "officePhone", "022-4209891");
    /** A production link: public URL and a 256-bit link token in base64url. */
    private static final String ACTIVATION_URL = "https://ikd.dukcapil.kemendagri.go.id/activate?t="
            + "Qm9vZ2llV29vZ2llQm9vZ2llV29vZ2llQm9vZ2llV29vZ2ll";

    private final MessageRenderer renderer = new MessageRenderer(classpathEngine(), new ObjectMapper(), null, "http://localhost:8082");

    @ParameterizedTest
    @ValueSource(strings = { "id", "en" })
    void aRejectionFitsOneSegmentWithAUsualOfficeAndTwoWithTheLongest(String language) {
        for (RejectionReason reason : RejectionReason.values()) {
            Map<String, Object> data = new HashMap<>(Map.of("reasonCode", reason.name(), "reasonNote", "",
                    "decidedAt", date(language)));
            assertSegments("verification-rejected." + language, data, 1, 2);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = { "id", "en" })
    void aRevocationFitsOneSegmentWithAUsualOfficeAndTwoWithTheLongest(String language) {
        for (RevocationReason reason : RevocationReason.values()) {
            Map<String, Object> data = new HashMap<>(Map.of("revocationReason", reason.name(),
                    "revokedAt", date(language)));
            assertSegments("identity-revoked." + language, data, 1, 2);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = { "id", "en" })
    void theActivationPinWithItsLinkFitsTwoSegments(String language) {
        Map<String, Object> data = new HashMap<>(Map.of("pin", "938271", "activationUrl", ACTIVATION_URL,
                "expiresAt", date(language)));
        // the link alone is 98 characters: two segments even with a usual office
        assertSegments("activation-code." + language, data, 2, 2);
    }

    @ParameterizedTest
    @ValueSource(strings = { "id", "en" })
    void theDeactivationLinkFitsTwoSegments(String language) {
        Map<String, Object> data = new HashMap<>(Map.of("deactivationUrl",
                ACTIVATION_URL.replace("/activate?", "/deactivate?"), "expiresAt", date(language)));
        assertSegments("deactivation-link." + language, data, 2, 2);
    }

    @ParameterizedTest
    @ValueSource(strings = { "id", "en" })
    void eachVideoCallBookingMessageFitsOneSegmentWithAUsualOfficeAndTwoWithTheLongest(String language) {
        for (String template : List.of("video-call-booked", "video-call-reminder", "video-call-cancelled",
                "video-call-missed")) {
            assertSegments(template + "." + language, new HashMap<>(Map.of("slotAt", date(language),
                    "previousSlotAt", date(language))), 1, 2);
        }
    }

    @Test
    void theCounterCountsGsm7SeptetsAndFallsBackToUcs2() {
        assertThat(Gsm7.segments("a".repeat(160))).isEqualTo(1);
        assertThat(Gsm7.segments("a".repeat(161))).isEqualTo(2);
        assertThat(Gsm7.segments("a".repeat(306))).isEqualTo(2);
        assertThat(Gsm7.segments("a".repeat(307))).isEqualTo(3);
        assertThat(Gsm7.septets("{x}")).isEqualTo(5); // braces are in the extension table
        assertThat(Gsm7.segments("a".repeat(159) + "€")).isEqualTo(2);
        assertThat(Gsm7.septets("Kota Bandung – Jawa Barat")).isEqualTo(-1); // an en dash needs UCS-2
        assertThat(Gsm7.segments("–" + "a".repeat(69))).isEqualTo(1);
        assertThat(Gsm7.segments("–" + "a".repeat(70))).isEqualTo(2);
        assertThat(Gsm7.segments("–" + "a".repeat(133))).isEqualTo(2);
        assertThat(Gsm7.segments("–" + "a".repeat(134))).isEqualTo(3);
    }

    private void assertSegments(String template, Map<String, Object> data, int usual, int longest) {
        for (Map<String, Object> office : List.of(USUAL_OFFICE, LONGEST_OFFICE)) {
            Map<String, Object> model = new HashMap<>(data);
            model.putAll(office);
            String text = renderer.sms(template, model);
            assertThat(Gsm7.septets(text)).as("GSM-7 only: %s", text).isPositive();
            assertThat(text).as("rendered completely").doesNotContain("{")
                    .doesNotContain(String.valueOf(data.getOrDefault("reasonCode", "{")));
            assertThat(Gsm7.segments(text)).as("%s (%d characters)", text, text.length())
                    .isLessThanOrEqualTo(office == USUAL_OFFICE ? usual : longest);
        }
    }

    private static String date(String language) {
        // the longest month and zone, as TemplateModels formats them
        return "en".equals(language) ? "30 September 2026, 23:59 WITA" : "30 September 2026, 23.59 WITA";
    }

    /** Qute as the application has it, reading the templates from the classpath. */
    private static Engine classpathEngine() {
        EngineBuilder builder = Engine.builder().addDefaults();
        builder.addLocator(id -> {
            InputStream in = SmsLengthTest.class.getClassLoader().getResourceAsStream("templates/" + id);
            if (in == null) {
                return Optional.empty();
            }
            try (in) {
                String content = new String(in.readAllBytes(), StandardCharsets.UTF_8);
                return Optional.of(new TemplateLocation() {
                    @Override
                    public Reader read() {
                        return new StringReader(content);
                    }

                    @Override
                    public Optional<Variant> getVariant() {
                        return Optional.empty();
                    }
                });
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
        return builder.build();
    }
}

package id.go.dukcapil.ikd.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;

import org.junit.jupiter.api.Test;

/** A moment as a citizen reads it: the office's local time with the zone's abbreviation. */
class IndonesianTimeZoneTest {

    private static final Instant AT = Instant.parse("2026-12-03T06:05:00Z");

    @Test
    void eachZoneShowsItsOwnHourAndName() {
        assertThat(IndonesianTimeZone.WITA.indonesian(AT)).isEqualTo("3 Desember 2026, 14.05 WITA");
        assertThat(IndonesianTimeZone.WITA.english(AT)).isEqualTo("3 December 2026, 14:05 WITA");
        assertThat(IndonesianTimeZone.WIT.indonesian(AT)).isEqualTo("3 Desember 2026, 15.05 WIT");
        assertThat(IndonesianTimeZone.WIB.format(AT, "id")).isEqualTo("3 Desember 2026, 13.05 WIB");
        assertThat(IndonesianTimeZone.WIB.format(AT, "en")).isEqualTo("3 December 2026, 13:05 WIB");
    }

    @Test
    void anOfficeThatNamesNoZoneIsWib() throws Exception {
        OfficeContact before = new OfficeContact("3513-DISDUKCAPIL", "Disdukcapil Probolinggo", null, null, null, null, null);
        assertThat(before.zone()).isEqualTo(IndonesianTimeZone.WIB);
        OfficeContact tapin = new OfficeContact("6305-DISDUKCAPIL", "Disdukcapil Tapin", null, null, null, null, null,
                IndonesianTimeZone.WITA);
        assertThat(tapin.zone()).isEqualTo(IndonesianTimeZone.WITA);
        assertThat(EventJson.newObjectMapper().writeValueAsString(tapin)).contains("\"timeZone\":\"WITA\"");
        assertThat(EventJson.newObjectMapper().writeValueAsString(before)).doesNotContain("timeZone");
    }

    @Test
    void aNikOrAreaCodeTakesItsProvincesZone() {
        assertThat(IndonesianTimeZone.provinces()).hasSize(38);
        assertThat(IndonesianTimeZone.ofArea("3204120101900001")).as("Kabupaten Bandung").isEqualTo(IndonesianTimeZone.WIB);
        assertThat(IndonesianTimeZone.ofArea("6305")).as("Tapin, South Kalimantan").isEqualTo(IndonesianTimeZone.WITA);
        assertThat(IndonesianTimeZone.ofArea("61.71")).as("Pontianak, West Kalimantan").isEqualTo(IndonesianTimeZone.WIB);
        assertThat(IndonesianTimeZone.ofArea("91.71")).as("Kota Jayapura").isEqualTo(IndonesianTimeZone.WIT);
        assertThat(IndonesianTimeZone.ofArea(null)).as("no area: the national office in Jakarta").isEqualTo(IndonesianTimeZone.WIB);
        assertThatThrownBy(() -> IndonesianTimeZone.ofArea("99")).isInstanceOf(IllegalArgumentException.class);
    }
}

package id.go.dukcapil.ikd.verification.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;

/** The province-to-zone table (Keppres 41/1987) against the province list the suite carries. */
class OfficeTimeZoneTest {

    @Test
    void everyProvinceOfTheAreaDataHasAZone() throws IOException {
        List<String> provinces;
        try (InputStream in = getClass().getClassLoader().getResourceAsStream("idn-area/provinces.csv")) {
            provinces = Arrays.stream(new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")).skip(1)
                    .filter(line -> !line.isBlank()).map(line -> line.split(",")[0]).toList();
        }
        assertThat(provinces).hasSize(38);
        assertThat(OfficeTimeZone.provinces().keySet()).containsExactlyInAnyOrderElementsOf(provinces);
    }

    @Test
    void theZonesOfTheRegionsThatDiffer() {
        // Sumatra, Java, West and Central Kalimantan: WIB
        assertThat(List.of("11", "13", "21", "31", "35", "36", "61", "62")).allMatch(p -> OfficeTimeZone.ofArea(p) == OfficeTimeZone.WIB);
        // Bali, Nusa Tenggara, South/East/North Kalimantan and all of Sulawesi: WITA
        assertThat(List.of("51", "52", "53", "63", "64", "65", "71", "72", "73", "74", "75", "76"))
                .allMatch(p -> OfficeTimeZone.ofArea(p) == OfficeTimeZone.WITA);
        // Maluku and every Papua province: WIT
        assertThat(List.of("81", "82", "91", "92", "93", "94", "95", "96")).allMatch(p -> OfficeTimeZone.ofArea(p) == OfficeTimeZone.WIT);
    }

    @Test
    void anAreaCodeTakesItsProvincesZoneAndNoAreaIsJakarta() {
        assertThat(OfficeTimeZone.ofArea("63.05")).isEqualTo(OfficeTimeZone.WITA); // Tapin, Kalimantan Selatan
        assertThat(OfficeTimeZone.ofArea("63.05.04")).isEqualTo(OfficeTimeZone.WITA);
        assertThat(OfficeTimeZone.ofArea("35.24.17")).isEqualTo(OfficeTimeZone.WIB); // Sukodadi, Jawa Timur
        assertThat(OfficeTimeZone.ofArea("91.71")).isEqualTo(OfficeTimeZone.WIT); // Kota Jayapura
        assertThat(OfficeTimeZone.ofArea(null)).isEqualTo(OfficeTimeZone.WIB);
        assertThat(OfficeTimeZone.WITA.zoneId().getId()).isEqualTo("Asia/Makassar");
        assertThat(OfficeTimeZone.WIT.zoneId().getId()).isEqualTo("Asia/Jayapura");
        assertThatThrownBy(() -> OfficeTimeZone.ofArea("99.01")).isInstanceOf(IllegalArgumentException.class);
    }
}

package id.go.dukcapil.ikd.verification.domain;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.ZoneId;
import java.util.Map;
import java.util.TreeMap;

import id.go.dukcapil.ikd.events.IndonesianTimeZone;

/**
 * Indonesia's three time zones ({@link IndonesianTimeZone}, which events carry) with the office
 * rules of this service. Which provinces keep which zone is data: {@code idn-area/province-time-zones.csv}, one row per
 * province code of the Kemendagri area codes.
 */
public enum OfficeTimeZone {
    WIB(IndonesianTimeZone.WIB),
    WITA(IndonesianTimeZone.WITA),
    WIT(IndonesianTimeZone.WIT);

    private static final Map<String, OfficeTimeZone> BY_PROVINCE = readProvinces();

    private final IndonesianTimeZone zone;

    OfficeTimeZone(IndonesianTimeZone zone) {
        this.zone = zone;
    }

    /** The zone as events carry it. */
    public IndonesianTimeZone zone() {
        return zone;
    }

    public ZoneId zoneId() {
        return zone.zoneId();
    }

    public String nameId() {
        return zone.nameId();
    }

    public String nameEn() {
        return zone.nameEn();
    }

    /**
     * The zone of an area code ({@code 63}, {@code 63.05}, {@code 63.05.04}, or a NIK's digits):
     * its province's. No area (the national office in Jakarta) is WIB.
     *
     * @throws IllegalArgumentException for a province code the table does not know
     */
    public static OfficeTimeZone ofArea(String areaCode) {
        if (areaCode == null || areaCode.isBlank()) {
            return WIB;
        }
        String province = areaCode.strip().substring(0, Math.min(2, areaCode.strip().length()));
        OfficeTimeZone zone = BY_PROVINCE.get(province);
        if (zone == null) {
            throw new IllegalArgumentException("no time zone for province " + province);
        }
        return zone;
    }

    /** Province code to zone, as the data file gives it. */
    public static Map<String, OfficeTimeZone> provinces() {
        return BY_PROVINCE;
    }

    private static Map<String, OfficeTimeZone> readProvinces() {
        Map<String, OfficeTimeZone> zones = new TreeMap<>();
        try (InputStream in = OfficeTimeZone.class.getClassLoader().getResourceAsStream("idn-area/province-time-zones.csv")) {
            if (in == null) {
                throw new IllegalStateException("missing resource idn-area/province-time-zones.csv");
            }
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            reader.readLine(); // header
            String line;
            while ((line = reader.readLine()) != null) {
                if (!line.isBlank()) {
                    String[] cols = line.split(",", -1);
                    zones.put(cols[0].strip(), OfficeTimeZone.valueOf(cols[1].strip()));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Map.copyOf(zones);
    }
}

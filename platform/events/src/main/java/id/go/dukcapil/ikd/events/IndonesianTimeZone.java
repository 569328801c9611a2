package id.go.dukcapil.ikd.events;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Indonesia's three time zones (Keppres 41/1987), each with the IANA zone the suite counts in and
 * its name in both languages. Every time a citizen or an officer reads is in the zone of the office
 * concerned, with the zone's abbreviation (the enum's name), never raw UTC.
 */
public enum IndonesianTimeZone {
    WIB("Asia/Jakarta", "Waktu Indonesia Barat", "Western Indonesia Time"),
    WITA("Asia/Makassar", "Waktu Indonesia Tengah", "Central Indonesia Time"),
    WIT("Asia/Jayapura", "Waktu Indonesia Timur", "Eastern Indonesia Time");

    private static final Map<String, IndonesianTimeZone> BY_PROVINCE = readProvinces();
    private static final DateTimeFormatter INDONESIAN = DateTimeFormatter.ofPattern("d MMMM yyyy, HH.mm",
            Locale.forLanguageTag("id-ID"));
    private static final DateTimeFormatter ENGLISH = DateTimeFormatter.ofPattern("d MMMM yyyy, HH:mm", Locale.ENGLISH);

    private final ZoneId zoneId;
    private final String nameId;
    private final String nameEn;

    IndonesianTimeZone(String zoneId, String nameId, String nameEn) {
        this.zoneId = ZoneId.of(zoneId);
        this.nameId = nameId;
        this.nameEn = nameEn;
    }

    public ZoneId zoneId() {
        return zoneId;
    }

    public String nameId() {
        return nameId;
    }

    public String nameEn() {
        return nameEn;
    }

    /** E.g. {@code 3 Desember 2026, 14.05 WITA}. */
    public String indonesian(Instant at) {
        return INDONESIAN.format(at.atZone(zoneId)) + " " + name();
    }

    /** E.g. {@code 3 December 2026, 14:05 WITA}. */
    public String english(Instant at) {
        return ENGLISH.format(at.atZone(zoneId)) + " " + name();
    }

    /**
     * The zone of an area code ({@code 63}, {@code 63.05}, {@code 63.05.04}, or a NIK's digits): its
     * province's. Which provinces keep which zone is data, {@code idn-area/province-time-zones.csv}, one
     * row per province code of the Kemendagri area codes. No area (the national office in Jakarta) is WIB.
     *
     * @throws IllegalArgumentException for a province code the table does not know
     */
    public static IndonesianTimeZone ofArea(String areaCode) {
        if (areaCode == null || areaCode.isBlank()) {
            return WIB;
        }
        String stripped = areaCode.strip();
        String province = stripped.substring(0, Math.min(2, stripped.length()));
        IndonesianTimeZone zone = BY_PROVINCE.get(province);
        if (zone == null) {
            throw new IllegalArgumentException("no time zone for province " + province);
        }
        return zone;
    }

    /** Province code to zone, as the data file gives it. */
    public static Map<String, IndonesianTimeZone> provinces() {
        return BY_PROVINCE;
    }

    /** In English for {@code en}, in Bahasa Indonesia otherwise. */
    public String format(Instant at, String language) {
        return "en".equals(language) ? english(at) : indonesian(at);
    }

    private static Map<String, IndonesianTimeZone> readProvinces() {
        Map<String, IndonesianTimeZone> zones = new TreeMap<>();
        try (InputStream in = IndonesianTimeZone.class.getClassLoader()
                .getResourceAsStream("idn-area/province-time-zones.csv")) {
            if (in == null) {
                throw new IllegalStateException("missing resource idn-area/province-time-zones.csv");
            }
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            reader.readLine(); // header
            String line;
            while ((line = reader.readLine()) != null) {
                if (!line.isBlank()) {
                    String[] cols = line.split(",", -1);
                    zones.put(cols[0].strip(), valueOf(cols[1].strip()));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Map.copyOf(zones);
    }
}

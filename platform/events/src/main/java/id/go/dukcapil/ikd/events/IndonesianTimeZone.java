package id.go.dukcapil.ikd.events;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * Indonesia's three time zones (Keppres 41/1987), each with the IANA zone the suite counts in and
 * its name in both languages. Every time a citizen or an officer reads is in the zone of the office
 * concerned, with the zone's abbreviation (the enum's name), never raw UTC.
 */
public enum IndonesianTimeZone {
    WIB("Asia/Jakarta", "Waktu Indonesia Barat", "Western Indonesia Time"),
    WITA("Asia/Makassar", "Waktu Indonesia Tengah", "Central Indonesia Time"),
    WIT("Asia/Jayapura", "Waktu Indonesia Timur", "Eastern Indonesia Time");

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

    /** In English for {@code en}, in Bahasa Indonesia otherwise. */
    public String format(Instant at, String language) {
        return "en".equals(language) ? english(at) : indonesian(at);
    }
}

package id.go.dukcapil.ikd.token.rest;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * Times on the verifier page in local time with the zone's name, as a teller reads them. A QR
 * token carries no office or zone, so the page uses WIB (Asia/Jakarta), the zone of the suite's
 * other messages; offices in WITA or WIT see WIB too, named as such.
 */
final class PageTimes {

    private static final ZoneId WIB = ZoneId.of("Asia/Jakarta");
    private static final DateTimeFormatter ID = DateTimeFormatter.ofPattern("d MMMM yyyy, HH.mm.ss 'WIB'",
            Locale.forLanguageTag("id-ID"));
    private static final DateTimeFormatter EN = DateTimeFormatter.ofPattern("d MMMM yyyy, HH:mm:ss 'WIB'",
            Locale.ENGLISH);

    private PageTimes() {
    }

    /** E.g. {@code 3 Desember 2026, 04.45.30 WIB}; null for null. */
    static String indonesian(Instant at) {
        return at == null ? null : ID.format(at.atZone(WIB));
    }

    /** E.g. {@code 3 December 2026, 04:45:30 WIB}; null for null. */
    static String english(Instant at) {
        return at == null ? null : EN.format(at.atZone(WIB));
    }
}

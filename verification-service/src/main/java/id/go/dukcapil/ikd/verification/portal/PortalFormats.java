package id.go.dukcapil.ikd.verification.portal;

import java.time.Instant;
import java.time.format.DateTimeFormatter;

import id.go.dukcapil.ikd.verification.domain.OfficeTimeZone;
import io.quarkus.qute.TemplateExtension;

/**
 * Formats for the portal's templates: times in the office's own zone with its name (WIB, WITA,
 * WIT), durations in minutes and seconds; codes in words are {@link PortalLabels}.
 */
@TemplateExtension
public class PortalFormats {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("dd-MM-yyyy HH:mm");

    /** {@code {c.scannedAt.at(c.timeZone)}}: "03-12-2026 14:05 WITA". */
    static String at(Instant instant, String zone) {
        return local(instant, zone);
    }

    /** The instant in the office zone {@code zone} (WIB, WITA, WIT), with the zone's name. */
    public static String local(Instant instant, String zone) {
        if (instant == null) {
            return "-";
        }
        OfficeTimeZone z = zone == null ? OfficeTimeZone.WIB : OfficeTimeZone.valueOf(zone);
        return TIME.format(instant.atZone(z.zoneId())) + " " + z.name();
    }

    static String minutes(Long seconds) {
        if (seconds == null) {
            return "-";
        }
        return seconds / 60 + " mnt " + seconds % 60 + " dtk";
    }
}

package id.go.dukcapil.ikd.verification.portal;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

import io.quarkus.qute.TemplateExtension;

/** Formats for the portal's templates: times in WIB, durations in minutes and seconds. */
@TemplateExtension
public class PortalFormats {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("dd-MM-yyyy HH:mm")
            .withZone(ZoneId.of("Asia/Jakarta"));

    static String wib(Instant instant) {
        return instant == null ? "-" : TIME.format(instant) + " WIB";
    }

    static String minutes(Long seconds) {
        if (seconds == null) {
            return "-";
        }
        return seconds / 60 + " mnt " + seconds % 60 + " dtk";
    }
}

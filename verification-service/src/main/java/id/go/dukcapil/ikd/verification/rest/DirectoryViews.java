package id.go.dukcapil.ikd.verification.rest;

import java.time.format.TextStyle;
import java.util.List;
import java.util.Locale;

import id.go.dukcapil.ikd.verification.domain.OfficeChannel;
import id.go.dukcapil.ikd.verification.domain.OfficeListing;
import id.go.dukcapil.ikd.verification.domain.OfficeTimeZone;
import id.go.dukcapil.ikd.verification.domain.OpeningHours;

/** The public office directory as the API and the page show it: codes for programs, words for people. */
public final class DirectoryViews {

    private static final Locale INDONESIAN = Locale.forLanguageTag("id");

    private DirectoryViews() {
    }

    /** @param code WIB, WITA or WIT; {@code utcOffset} "+08:00" */
    public record TimeZoneView(String code, String zoneId, String utcOffset, String nameId, String nameEn) {
    }

    public record HoursView(String day, String dayId, String dayEn, String opens, String closes) {
    }

    /** @param link where a browser opens it (tel:, https://wa.me/…, mailto:, the account's page), or null */
    public record ChannelView(String kind, String kindId, String kindEn, String value, String label, String link) {
    }

    public record OfficeEntry(String code, String name, String level, String levelId, String levelEn, String areaCode,
            TimeZoneView timeZone, String address, boolean hoursPublished, List<HoursView> openingHours,
            List<ChannelView> complaintChannels, String approvalModel, int completionMinutes) {
    }

    public static OfficeEntry entry(OfficeListing o) {
        return new OfficeEntry(o.code(), o.name(), o.level().name(), levelId(o), levelEn(o), o.areaCode(),
                zone(o.timeZone()), o.address(), !o.hours().isEmpty(),
                o.hours().stream().map(DirectoryViews::hours).toList(),
                o.channels().stream().map(DirectoryViews::channel).toList(), o.approvalModel().name(),
                o.completionMinutes());
    }

    public static TimeZoneView zone(OfficeTimeZone zone) {
        String offset = zone.zoneId().getRules().getOffset(java.time.Instant.EPOCH).getId();
        return new TimeZoneView(zone.name(), zone.zoneId().getId(), offset, zone.nameId(), zone.nameEn());
    }

    static HoursView hours(OpeningHours h) {
        return new HoursView(h.day().name(), h.day().getDisplayName(TextStyle.FULL, INDONESIAN),
                h.day().getDisplayName(TextStyle.FULL, Locale.ENGLISH), h.opens().toString(), h.closes().toString());
    }

    static ChannelView channel(OfficeChannel c) {
        return new ChannelView(c.kind().name(), c.kind().nameId(), c.kind().nameEn(), c.value(), c.label(), c.link());
    }

    private static String levelId(OfficeListing o) {
        return switch (o.level()) {
            case REGENCY -> "Dinas kabupaten/kota";
            case DISTRICT -> "Kantor kecamatan";
            case NATIONAL -> "Ditjen Dukcapil (pusat)";
        };
    }

    private static String levelEn(OfficeListing o) {
        return switch (o.level()) {
            case REGENCY -> "Regency/city office";
            case DISTRICT -> "District office";
            case NATIONAL -> "Directorate General (national)";
        };
    }
}

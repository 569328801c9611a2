package id.go.dukcapil.ikd.verification.rest;

import java.time.format.TextStyle;
import java.util.List;
import java.util.Locale;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

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

    @Schema(example = """
            {"code": "6305-DISDUKCAPIL", "name": "Dinas Kependudukan dan Pencatatan Sipil Kabupaten Tapin",
             "level": "REGENCY", "levelId": "Dinas kabupaten/kota", "levelEn": "Regency/city office", "areaCode": "63.05",
             "timeZone": {"code": "WITA", "zoneId": "Asia/Makassar", "utcOffset": "+08:00", "nameId": "Waktu Indonesia Tengah",
                          "nameEn": "Central Indonesia Time"},
             "address": "Jl. Datu Nuraya Kawasan Rantau Baru RT. 1 RW. 1, Kecamatan Tapin Utara, Kabupaten Tapin, Kalimantan Selatan 71111",
             "hoursPublished": true,
             "openingHours": [{"day": "MONDAY", "dayId": "Senin", "dayEn": "Monday", "opens": "08:00", "closes": "16:00"}],
             "complaintChannels": [
               {"kind": "PHONE", "kindId": "Telepon", "kindEn": "Phone", "value": "0517-32454", "label": "Telepon dan faksimile",
                "link": "tel:+6251732454"},
               {"kind": "WHATSAPP", "kindId": "WhatsApp", "kindEn": "WhatsApp", "value": "0811-5113-141", "label": null,
                "link": "https://wa.me/628115113141"}],
             "approvalModel": "LOCAL", "completionMinutes": 50}""")
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

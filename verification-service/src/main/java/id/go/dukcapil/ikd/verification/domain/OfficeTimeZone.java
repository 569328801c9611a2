package id.go.dukcapil.ikd.verification.domain;

import java.time.ZoneId;
import java.util.Map;
import java.util.stream.Collectors;

import id.go.dukcapil.ikd.events.IndonesianTimeZone;

/**
 * Indonesia's three time zones ({@link IndonesianTimeZone}, which events carry) with the office
 * rules of this service; which provinces keep which zone is {@link IndonesianTimeZone#ofArea}'s data.
 */
public enum OfficeTimeZone {
    WIB(IndonesianTimeZone.WIB),
    WITA(IndonesianTimeZone.WITA),
    WIT(IndonesianTimeZone.WIT);

    private static final Map<String, OfficeTimeZone> BY_PROVINCE = IndonesianTimeZone.provinces().entrySet().stream()
            .collect(Collectors.toUnmodifiableMap(Map.Entry::getKey, province -> of(province.getValue())));

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

    /** The zone of an area code or a NIK's digits: {@link IndonesianTimeZone#ofArea}. */
    public static OfficeTimeZone ofArea(String areaCode) {
        return of(IndonesianTimeZone.ofArea(areaCode));
    }

    /** Province code to zone, as the data file gives it. */
    public static Map<String, OfficeTimeZone> provinces() {
        return BY_PROVINCE;
    }

    public static OfficeTimeZone of(IndonesianTimeZone zone) {
        return valueOf(zone.name());
    }
}

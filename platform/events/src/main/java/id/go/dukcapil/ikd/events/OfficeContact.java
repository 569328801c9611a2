package id.go.dukcapil.ikd.events;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;

import java.util.Objects;

/**
 * The Dukcapil office that handled the citizen, with its complaint channels (pengaduan), so that
 * every message to the citizen can say where to turn without asking verification-service.
 *
 * @param officeCode stable office code, e.g. {@code 3204-DISDUKCAPIL}
 * @param phone      as published by the office; landlines allowed, so no E.164 constraint
 * @param website    absolute URL
 * @param timeZone   the office's zone, in which every time the citizen reads is given; absent in
 *                   events written before it was added, which were all WIB
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record OfficeContact(
        String officeCode,
        String name,
        String address,
        String phone,
        String email,
        String whatsapp,
        String website,
        IndonesianTimeZone timeZone) {

    public OfficeContact {
        Objects.requireNonNull(officeCode, "officeCode is required");
        Objects.requireNonNull(name, "name is required");
    }

    /** An office of Western Indonesia Time (the zone every office had before offices named theirs). */
    public OfficeContact(String officeCode, String name, String address, String phone, String email, String whatsapp,
            String website) {
        this(officeCode, name, address, phone, email, whatsapp, website, null);
    }

    /** The office's zone: WIB when the event names none. */
    public IndonesianTimeZone zone() {
        return timeZone == null ? IndonesianTimeZone.WIB : timeZone;
    }
}

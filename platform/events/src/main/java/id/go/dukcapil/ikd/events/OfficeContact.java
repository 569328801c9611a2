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
        String website) {

    public OfficeContact {
        Objects.requireNonNull(officeCode, "officeCode is required");
        Objects.requireNonNull(name, "name is required");
    }
}

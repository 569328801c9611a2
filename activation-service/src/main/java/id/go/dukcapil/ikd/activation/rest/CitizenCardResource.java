package id.go.dukcapil.ikd.activation.rest;

import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.jwt.JsonWebToken;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import com.fasterxml.jackson.annotation.JsonInclude;

import id.go.dukcapil.ikd.activation.crypto.CitizenTokens;
import id.go.dukcapil.ikd.activation.service.CitizenCardService;
import id.go.dukcapil.ikd.events.IndonesianTimeZone;
import id.go.dukcapil.ikd.events.OfficeContact;
import id.go.dukcapil.ikd.events.VerifiedAttributes;
import id.go.dukcapil.ikd.web.Bilingual;
import id.go.dukcapil.ikd.web.CommonProblems;
import id.go.dukcapil.ikd.web.Masking;
import id.go.dukcapil.ikd.web.ProblemException;
import io.smallrye.mutiny.Uni;

/** The KTP Digital card in the IKD app (SOP step 6): the citizen's own session only, never cached. */
@Path("/api/v1/citizen/card")
@Tag(name = "Citizen")
@RolesAllowed(CitizenTokens.CITIZEN_GROUP)
@SecurityRequirement(name = "bearer")
public class CitizenCardResource {

    private static final DateTimeFormatter BIRTH_ID = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.forLanguageTag("id-ID"));
    private static final DateTimeFormatter BIRTH_EN = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.ENGLISH);


    /** {@code timeZone}: WIB, WITA or WIT, the office's; the activation is shown in it. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record IssuingOffice(String code, String name, String address, String timeZone) {
    }

    /** The device the identity is bound to: its key's thumbprint, and the short form the card shows. */
    public record Device(String keyThumbprint, String shortId) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    @Schema(example = """
            {"fullName": "BUDI SANTOSO", "nik": "3204120101900001", "nikMasked": "320412********01",
             "birthPlace": "BANDUNG", "birthDate": "1990-01-01",
             "birthDateText": {"id": "1 Januari 1990", "en": "1 January 1990"}, "sex": "LAKI-LAKI",
             "address": "JL. MERDEKA NO. 12", "rtRw": "003/007", "villageName": "CANGKUANG KULON",
             "districtName": "DAYEUHKOLOT", "regencyName": "KABUPATEN BANDUNG", "provinceName": "JAWA BARAT",
             "ktpElStatus": "PRINTED",
             "issuingOffice": {"code": "3204-DISDUKCAPIL", "name": "Disdukcapil Kabupaten Bandung",
                               "address": "Jl. Raya Soreang KM 17, Soreang", "timeZone": "WIB"},
             "activatedAt": "2026-12-05T02:30:00Z",
             "activatedAtLocal": {"id": "5 Desember 2026, 09.30 WIB", "en": "5 December 2026, 09:30 WIB"},
             "device": {"keyThumbprint": "NzbLsXh8uDCcd-6MNwXF4W_7noWXFZAfHkxZsRGC9Xs", "shortId": "NzbLsXh8"},
             "photo": true}""")
    public record Card(String fullName, String nik, String nikMasked, String birthPlace, LocalDate birthDate,
            Bilingual birthDateText, String sex, String address, String rtRw, String villageName, String districtName,
            String regencyName, String provinceName, String ktpElStatus, IssuingOffice issuingOffice,
            Instant activatedAt, Bilingual activatedAtLocal, Device device, boolean photo) {
    }

    private final CitizenCardService cards;
    private final JsonWebToken jwt;

    public CitizenCardResource(CitizenCardService cards, JsonWebToken jwt) {
        this.cards = cards;
        this.jwt = jwt;
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "The citizen's KTP Digital card: registry attributes, issuing office, activation (office "
            + "local time) and device", description = "The full NIK is for the app's tap-to-reveal; the app shows "
            + "nikMasked first. The photo is at /api/v1/citizen/card/photo.")
    @APIResponse(responseCode = "200", description = "The card; Cache-Control: no-store",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = Card.class)))
    @APIResponse(responseCode = "401", description = "UNAUTHORIZED: no citizen session (problem+json)")
    @APIResponse(responseCode = "403", description = "FORBIDDEN (not a citizen) or IDENTITY_NOT_ACTIVE (problem+json)")
    public Uni<Response> card() {
        return cards.card(jwt.getSubject()).map(card -> noStore(Response.ok(view(card), MediaType.APPLICATION_JSON)));
    }

    @GET
    @Path("/photo")
    @Produces("image/*")
    @Operation(summary = "The registry (KTP-el) photo of the citizen's card, from verification-service",
            description = "Only for the citizen's own session; checked against the digest of the verified attributes.")
    @APIResponse(responseCode = "200", description = "The image; Cache-Control: no-store")
    @APIResponse(responseCode = "404", description = "NOT_FOUND: no registry photo can be shown now (problem+json)")
    @APIResponse(responseCode = "403", description = "FORBIDDEN or IDENTITY_NOT_ACTIVE (problem+json)")
    public Uni<Response> photo() {
        return cards.photo(jwt.getSubject()).map(photo -> photo
                .map(p -> noStore(Response.ok(p.content(), p.contentType())))
                .orElseThrow(() -> new ProblemException(CommonProblems.NOT_FOUND,
                        "Foto KTP-el tidak dapat ditampilkan saat ini. Coba lagi nanti.",
                        "The KTP-el photo cannot be shown right now. Try again later.")));
    }

    static Card view(CitizenCardService.Card card) {
        VerifiedAttributes a = card.attributes();
        OfficeContact office = card.office();
        IndonesianTimeZone zone = office == null ? IndonesianTimeZone.WIB : office.zone();
        Instant activatedAt = card.identity().activatedAt;
        String thumbprint = card.identity().deviceKeyThumbprint;
        return new Card(a.fullName(), a.nik(), Masking.nik(a.nik()), a.birthPlace(), a.birthDate(),
                new Bilingual(BIRTH_ID.format(a.birthDate()), BIRTH_EN.format(a.birthDate())), a.sex(), a.address(),
                a.rtRw(), a.villageName(), a.districtName(), a.regencyName(), a.provinceName(), a.ktpElStatus(),
                office == null ? null : new IssuingOffice(office.officeCode(), office.name(), office.address(),
                        zone.name()),
                activatedAt, new Bilingual(zone.indonesian(activatedAt), zone.english(activatedAt)),
                new Device(thumbprint, thumbprint.length() > 8 ? thumbprint.substring(0, 8) : thumbprint),
                a.photoSha256() != null);
    }

    private static Response noStore(Response.ResponseBuilder response) {
        return response.header("Cache-Control", "no-store").build();
    }
}

package id.go.dukcapil.ikd.verification.portal;

import java.net.URI;
import java.util.UUID;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.CookieParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.RestPath;

import id.go.dukcapil.ikd.verification.repository.VideoBookingRepository.DayBooking;
import id.go.dukcapil.ikd.verification.service.VideoBookingDay;
import id.go.dukcapil.ikd.verification.service.VideoBookingNoShows;
import id.go.dukcapil.ikd.web.CsrfTokens;
import id.go.dukcapil.ikd.web.Masking;
import id.go.dukcapil.ikd.web.ProblemException;
import io.smallrye.mutiny.Uni;

/**
 * Today's bookings in the video queue ({@link VideoCallPortalResource}) and what the operator does with
 * one: open its case, or, once its slot started and the citizen is not on the call, record a no-show
 * (CSRF-checked form, the booking's office only, audited).
 */
@Path("/portal/video-bookings")
@Tag(name = "Operator portal (HTML)")
public class VideoBookingPortalResource {

    private final PortalPages pages;
    private final VideoBookingNoShows noShows;

    public VideoBookingPortalResource(PortalPages pages, VideoBookingNoShows noShows) {
        this.pages = pages;
        this.noShows = noShows;
    }

    /** A booking of today as the queue shows it: the slot in the office's local time, its case, and what may be done. */
    public record BookedSlotView(UUID bookingId, UUID caseId, String slot, String nikMasked, String status,
            boolean waiting, boolean noShowAllowed) {

        static BookedSlotView of(DayBooking b, VideoBookingDay.Today today) {
            return new BookedSlotView(b.booking().id(), b.booking().caseId(),
                    PortalFormats.local(b.booking().slotStart(), today.zone().name()), Masking.nik(b.nik()),
                    b.booking().status().name(), b.waiting(), today.noShowAllowed(b));
        }
    }

    @POST
    @Path("/{id}/no-show")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.TEXT_HTML)
    @Operation(summary = "Record a booked citizen as a no-show once the slot started and they are not on the call: the booking ends, the citizen is told and may book again; the case stays in the queue")
    @APIResponse(responseCode = "303", description = "Recorded: back to the video queue")
    @APIResponse(responseCode = "403", description = "CSRF token missing or wrong: nothing done (HTML page with the message)")
    @APIResponse(responseCode = "404", description = "BOOKING_NOT_FOUND (also another office's booking; HTML page with the message)")
    @APIResponse(responseCode = "409", description = "BOOKING_NOT_ACTIVE, SLOT_NOT_STARTED or CITIZEN_ON_CALL (HTML page with the message)")
    public Uni<Response> recordNoShow(@CookieParam(PortalSession.COOKIE) String cookie, @RestPath UUID id,
            @RestForm(CsrfTokens.FIELD) String csrfField, @CookieParam(PortalSession.CSRF_COOKIE) String csrfCookie) {
        return pages.signedIn(cookie, csrfCookie, signed -> {
            if (pages.csrfRefused("video-no-show", signed, csrfCookie, csrfField)) {
                return Uni.createFrom().item(pages.scanPage(signed, PortalNotice.FORM_REFUSED, 403, csrfCookie));
            }
            return noShows.record(signed.principal(), id)
                    .map(ended -> Response.seeOther(URI.create("/portal/video-calls")).build())
                    .onFailure(ProblemException.class).recoverWithItem(e -> pages.problemPage(signed,
                            (ProblemException) e, csrfCookie));
        });
    }
}

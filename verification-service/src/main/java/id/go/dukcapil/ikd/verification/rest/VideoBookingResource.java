package id.go.dukcapil.ikd.verification.rest;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.annotation.security.PermitAll;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import id.go.dukcapil.ikd.verification.domain.VideoBooking;
import id.go.dukcapil.ikd.verification.domain.VideoSchedule;
import id.go.dukcapil.ikd.verification.service.VideoBookings;
import id.go.dukcapil.ikd.web.ClientAddress;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpServerRequest;

/**
 * The citizen books a video call: slots of the office in its local time, book, move, cancel. Proven by
 * the app's valid current counter code in {@value #CODE_HEADER} (never in a URL), as the call is.
 */
@Path("/api/v1/video-bookings")
@Tag(name = "Video call (citizen)")
@Produces(MediaType.APPLICATION_JSON)
@PermitAll
public class VideoBookingResource {

    public static final String CODE_HEADER = "X-Counter-Code";

    private final VideoBookings bookings;

    public VideoBookingResource(VideoBookings bookings) {
        this.bookings = bookings;
    }

    /** A slot: instants, the office's zone and the local time in words; {@code free} places left. */
    @Schema(example = """
            {"start": "2026-12-07T01:15:00Z", "end": "2026-12-07T01:30:00Z", "timeZone": "WITA",
             "localId": "Senin, 7 Desember 2026 pukul 09.15 WITA", "localEn": "Monday 7 December 2026 at 09:15 WITA", "free": 1}""")
    public record SlotView(Instant start, Instant end, String timeZone, String localId, String localEn, int free) {
    }

    @Schema(example = """
            {"bookingId": "0194c3d4-1e2f-7a30-8b41-526374859607", "status": "BOOKED", "start": "2026-12-07T01:15:00Z",
             "end": "2026-12-07T01:30:00Z", "timeZone": "WITA", "localId": "Senin, 7 Desember 2026 pukul 09.15 WITA",
             "localEn": "Monday 7 December 2026 at 09:15 WITA", "officeName": "Dinas Kependudukan dan Pencatatan Sipil Kabupaten Tapin"}""")
    public record BookingView(UUID bookingId, String status, Instant start, Instant end, String timeZone, String localId,
            String localEn, String officeName) {
    }

    @Schema(example = """
            {"officeCode": "6305-DISDUKCAPIL", "officeName": "Dinas Kependudukan dan Pencatatan Sipil Kabupaten Tapin",
             "timeZone": "WITA", "slotMinutes": 15, "booking": null,
             "slots": [{"start": "2026-12-07T01:15:00Z", "end": "2026-12-07T01:30:00Z", "timeZone": "WITA",
                        "localId": "Senin, 7 Desember 2026 pukul 09.15 WITA", "localEn": "Monday 7 December 2026 at 09:15 WITA", "free": 1}]}""")
    public record SlotsView(String officeCode, String officeName, String timeZone, int slotMinutes, BookingView booking,
            List<SlotView> slots) {
    }

    @Schema(example = """
            {"slotStart": "2026-12-07T01:15:00Z"}""")
    public record BookingRequest(@NotNull Instant slotStart) {
    }

    @GET
    @Operation(summary = "The office's video-call slots on the next working days (office local time) and the registration's booking")
    @APIResponse(responseCode = "200", description = "Slots (full ones with free = 0) and the booking, if any",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = SlotsView.class)))
    @APIResponse(responseCode = "400", description = "INVALID_COUNTER_CODE or VALIDATION_FAILED")
    @APIResponse(responseCode = "404", description = "CASE_NOT_FOUND: the registration has not reached the office yet")
    @APIResponse(responseCode = "409", description = "VIDEO_CALLS_NOT_OFFERED or NOT_PENDING")
    @APIResponse(responseCode = "410", description = "COUNTER_CODE_EXPIRED or COUNTER_CODE_SUPERSEDED")
    @APIResponse(responseCode = "429", description = "RATE_LIMITED with Retry-After")
    public Uni<SlotsView> videoCallSlots(@HeaderParam(CODE_HEADER) @Parameter(description = "The app's current counter code") String code,
            @QueryParam("days") @Min(1) @Max(31) @Parameter(description = "Working days ahead (default 5, at most 14)") Integer days,
            @Context HttpServerRequest http) {
        return bookings.overview(code, days, ClientAddress.of(http)).map(o -> new SlotsView(
                o.schedule().officeCode(), o.schedule().officeName(), o.schedule().zone().name(), o.schedule().slotMinutes(),
                o.booking().map(b -> view(o.schedule(), b)).orElse(null),
                o.slots().stream().map(s -> new SlotView(s.slot().start(), s.slot().end(), o.schedule().zone().name(),
                        o.schedule().labelId(s.slot().start()), o.schedule().labelEn(s.slot().start()), s.free())).toList()));
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Book the slot starting at slotStart (one booking per registration); the citizen is told by app, email and SMS")
    @APIResponse(responseCode = "201", description = "Booked",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = BookingView.class)))
    @APIResponse(responseCode = "400", description = "SLOT_UNKNOWN (not a slot of the office), INVALID_COUNTER_CODE or VALIDATION_FAILED")
    @APIResponse(responseCode = "409", description = "SLOT_FULL, SLOT_PAST, ALREADY_BOOKED, VIDEO_CALLS_NOT_OFFERED or NOT_PENDING")
    @APIResponse(responseCode = "429", description = "RATE_LIMITED with Retry-After")
    public Uni<Response> bookVideoCall(@HeaderParam(CODE_HEADER) String code, @Valid @NotNull BookingRequest request,
            @Context HttpServerRequest http) {
        return bookings.book(code, request.slotStart(), ClientAddress.of(http))
                .map(b -> Response.status(201).entity(view(b.schedule(), b.booking())).build());
    }

    @PUT
    @Path("/current")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Move the booking to the slot starting at slotStart, atomically (the old place is freed only if the new one is taken)")
    @APIResponse(responseCode = "200", description = "Moved",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = BookingView.class)))
    @APIResponse(responseCode = "400", description = "SLOT_UNKNOWN, INVALID_COUNTER_CODE or VALIDATION_FAILED")
    @APIResponse(responseCode = "404", description = "BOOKING_NOT_FOUND")
    @APIResponse(responseCode = "409", description = "SLOT_FULL, SLOT_PAST, VIDEO_CALLS_NOT_OFFERED or NOT_PENDING")
    public Uni<BookingView> rebookVideoCall(@HeaderParam(CODE_HEADER) String code, @Valid @NotNull BookingRequest request,
            @Context HttpServerRequest http) {
        return bookings.rebook(code, request.slotStart(), ClientAddress.of(http))
                .map(b -> view(b.schedule(), b.booking()));
    }

    @DELETE
    @Path("/current")
    @Operation(summary = "Cancel the booking (the place is free again)")
    @APIResponse(responseCode = "200", description = "Cancelled: the booking with status CANCELLED",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = BookingView.class)))
    @APIResponse(responseCode = "404", description = "BOOKING_NOT_FOUND")
    @APIResponse(responseCode = "409", description = "VIDEO_CALLS_NOT_OFFERED or NOT_PENDING")
    public Uni<BookingView> cancelVideoCall(@HeaderParam(CODE_HEADER) String code, @Context HttpServerRequest http) {
        return bookings.cancel(code, ClientAddress.of(http)).map(b -> view(b.schedule(), b.booking()));
    }

    static BookingView view(VideoSchedule schedule, VideoBooking b) {
        return new BookingView(b.id(), b.status().name(), b.slotStart(), b.slotEnd(), schedule.zone().name(),
                schedule.labelId(b.slotStart()), schedule.labelEn(b.slotStart()), schedule.officeName());
    }
}

package id.go.dukcapil.ikd.verification.rest;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import jakarta.annotation.security.PermitAll;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.sse.OutboundSseEvent;
import jakarta.ws.rs.sse.Sse;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestPath;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;

import id.go.dukcapil.ikd.verification.domain.VideoCallProblems;
import id.go.dukcapil.ikd.verification.service.IceServers;
import id.go.dukcapil.ikd.verification.service.CitizenVideoCalls;
import id.go.dukcapil.ikd.verification.service.VideoCallSignals;
import id.go.dukcapil.ikd.web.ClientAddress;
import id.go.dukcapil.ikd.web.ProblemException;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpServerRequest;

/**
 * The citizen's side of a video call, for the call page: ask with a valid counter code, then
 * signal with the call token the answer carried ({@value #TOKEN_HEADER}; never in a URL).
 */
@Path("/api/v1/video-calls")
@Tag(name = "Video call (citizen)")
@Produces(MediaType.APPLICATION_JSON)
@PermitAll
public class VideoCallResource {

    public static final String TOKEN_HEADER = "X-Call-Token";
    private static final Duration HEARTBEAT = Duration.ofSeconds(15);

    private final CitizenVideoCalls calls;
    private final VideoCallSignals signals;
    private final IceServers iceServers;

    public VideoCallResource(CitizenVideoCalls calls, VideoCallSignals signals, IceServers iceServers) {
        this.calls = calls;
        this.signals = signals;
        this.iceServers = iceServers;
    }

    public record CallRequest(@NotNull @Size(max = 4096) String counterCode) {
    }

    public record SignalRequest(@NotNull @Size(max = 32) String kind,
            @NotNull @Schema(implementation = Object.class, type = SchemaType.OBJECT, description = "The SDP offer or answer, or the ICE candidate, as the browser gave it")
            JsonNode body) {
    }

    /** What the call page needs; {@code token} only in the answer that created or rejoined the call. */
    @Schema(example = """
            {"callId": "5a7c9e1b-3d5f-4a6c-8e0b-2d4f6a8c0e1b", "token": "••••", "status": "WAITING",
             "officeName": "Dinas Kependudukan dan Pencatatan Sipil Kabupaten Tapin", "timeZone": "WITA", "consented": false, "stillsConsented": false,
             "endedId": null, "endedEn": null,
             "iceServers": [{"urls": ["stun:stun.ikd.example.go.id:3478"], "username": null, "credential": null},
                            {"urls": ["turns:turn.ikd.example.go.id:5349"], "username": "1796438700:5a7c9e1b-3d5f-4a6c-8e0b-2d4f6a8c0e1b", "credential": "••••"}]}""")
    public record CitizenCallView(UUID callId, String token, String status, String officeName, String timeZone,
            boolean consented, boolean stillsConsented, String endedId, String endedEn, List<IceServers.IceServer> iceServers) {
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Ask the case's office for a video call with the app's current counter code; "
            + "an open call of the registration is rejoined with a new token (the old page stops)")
    @APIResponse(responseCode = "201", description = "The call, waiting for an operator, with its token",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = CitizenCallView.class)))
    @APIResponse(responseCode = "400", description = "INVALID_COUNTER_CODE or VALIDATION_FAILED")
    @APIResponse(responseCode = "404", description = "CASE_NOT_FOUND: the registration has not reached the office yet")
    @APIResponse(responseCode = "409", description = "VIDEO_CALLS_NOT_OFFERED (the office verifies at its service place only) or CASE_CLOSED")
    @APIResponse(responseCode = "410", description = "COUNTER_CODE_EXPIRED or COUNTER_CODE_SUPERSEDED")
    @APIResponse(responseCode = "429", description = "RATE_LIMITED with Retry-After: too many requests from this address")
    public Uni<Response> requestVideoCall(@Valid @NotNull CallRequest request, @Context HttpServerRequest http) {
        return calls.request(request.counterCode(), ClientAddress.of(http)).map(joined -> Response.status(201).entity(new CitizenCallView(
                joined.call().id, joined.token(), joined.call().status.name(), joined.office().name,
                joined.office().zone().name(), joined.call().consentAt != null, joined.call().stillsConsentAt != null, null, null,
                iceServers.forCall(joined.call().id))).build());
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "The call as it is now (waiting, connected, ended and why)")
    @APIResponse(responseCode = "200", description = "The call")
    @APIResponse(responseCode = "401", description = "CALL_TOKEN_INVALID")
    @APIResponse(responseCode = "404", description = "CALL_NOT_FOUND")
    public Uni<CitizenCallView> videoCallStatus(@RestPath @Parameter(description = "Call id") UUID id,
            @HeaderParam(TOKEN_HEADER) String token) {
        return calls.asCitizen(id, token).map(call -> new CitizenCallView(call.id, null, call.status.name(), null, null,
                call.consentAt != null, call.stillsConsentAt != null, call.endReason == null ? null : call.endReason.words().id(),
                call.endReason == null ? null : call.endReason.words().en(), List.of()));
    }

    @POST
    @Path("/{id}/consent")
    @Operation(summary = "The citizen agrees to be verified on camera, with their KTP-el (recorded with its time)")
    @APIResponse(responseCode = "204", description = "Recorded")
    @APIResponse(responseCode = "401", description = "CALL_TOKEN_INVALID")
    @APIResponse(responseCode = "404", description = "CALL_NOT_FOUND")
    @APIResponse(responseCode = "410", description = "CALL_ENDED")
    public Uni<Response> consentToVideoCall(@RestPath @Parameter(description = "Call id") UUID id,
            @HeaderParam(TOKEN_HEADER) String token) {
        return calls.consent(id, token).chain(call -> signals.send(id, VideoCallSignals.CITIZEN, "consent",
                JsonNodeFactory.instance.objectNode().put("at", call.consentAt.toString())))
                .replaceWith(Response.noContent().build());
    }

    @POST
    @Path("/{id}/stills-consent")
    @Operation(summary = "The citizen also agrees that the operator captures stills (face, KTP-el) from the call into "
            + "the case, sealed at rest and erased like the selfie (recorded with its time; after the consent to the call)")
    @APIResponse(responseCode = "204", description = "Recorded")
    @APIResponse(responseCode = "401", description = "CALL_TOKEN_INVALID")
    @APIResponse(responseCode = "404", description = "CALL_NOT_FOUND")
    @APIResponse(responseCode = "409", description = "CONSENT_REQUIRED: the consent to the call comes first")
    @APIResponse(responseCode = "410", description = "CALL_ENDED")
    public Uni<Response> consentToStills(@RestPath @Parameter(description = "Call id") UUID id,
            @HeaderParam(TOKEN_HEADER) String token) {
        return calls.consentToStills(id, token).chain(call -> signals.send(id, VideoCallSignals.CITIZEN, "consent",
                JsonNodeFactory.instance.objectNode().put("at", call.consentAt.toString())
                        .put("stillsAt", call.stillsConsentAt.toString())))
                .replaceWith(Response.noContent().build());
    }

    @POST
    @Path("/{id}/signals")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "A signalling message to the operator's page: ready (on every page load), answer, candidate, counter-code or hangup")
    @APIResponse(responseCode = "202", description = "Stored and announced")
    @APIResponse(responseCode = "400", description = "SIGNAL_INVALID or VALIDATION_FAILED")
    @APIResponse(responseCode = "401", description = "CALL_TOKEN_INVALID")
    @APIResponse(responseCode = "404", description = "CALL_NOT_FOUND")
    @APIResponse(responseCode = "410", description = "CALL_ENDED")
    public Uni<Response> sendCitizenSignal(@RestPath @Parameter(description = "Call id") UUID id,
            @HeaderParam(TOKEN_HEADER) String token, @Valid @NotNull SignalRequest request) {
        return calls.asCitizen(id, token).chain(call -> {
            call.requireOpen();
            return signals.send(id, VideoCallSignals.CITIZEN, request.kind(), request.body());
        }).replaceWith(Response.accepted().build());
    }

    @GET
    @Path("/{id}/signals")
    @Produces(MediaType.SERVER_SENT_EVENTS)
    @Operation(summary = "The operator's signalling messages as server-sent events (id = sequence; resumes after Last-Event-ID)")
    @APIResponse(responseCode = "200", description = "text/event-stream")
    @APIResponse(responseCode = "401", description = "CALL_TOKEN_INVALID")
    @APIResponse(responseCode = "404", description = "CALL_NOT_FOUND")
    @APIResponse(responseCode = "429", description = "CALL_STREAMS_EXCEEDED: the call is open in too many pages")
    @CallTokenRequired
    public Multi<OutboundSseEvent> citizenSignals(@RestPath @Parameter(description = "Call id") UUID id,
            @HeaderParam(TOKEN_HEADER) String token, @HeaderParam("Last-Event-ID") String lastEventId,
            @Context Sse sse) {
        signals.requireRoom(id, VideoCallSignals.CITIZEN);
        // the token was checked before the stream began (CallTokenFilter), so a wrong one is a 401 status
        Multi<OutboundSseEvent> messages = signals.stream(id, VideoCallSignals.CITIZEN, SignalEvents.resumeAfter(lastEventId))
                .map(signal -> SignalEvents.event(sse, signal));
        // the heartbeat also keeps the citizen present; a page whose token was replaced (a rejoin) stops here
        Multi<OutboundSseEvent> heartbeats = Multi.createFrom().ticks().every(HEARTBEAT)
                .onItem().transformToUniAndConcatenate(tick -> calls.stillPresent(id, token))
                .map(present -> {
                    if (!present) {
                        throw new ProblemException(VideoCallProblems.CALL_TOKEN_INVALID);
                    }
                    return sse.newEventBuilder().name("heartbeat").data("{}").build();
                });
        return Multi.createBy().merging().streams(messages, heartbeats);
    }

    @DELETE
    @Path("/{id}")
    @Operation(summary = "The citizen leaves the call (the case stays in the office's queue)")
    @APIResponse(responseCode = "204", description = "Ended")
    @APIResponse(responseCode = "401", description = "CALL_TOKEN_INVALID")
    @APIResponse(responseCode = "404", description = "CALL_NOT_FOUND")
    public Uni<Response> leaveVideoCall(@RestPath @Parameter(description = "Call id") UUID id,
            @HeaderParam(TOKEN_HEADER) String token) {
        return calls.leave(id, token).chain(call -> signals.send(id, VideoCallSignals.CITIZEN, "hangup",
                JsonNodeFactory.instance.objectNode().put("reason", "CITIZEN_LEFT")))
                .replaceWith(Response.noContent().build());
    }
}

package id.go.dukcapil.ikd.verification.portal;

import java.net.URI;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.CookieParam;
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
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.RestPath;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import id.go.dukcapil.ikd.events.Decision;
import id.go.dukcapil.ikd.events.RejectionReason;
import id.go.dukcapil.ikd.verification.domain.Labels;
import id.go.dukcapil.ikd.verification.domain.VideoCall;
import id.go.dukcapil.ikd.verification.rest.SignalEvents;
import id.go.dukcapil.ikd.verification.service.IceServers;
import id.go.dukcapil.ikd.verification.service.OperatorVideoCalls;
import id.go.dukcapil.ikd.verification.service.StillImages;
import id.go.dukcapil.ikd.verification.service.VideoBookingDay;
import id.go.dukcapil.ikd.verification.service.VideoCallSignals;
import id.go.dukcapil.ikd.web.CsrfTokens;
import id.go.dukcapil.ikd.web.Masking;
import id.go.dukcapil.ikd.web.ProblemException;
import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;

/**
 * The operator's side of video calls in the portal: the office's video queue, and the call page
 * with the live video beside the registry record. The page's scripts signal and act through the
 * JSON endpoints here, with the portal's session cookie and the CSRF token in {@value #CSRF_HEADER}.
 */
@Path("/portal/video-calls")
@Tag(name = "Operator portal (HTML)")
public class VideoCallPortalResource {

    public static final String CSRF_HEADER = "X-CSRF-Token";
    private static final Duration HEARTBEAT = Duration.ofSeconds(15);

    private final Template queuePage;
    private final Template callPage;
    private final PortalPages pages;
    private final OperatorVideoCalls calls;
    private final VideoCallSignals signals;
    private final CallDossiers dossiers;
    private final IceServers iceServers;
    private final ObjectMapper json;
    private final StillImages stillImages;
    private final VideoBookingDay bookings;

    public VideoCallPortalResource(@Location("portal/video-queue.html") Template queuePage,
            @Location("portal/video-call.html") Template callPage, PortalPages pages, OperatorVideoCalls calls,
            VideoCallSignals signals, CallDossiers dossiers, IceServers iceServers, StillImages stillImages,
            ObjectMapper json, VideoBookingDay bookings) {
        this.queuePage = queuePage;
        this.callPage = callPage;
        this.pages = pages;
        this.calls = calls;
        this.signals = signals;
        this.dossiers = dossiers;
        this.iceServers = iceServers;
        this.json = json;
        this.stillImages = stillImages;
        this.bookings = bookings;
    }

    /** A queued call as the page shows it, times in the office's zone. */
    public record QueuedCallView(UUID callId, String nikMasked, String requestedAt, String status, boolean present,
            boolean mine, boolean consented) {
    }

    @Schema(name = "PortalCallScanRequest")
    public record ScanRequest(@NotNull @Size(max = 4096) String counterCode) {
    }

    @Schema(name = "PortalSignalRequest")
    public record SignalRequest(@NotNull @Size(max = 32) String kind,
            @NotNull @Schema(implementation = Object.class, type = SchemaType.OBJECT, description = "The SDP offer or answer, or the ICE candidate, as the browser gave it")
            JsonNode body) {
    }

    @Schema(name = "PortalCallDecisionRequest")
    public record DecisionRequest(@NotNull Decision decision, RejectionReason reasonCode, @Size(max = 500) String reasonNote,
            boolean ktpElChecked) {
    }

    @Schema(example = """
            {"caseId": "c0a8f3e2-4b1d-4e7a-9f26-3d5b8c1e7a40", "outcome": "APPROVED", "wordsId": "Disetujui", "wordsEn": "Approved"}""")
    public record Outcome(UUID caseId, String outcome, String wordsId, String wordsEn) {
    }

    @GET
    @Produces(MediaType.TEXT_HTML)
    @Operation(summary = "The office's video queue: citizens waiting on a call, longest first, and today's bookings by slot, each with its case and, once its slot started, a no-show action")
    @APIResponse(responseCode = "200", description = "HTML")
    @APIResponse(responseCode = "303", description = "Not signed in: to the login page")
    public Uni<Response> videoQueuePage(@CookieParam(PortalSession.COOKIE) String cookie,
            @CookieParam(PortalSession.CSRF_COOKIE) String csrfCookie) {
        return pages.signedIn(cookie, csrfCookie, signed -> calls.queue(signed.principal()).map(queued -> queued.stream()
                .map(q -> new QueuedCallView(q.call().id,
                        q.verificationCase() == null ? "-" : Masking.nik(q.verificationCase().nik),
                        PortalFormats.local(q.call().requestedAt, q.zone()),
                        q.call().status.name(), q.citizenPresent(), signed.principal().id().equals(q.call().answeredBy),
                        q.call().consentAt != null)).toList()).chain(items -> bookings.today(signed.principal()).map(today -> pages.page(queuePage.data("me", signed)
                .data("notice", null).data("items", items).data("bookings", today.bookings().stream()
                        .map(b -> VideoBookingPortalResource.BookedSlotView.of(b, today)).toList()), 200, csrfCookie))));
    }

    @POST
    @Path("/{id}/answer")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Operation(summary = "Answer a waiting call (or rejoin one's own): to the call page")
    @APIResponse(responseCode = "303", description = "To the call page")
    @APIResponse(responseCode = "403", description = "CSRF token missing or wrong (HTML page with the message)")
    public Uni<Response> answerVideoCall(@CookieParam(PortalSession.COOKIE) String cookie, @RestPath UUID id,
            @RestForm(CsrfTokens.FIELD) String csrfField, @CookieParam(PortalSession.CSRF_COOKIE) String csrfCookie) {
        return pages.signedIn(cookie, csrfCookie, signed -> {
            if (pages.csrfRefused("video-answer", signed, csrfCookie, csrfField)) {
                return Uni.createFrom().item(Response.seeOther(URI.create("/portal/video-calls")).build());
            }
            return calls.answer(signed.principal(), id)
                    .map(call -> Response.seeOther(URI.create("/portal/video-calls/" + call.id)).build())
                    .onFailure(ProblemException.class).recoverWithItem(e -> pages.problemPage(signed, (ProblemException) e,
                            csrfCookie));
        });
    }

    @GET
    @Path("/{id}")
    @Produces(MediaType.TEXT_HTML)
    @Operation(summary = "The call page: live video beside the registry record and photo, decision in the call")
    @APIResponse(responseCode = "200", description = "HTML")
    @APIResponse(responseCode = "303", description = "Not signed in: to the login page")
    public Uni<Response> videoCallPage(@CookieParam(PortalSession.COOKIE) String cookie, @RestPath UUID id,
            @CookieParam(PortalSession.CSRF_COOKIE) String csrfCookie) {
        return pages.signedIn(cookie, csrfCookie, signed -> calls.asOperator(signed.principal(), id).map(call -> pages.page(
                callPage.data("me", signed).data("notice", null).data("call", call)
                        .data("iceServers", iceServersJson(call)).data("stillsOn", stillImages.configured())
                        .data("reasons", Arrays.stream(RejectionReason.values())
                                .map(r -> new ReasonOption(r.name(), Labels.reason(r.name()).plain())).toList()),
                200, csrfCookie))
                .onFailure(ProblemException.class).recoverWithItem(e -> pages.problemPage(signed, (ProblemException) e,
                        csrfCookie)));
    }

    /** A rejection reason for the call page's form. */
    public record ReasonOption(String code, String words) {
    }

    @GET
    @Path("/{id}/signals")
    @Produces(MediaType.SERVER_SENT_EVENTS)
    @Operation(summary = "The citizen's signalling messages as server-sent events (id = sequence; resumes after Last-Event-ID)")
    @APIResponse(responseCode = "200", description = "text/event-stream")
    @APIResponse(responseCode = "401", description = "UNAUTHORIZED: not signed in")
    @APIResponse(responseCode = "404", description = "CALL_NOT_FOUND")
    @APIResponse(responseCode = "429", description = "CALL_STREAMS_EXCEEDED: the call is open in too many pages")
    public Multi<OutboundSseEvent> operatorSignals(@CookieParam(PortalSession.COOKIE) String cookie,
            @RestPath UUID id, @HeaderParam("Last-Event-ID") String lastEventId, @Context Sse sse) {
        signals.requireRoom(id, VideoCallSignals.OPERATOR);
        return pages.json(cookie, signed -> calls.asOperator(signed.principal(), id)).onItem().transformToMulti(call -> {
            Multi<OutboundSseEvent> messages = signals.stream(id, VideoCallSignals.OPERATOR,
                    SignalEvents.resumeAfter(lastEventId)).map(signal -> SignalEvents.event(sse, signal));
            Multi<OutboundSseEvent> heartbeats = Multi.createFrom().ticks().every(HEARTBEAT)
                    .map(tick -> sse.newEventBuilder().name("heartbeat").data("{}").build());
            return Multi.createBy().merging().streams(messages, heartbeats);
        });
    }

    @POST
    @Path("/{id}/signals")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "A signalling message to the citizen's page: offer, answer, candidate or hangup")
    @APIResponse(responseCode = "202", description = "Stored and announced")
    @APIResponse(responseCode = "400", description = "SIGNAL_INVALID or VALIDATION_FAILED")
    @APIResponse(responseCode = "403", description = "FORBIDDEN: the CSRF token is missing or wrong")
    @APIResponse(responseCode = "410", description = "CALL_ENDED")
    public Uni<Response> sendOperatorSignal(@CookieParam(PortalSession.COOKIE) String cookie, @RestPath UUID id,
            @HeaderParam(CSRF_HEADER) String csrfHeader, @CookieParam(PortalSession.CSRF_COOKIE) String csrfCookie,
            @Valid @NotNull SignalRequest request) {
        return pages.jsonWithCsrf(cookie, csrfCookie, csrfHeader, "video-signal", signed -> calls.asOperator(signed.principal(), id)
                .chain(call -> {
                    call.requireOpen();
                    return signals.send(id, VideoCallSignals.OPERATOR, request.kind(), request.body());
                }).replaceWith(Response.accepted().build()));
    }

    @POST
    @Path("/{id}/scan")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Scan the counter code the citizen's page sent in the call: the case opens for this operator")
    @APIResponse(responseCode = "200", description = "The case: registry record, photo, selfie and flags",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = CallDossiers.CallCase.class),
                    examples = @ExampleObject(name = "case", value = """
                        {"caseId": "c0a8f3e2-4b1d-4e7a-9f26-3d5b8c1e7a40", "status": "Sedang diverifikasi / Being verified", "nikMasked": "630504********03",
                         "fullName": "SITI RAHMAWATI", "birth": "RANTAU, 01-07-1992", "sex": "PEREMPUAN",
                         "address": "JL. JENDERAL SUDIRMAN NO. 21, RT/RW 002/004, RANGDA MALINGKUNG, TAPIN UTARA, KABUPATEN TAPIN, KALIMANTAN SELATAN",
                         "ktpElStatus": "Sudah perekaman, belum dicetak / Recorded, not printed", "lifeStatus": "Hidup / Alive",
                         "remarks": [{"severity": "INFO", "wordsId": "Sudah perekaman, KTP-el belum dicetak: tidak ada kartu fisik untuk ditunjukkan",
                                      "wordsEn": "Recorded, KTP-el not printed yet: there is no physical card to show"}],
                         "approvalBlocked": false, "photo": "data:image/jpeg;base64,/9j/4AAQSkZJRgABAQAAAQABAAD…",
                         "selfie": "data:image/jpeg;base64,/9j/4AAQSkZJRgABAQEASABIAAD…"}""")))
    @APIResponse(responseCode = "400", description = "INVALID_COUNTER_CODE (also another registration's code)")
    @APIResponse(responseCode = "403", description = "FORBIDDEN: the CSRF token is missing or wrong")
    @APIResponse(responseCode = "409", description = "CONSENT_REQUIRED, CASE_CLOSED or CASE_ALREADY_DECIDED")
    @APIResponse(responseCode = "410", description = "COUNTER_CODE_EXPIRED, COUNTER_CODE_SUPERSEDED or CALL_ENDED")
    public Uni<CallDossiers.CallCase> scanInVideoCall(@CookieParam(PortalSession.COOKIE) String cookie, @RestPath UUID id,
            @HeaderParam(CSRF_HEADER) String csrfHeader, @CookieParam(PortalSession.CSRF_COOKIE) String csrfCookie,
            @Valid @NotNull ScanRequest request) {
        return pages.jsonWithCsrf(cookie, csrfCookie, csrfHeader, "video-scan", signed -> calls
                .scanInCall(signed.principal(), signed.token(), id, request.counterCode())
                .chain(dossier -> dossiers.of(signed, dossier)));
    }

    @POST
    @Path("/{id}/decision")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Approve or reject in the call (channel VIDEO_CALL, the call's id as its reference); the call ends")
    @APIResponse(responseCode = "200", description = "Recorded")
    @APIResponse(responseCode = "403", description = "FORBIDDEN: the CSRF token is missing or wrong")
    @APIResponse(responseCode = "409", description = "CASE_NOT_SCANNED, CASE_ALREADY_DECIDED or CONSENT_REQUIRED")
    @APIResponse(responseCode = "422", description = "APPROVAL_BLOCKED, KTP_EL_NOT_CHECKED, REASON_REQUIRED, REASON_NOT_ALLOWED or NOTE_REQUIRED")
    public Uni<Outcome> decideInVideoCall(@CookieParam(PortalSession.COOKIE) String cookie, @RestPath UUID id,
            @HeaderParam(CSRF_HEADER) String csrfHeader, @CookieParam(PortalSession.CSRF_COOKIE) String csrfCookie,
            @Valid @NotNull DecisionRequest request) {
        return pages.jsonWithCsrf(cookie, csrfCookie, csrfHeader, "video-decision", signed -> calls.decide(signed.principal(), id,
                request.decision(), request.reasonCode(), request.reasonNote(), request.ktpElChecked())
                .map(decided -> new Outcome(decided.caseId(), decided.decision().name(),
                        Labels.decision(decided.decision().name()).id(), Labels.decision(decided.decision().name()).en())));
    }

    @POST
    @Path("/{id}/end")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "End the call without a decision (the case stays in the office's queue)")
    @APIResponse(responseCode = "204", description = "Ended")
    @APIResponse(responseCode = "403", description = "FORBIDDEN: the CSRF token is missing or wrong")
    @APIResponse(responseCode = "404", description = "CALL_NOT_FOUND")
    public Uni<Response> endVideoCall(@CookieParam(PortalSession.COOKIE) String cookie, @RestPath UUID id,
            @HeaderParam(CSRF_HEADER) String csrfHeader, @CookieParam(PortalSession.CSRF_COOKIE) String csrfCookie) {
        return pages.jsonWithCsrf(cookie, csrfCookie, csrfHeader, "video-end", signed -> calls.hangUp(signed.principal(), id)
                .replaceWith(Response.noContent().build()));
    }

    private String iceServersJson(VideoCall call) {
        try {
            return json.writeValueAsString(iceServers.forCall(call.id));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("ICE servers always serialise", e);
        }
    }
}

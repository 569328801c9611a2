package id.go.dukcapil.ikd.verification.portal;

import java.util.UUID;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.CookieParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestQuery;

import id.go.dukcapil.ikd.verification.domain.StillKind;
import id.go.dukcapil.ikd.verification.domain.StillSummary;
import id.go.dukcapil.ikd.verification.domain.VideoCallProblems;
import id.go.dukcapil.ikd.verification.service.VideoCallStills;
import id.go.dukcapil.ikd.web.ProblemException;
import io.smallrye.mutiny.Uni;

/**
 * Stills from a video call in the portal: the call page's script posts a frame of the live video
 * (a JPEG from a canvas) as the citizen's face or KTP-el; the case page shows them. Images are
 * answered only to those who may see the case (its office's operators, and the central verifier once it
 * was submitted for central review) and never cached.
 */
@Path("/portal/video-calls")
@Tag(name = "Operator portal (HTML)")
public class VideoCallStillsResource {

    /** Neither the browser nor anything between keeps a copy of a still. */
    static final String NO_STORE = "no-store, private, max-age=0";

    private final PortalPages pages;
    private final VideoCallStills stills;

    public VideoCallStillsResource(PortalPages pages, VideoCallStills stills) {
        this.pages = pages;
        this.stills = stills;
    }

    /** A still as the pages show it; {@code url} answers its JPEG to the case's office. */
    @Schema(name = "PortalStillView", example = """
            {"stillId": "0b6f2c1e-8d4a-4f3e-9c7b-5a1d2e3f4a5b", "kind": "FACE", "wordsId": "Foto wajah", "wordsEn": "Face",
             "width": 640, "height": 480, "capturedAt": "2026-12-05T02:14:09Z",
             "url": "/portal/video-calls/5a7c9e1b-3d5f-4a6c-8e0b-2d4f6a8c0e1b/stills/0b6f2c1e-8d4a-4f3e-9c7b-5a1d2e3f4a5b"}""")
    public record StillView(UUID stillId, String kind, String wordsId, String wordsEn, int width, int height,
            String capturedAt, String url) {

        static StillView of(StillSummary still) {
            return new StillView(still.id(), still.kind().name(), still.kind().words().id(), still.kind().words().en(),
                    still.width(), still.height(), still.capturedAt().toString(),
                    "/portal/video-calls/" + still.callId() + "/stills/" + still.id());
        }
    }

    @POST
    @Path("/{id}/stills")
    @Consumes("image/jpeg")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Capture a still (the citizen's face or KTP-el) from the call's live video into the case: "
            + "a baseline JPEG, checked, stripped of metadata and sealed at rest")
    @APIResponse(responseCode = "201", description = "Stored",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = StillView.class)))
    @APIResponse(responseCode = "403", description = "FORBIDDEN: the CSRF token is missing or wrong")
    @APIResponse(responseCode = "404", description = "CALL_NOT_FOUND")
    @APIResponse(responseCode = "409", description = "CALL_NOT_ANSWERED, CONSENT_REQUIRED, STILLS_CONSENT_REQUIRED, "
            + "STILLS_LIMIT_REACHED, CALL_TAKEN or CASE_CLOSED")
    @APIResponse(responseCode = "410", description = "CALL_ENDED")
    @APIResponse(responseCode = "413", description = "STILL_TOO_LARGE: bytes or pixels over the budget")
    @APIResponse(responseCode = "422", description = "STILL_INVALID: kind not FACE or KTP_EL, or not one readable baseline JPEG within the sides")
    @APIResponse(responseCode = "503", description = "SERVICE_BUSY (image bulkhead, with Retry-After) or STILLS_NOT_CONFIGURED")
    public Uni<Response> captureStill(@CookieParam(PortalSession.COOKIE) String cookie, @RestPath UUID id,
            @RestQuery @Parameter(description = "FACE or KTP_EL") String kind,
            @HeaderParam(VideoCallPortalResource.CSRF_HEADER) String csrfHeader,
            @CookieParam(PortalSession.CSRF_COOKIE) String csrfCookie,
            @Schema(type = SchemaType.STRING, format = "binary") byte[] jpeg) {
        return pages.jsonWithCsrf(cookie, csrfCookie, csrfHeader, "video-still", signed -> stills
                .capture(signed.principal(), id, kindOf(kind), jpeg)
                .map(still -> Response.status(201).entity(StillView.of(still)).build()));
    }

    @GET
    @Path("/{id}/stills/{stillId}")
    @Produces("image/jpeg")
    @Operation(summary = "A still captured in the call, for operators of its case's office and, once the case was submitted for central review, the central verifier (never cached)")
    @APIResponse(responseCode = "200", description = "image/jpeg")
    @APIResponse(responseCode = "401", description = "UNAUTHORIZED: not signed in")
    @APIResponse(responseCode = "404", description = "STILL_NOT_FOUND (also a case the operator may not see, or erased)")
    public Uni<Response> stillImage(@CookieParam(PortalSession.COOKIE) String cookie, @RestPath UUID id,
            @RestPath UUID stillId) {
        return pages.json(cookie, signed -> stills.image(signed.principal(), id, stillId))
                .map(jpeg -> Response.ok(jpeg, "image/jpeg").header("Cache-Control", NO_STORE)
                        .header("Pragma", "no-cache").build());
    }

    private static StillKind kindOf(String kind) {
        try {
            return StillKind.valueOf(kind == null ? "" : kind);
        } catch (IllegalArgumentException e) {
            throw new ProblemException(VideoCallProblems.STILL_INVALID, "Jenis foto: FACE atau KTP_EL.",
                    "The kind of still is FACE or KTP_EL.").with("field", "kind");
        }
    }
}

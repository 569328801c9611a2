package id.go.dukcapil.ikd.verification.portal;

import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import io.quarkus.qute.TemplateInstance;

/**
 * The citizen's call page. The IKD app opens it with its current counter code in the fragment
 * ({@code /panggilan-video#code=…}), which the page sends in a POST body, never in a URL.
 */
@Path("/panggilan-video")
@Tag(name = "Video call (citizen)")
@PermitAll
public class VideoCallPage {

    private final Template page;

    public VideoCallPage(@Location("video/call.html") Template page) {
        this.page = page;
    }

    @GET
    @Produces(MediaType.TEXT_HTML)
    @Operation(summary = "The citizen's video call page (camera, the officer's video, consent, leave)")
    @APIResponse(responseCode = "200", description = "HTML")
    public TemplateInstance citizenCallPage() {
        return page.instance();
    }
}

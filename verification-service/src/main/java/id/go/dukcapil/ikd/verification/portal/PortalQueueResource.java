package id.go.dukcapil.ikd.verification.portal;

import java.time.Instant;
import java.util.List;

import jakarta.ws.rs.CookieParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import id.go.dukcapil.ikd.verification.rest.Views;
import id.go.dukcapil.ikd.verification.service.CaseQueries;
import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import io.smallrye.mutiny.Uni;

/** The office's queue in the portal, with SLA timers; where a decision or review leads back to. */
@Path("/portal")
@Tag(name = "Operator portal (HTML)")
@Produces(MediaType.TEXT_HTML)
public class PortalQueueResource {

    private final Template queue;
    private final PortalPages pages;
    private final CaseQueries queries;

    public PortalQueueResource(@Location("portal/queue.html") Template queue, PortalPages pages, CaseQueries queries) {
        this.queue = queue;
        this.pages = pages;
        this.queries = queries;
    }

    @GET
    @Path("/queue")
    @Operation(summary = "The office's queue with SLA timers")
    @APIResponse(responseCode = "200", description = "HTML")
    @APIResponse(responseCode = "303", description = "Not signed in: to the login page")
    public Uni<Response> queuePage(@CookieParam(PortalSession.COOKIE) String cookie,
            @CookieParam(PortalSession.CSRF_COOKIE) String csrfCookie, @QueryParam("done") String done) {
        return pages.signedIn(cookie, csrfCookie, signed -> queries.queue(signed.principal()).map(lines -> {
            Instant now = Instant.now();
            List<Views.QueueItem> items = lines.stream().map(line -> Views.queueItem(line, now)).toList();
            PortalNotice notice = done == null ? null
                    : new PortalNotice("ok", "Keputusan tersimpan", "Decision recorded", null, null);
            return pages.page(queue.data("me", signed).data("items", items).data("notice", notice)
                    .data("centralVerifier", queries.isCentralVerifier(signed.principal())), 200, csrfCookie);
        }));
    }
}

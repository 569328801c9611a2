package id.go.dukcapil.ikd.verification.portal;

import java.util.List;

import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import id.go.dukcapil.ikd.verification.rest.DirectoryViews;
import id.go.dukcapil.ikd.verification.rest.OfficeDirectoryResource;
import id.go.dukcapil.ikd.verification.service.OfficeDirectory;
import id.go.dukcapil.ikd.web.ClientAddress;
import id.go.dukcapil.ikd.web.ProblemException;
import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import io.quarkus.qute.TemplateInstance;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpServerRequest;

/** The public office directory as a page (no login): search by name or area code, one office per card. */
@Path("/offices")
@Tag(name = "Office directory (public HTML)")
@Produces(MediaType.TEXT_HTML)
@PermitAll
public class OfficeDirectoryPage {

    private final Template directoryPage;
    private final OfficeDirectory directory;

    public OfficeDirectoryPage(@Location("offices/directory.html") Template directoryPage, OfficeDirectory directory) {
        this.directoryPage = directoryPage;
        this.directory = directory;
    }

    @GET
    @Operation(summary = "Directory page: offices by name (q) and/or area code (area)")
    @APIResponse(responseCode = "200", description = "HTML")
    @APIResponse(responseCode = "400", description = "Not an area code (HTML page with the message)")
    @APIResponse(responseCode = "429", description = "Too many requests (HTML page with the message, Retry-After)")
    public Uni<Response> search(@QueryParam("q") String q, @QueryParam("area") String area,
            @Context HttpServerRequest request) {
        String name = q == null || q.length() > 100 ? null : q;
        String code = area == null || area.length() > 12 ? "" : area;
        TemplateInstance page = directoryPage.data("q", name == null ? "" : name).data("area", code).data("single", false);
        return directory.search(new OfficeDirectory.Query(name, code), ClientAddress.of(request))
                .map(list -> render(page, list.stream().map(DirectoryViews::entry).toList(), null, 200))
                .onFailure(ProblemException.class).recoverWithItem(e -> problem(page, (ProblemException) e));
    }

    @GET
    @Path("/{code}")
    @Operation(summary = "Directory page of one office")
    @APIResponse(responseCode = "200", description = "HTML")
    @APIResponse(responseCode = "404", description = "Unknown office (HTML page with the message)")
    public Uni<Response> office(@PathParam("code") String code, @Context HttpServerRequest request) {
        TemplateInstance page = directoryPage.data("q", "").data("area", "").data("single", true);
        if (code == null || !code.matches("[0-9A-Z][0-9A-Z-]{2,39}")) {
            return Uni.createFrom().item(render(page, List.of(), notFound(), 404));
        }
        return directory.office(code, ClientAddress.of(request))
                .map(office -> render(page, List.of(DirectoryViews.entry(office)), null, 200))
                .onFailure(ProblemException.class).recoverWithItem(e -> problem(page, (ProblemException) e));
    }

    private static PortalNotice notFound() {
        return new PortalNotice("error", "Kantor tidak ditemukan", "Office not found", null, null);
    }

    private static Response problem(TemplateInstance page, ProblemException e) {
        Response response = render(page, List.of(), PortalNotice.of(e), e.type().status());
        return e.retryAfter().map(wait -> Response.fromResponse(response)
                .header("Retry-After", Math.max(1, wait.toSeconds())).build()).orElse(response);
    }

    private static Response render(TemplateInstance page, List<DirectoryViews.OfficeEntry> offices,
            PortalNotice notice, int status) {
        return Response.status(status).entity(page.data("offices", offices).data("notice", notice))
                .type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8")).build();
    }
}

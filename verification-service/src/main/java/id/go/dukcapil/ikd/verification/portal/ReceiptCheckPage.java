package id.go.dukcapil.ikd.verification.portal;

import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import id.go.dukcapil.ikd.verification.rest.OfficeDirectoryResource;
import id.go.dukcapil.ikd.verification.rest.ReceiptCheckResource;
import id.go.dukcapil.ikd.verification.service.CounterDocuments;
import id.go.dukcapil.ikd.verification.service.ReceiptCheck;
import id.go.dukcapil.ikd.web.ClientAddress;
import id.go.dukcapil.ikd.web.ProblemException;
import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import io.quarkus.qute.TemplateInstance;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpServerRequest;

/** The public page where the reference on a receipt gives the application's status (no login). */
@Path(CounterDocuments.CHECK_PAGE)
@Tag(name = "Receipt check (public HTML)")
@Produces(MediaType.TEXT_HTML)
@PermitAll
public class ReceiptCheckPage {

    private final Template checkPage;
    private final ReceiptCheck check;

    public ReceiptCheckPage(@Location("receipts/check.html") Template checkPage, ReceiptCheck check) {
        this.checkPage = checkPage;
        this.check = check;
    }

    @GET
    @Operation(summary = "Check page: the status of the application a receipt's reference (ref) names")
    @APIResponse(responseCode = "200", description = "HTML")
    @APIResponse(responseCode = "404", description = "Unknown reference (HTML page with the message)")
    @APIResponse(responseCode = "429", description = "Too many checks (HTML page with the message, Retry-After)")
    public Uni<Response> check(@QueryParam("ref") String ref, @Context HttpServerRequest request) {
        String typed = ref == null || ref.length() > 40 ? "" : ref.strip();
        TemplateInstance page = checkPage.data("ref", typed);
        if (typed.isEmpty()) {
            return Uni.createFrom().item(render(page, null, null, 200));
        }
        return check.check(typed, ClientAddress.of(request))
                .map(status -> render(page, ReceiptCheckResource.view(status), null, 200))
                .onFailure(ProblemException.class).recoverWithItem(e -> {
                    ProblemException problem = (ProblemException) e;
                    Response response = render(page, null, PortalNotice.of(problem), problem.type().status());
                    return problem.retryAfter().map(wait -> Response.fromResponse(response)
                            .header("Retry-After", Math.max(1, wait.toSeconds())).build()).orElse(response);
                });
    }

    private static Response render(TemplateInstance page, ReceiptCheckResource.ReceiptStatusView status,
            PortalNotice notice, int code) {
        return Response.status(code).entity(page.data("status", status).data("notice", notice))
                .type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8")).build();
    }
}

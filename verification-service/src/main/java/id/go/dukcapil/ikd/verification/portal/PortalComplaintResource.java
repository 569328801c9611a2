package id.go.dukcapil.ikd.verification.portal;

import java.net.URI;
import java.time.Clock;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;

import jakarta.ws.rs.CookieParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.RestForm;

import id.go.dukcapil.ikd.verification.domain.ComplaintStatus;
import id.go.dukcapil.ikd.verification.rest.ComplaintViews;
import id.go.dukcapil.ikd.verification.service.ComplaintDesk;
import id.go.dukcapil.ikd.web.CommonProblems;
import id.go.dukcapil.ikd.web.CsrfTokens;
import id.go.dukcapil.ikd.web.ProblemException;
import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import io.smallrye.mutiny.Uni;

/**
 * The office's complaints in the portal: the list (filter by status, overdue marked), and a
 * complaint's page with its history, where it is assigned, noted, moved on and closed with the
 * answer. Every form carries the portal's CSRF token; each action goes back to the complaint's page.
 */
@Path("/portal/complaints")
@Tag(name = "Operator portal (HTML)")
@Produces(MediaType.TEXT_HTML)
public class PortalComplaintResource {

    private static final Logger LOG = Logger.getLogger(PortalComplaintResource.class);
    private static final List<String> STEPS = List.of("VERIFYING", "MEDIATING", "COORDINATING");

    private final Template listPage;
    private final Template detailPage;
    private final PortalPages pages;
    private final ComplaintDesk desk;
    private final Clock clock;

    public PortalComplaintResource(@Location("portal/complaints.html") Template listPage,
            @Location("portal/complaint.html") Template detailPage, PortalPages pages, ComplaintDesk desk,
            Clock clock) {
        this.listPage = listPage;
        this.detailPage = detailPage;
        this.pages = pages;
        this.desk = desk;
        this.clock = clock;
    }

    @GET
    @Operation(summary = "The office's complaints, newest first (status=RECEIVED… to filter)")
    @APIResponse(responseCode = "200", description = "HTML")
    @APIResponse(responseCode = "303", description = "Not signed in: to the login page")
    public Uni<Response> list(@CookieParam(PortalSession.COOKIE) String cookie,
            @CookieParam(PortalSession.CSRF_COOKIE) String csrfCookie, @QueryParam("status") String status) {
        return pages.signedIn(cookie, csrfCookie, signed -> {
            ComplaintStatus filter = status(status).orElse(null);
            return desk.list(signed.principal(), filter).map(list -> pages.page(listPage.data("me", signed).data("notice", null)
                    .data("status", filter == null ? "" : filter.name())
                    .data("statuses", Arrays.stream(ComplaintStatus.values()).map(Enum::name).toList())
                    .data("complaints", list.stream().map(c -> ComplaintViews.office(c, List.of(), clock.instant()))
                            .toList()), 200, csrfCookie));
        });
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "A complaint with its history and the forms to work it")
    @APIResponse(responseCode = "200", description = "HTML")
    @APIResponse(responseCode = "303", description = "Not signed in: to the login page")
    public Uni<Response> detail(@CookieParam(PortalSession.COOKIE) String cookie,
            @CookieParam(PortalSession.CSRF_COOKIE) String csrfCookie, @PathParam("id") String id) {
        return pages.signedIn(cookie, csrfCookie, signed -> withId(id, uuid -> show(signed, uuid, desk.detail(signed.principal(), uuid), null, csrfCookie)));
    }

    @POST
    @Path("/{id}")
    @Operation(summary = "Work the complaint: action=assign|note|status|close with its fields (form, CSRF token)")
    @APIResponse(responseCode = "200", description = "HTML: the complaint after the action, or the reason it was refused")
    @APIResponse(responseCode = "303", description = "Not signed in: to the login page")
    public Uni<Response> act(@CookieParam(PortalSession.COOKIE) String cookie,
            @CookieParam(PortalSession.CSRF_COOKIE) String csrfCookie, @PathParam("id") String id,
            @RestForm String action, @RestForm String assignee, @RestForm String note, @RestForm String status,
            @RestForm String answer, @RestForm(CsrfTokens.FIELD) String csrfField) {
        return pages.signedIn(cookie, csrfCookie, signed -> withId(id, uuid -> {
            if (pages.csrfRefused("complaint", signed, csrfCookie, csrfField)) {
                LOG.warnf("portal complaint form refused, nothing done: CSRF token (operator %s)",
                        signed.principal().username());
                return show(signed, uuid, desk.detail(signed.principal(), uuid), PortalNotice.of(
                        new ProblemException(CommonProblems.FORBIDDEN,
                                "Formulir kedaluwarsa; muat ulang halaman lalu coba lagi.",
                                "The form expired; reload the page and try again.")), csrfCookie);
            }
            Uni<ComplaintDesk.Detail> done = switch (action == null ? "" : action) {
                case "assign" -> desk.assign(signed.principal(), uuid, assignee, note);
                case "note" -> desk.note(signed.principal(), uuid, note);
                case "status" -> status(status).map(s -> desk.move(signed.principal(), uuid, s, note))
                        .orElseGet(() -> desk.detail(signed.principal(), uuid));
                case "close" -> desk.close(signed.principal(), uuid, answer);
                default -> desk.detail(signed.principal(), uuid);
            };
            return show(signed, uuid, done, null, csrfCookie);
        }));
    }

    /**
     * The complaint's page after {@code detail}; when that was refused (closing without an answer, a
     * step back), the complaint again with the reason, and when the complaint itself cannot be shown
     * (unknown, another office's), the list with the reason.
     */
    private Uni<Response> show(PortalSession.Signed signed, UUID id, Uni<ComplaintDesk.Detail> detail,
            PortalNotice notice, String csrfCookie) {
        return detail.map(d -> page(signed, d, notice, 200, csrfCookie))
                .onFailure(ProblemException.class).recoverWithUni(e -> {
                    ProblemException refused = (ProblemException) e;
                    return desk.detail(signed.principal(), id)
                            .map(d -> page(signed, d, PortalNotice.of(refused), refused.type().status(), csrfCookie))
                            .onFailure(ProblemException.class).recoverWithItem(again -> pages.page(listPage.data("me", signed)
                                    .data("notice", PortalNotice.of((ProblemException) again)).data("status", "")
                                    .data("statuses", Arrays.stream(ComplaintStatus.values()).map(Enum::name).toList())
                                    .data("complaints", List.of()), ((ProblemException) again).type().status(), csrfCookie));
                });
    }

    private Response page(PortalSession.Signed signed, ComplaintDesk.Detail d, PortalNotice notice, int status,
            String csrfCookie) {
        return pages.page(detailPage.data("me", signed).data("notice", notice).data("steps", STEPS)
                .data("complaint", ComplaintViews.office(d.complaint(), d.history(), clock.instant())), status, csrfCookie);
    }



    private static Uni<Response> withId(String id, Function<UUID, Uni<Response>> action) {
        try {
            return action.apply(UUID.fromString(id));
        } catch (IllegalArgumentException e) {
            return Uni.createFrom().item(Response.seeOther(URI.create("/portal/complaints")).build());
        }
    }

    private static Optional<ComplaintStatus> status(String value) {
        try {
            return value == null || value.isBlank() ? Optional.empty() : Optional.of(ComplaintStatus.valueOf(value));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}

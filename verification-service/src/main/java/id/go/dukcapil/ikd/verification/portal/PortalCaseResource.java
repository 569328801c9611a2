package id.go.dukcapil.ikd.verification.portal;

import java.net.URI;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;

import jakarta.ws.rs.Consumes;
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
import org.jboss.resteasy.reactive.RestForm;

import id.go.dukcapil.ikd.events.RejectionReason;
import id.go.dukcapil.ikd.verification.client.SelfieFetcher;
import id.go.dukcapil.ikd.verification.domain.CaseStatus;
import id.go.dukcapil.ikd.verification.domain.Role;
import id.go.dukcapil.ikd.verification.domain.VerificationProblems;
import id.go.dukcapil.ikd.verification.repository.PopulationRegistry;
import id.go.dukcapil.ikd.verification.rest.DeliveryViews;
import id.go.dukcapil.ikd.verification.rest.Views;
import id.go.dukcapil.ikd.verification.service.CaseCommandParser;
import id.go.dukcapil.ikd.verification.service.CaseDecisions;
import id.go.dukcapil.ikd.verification.service.CaseDossier;
import id.go.dukcapil.ikd.verification.service.CaseGrantIssuer;
import id.go.dukcapil.ikd.verification.service.CaseQueries;
import id.go.dukcapil.ikd.verification.service.CaseScanning;
import id.go.dukcapil.ikd.verification.service.CentralReviewService;
import id.go.dukcapil.ikd.verification.service.DeliveryLog;
import id.go.dukcapil.ikd.verification.service.FaceMatchAid;
import id.go.dukcapil.ikd.verification.service.VideoCallStills;
import id.go.dukcapil.ikd.web.IdempotencyKey;
import id.go.dukcapil.ikd.web.CsrfTokens;
import id.go.dukcapil.ikd.web.ProblemException;
import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import io.smallrye.mutiny.Uni;

/**
 * The case in the portal: the scan page (camera or typed short code), then the comparison page,
 * the registration beside the registry record and the selfie beside the registry photo, with the
 * decision form, and the central verifier's review (return to the office is
 * {@link PortalCentralResource}). A refused decision or review shows the comparison page again
 * with the reason. The same form sent twice (a double click, a browser's resend after a lost
 * answer) records one decision and answers both as the first.
 */
@Path("/portal")
@Tag(name = "Operator portal (HTML)")
@Produces(MediaType.TEXT_HTML)
public class PortalCaseResource {

    /** The decision and review forms' Idempotency-Key, made fresh each time the page is drawn. */
    static final String REQUEST_KEY = "requestKey";

    private final Template caseTemplate;
    private final PortalPages pages;
    private final CaseQueries queries;
    private final CaseScanning scanning;
    private final CaseDecisions decisions;
    private final CentralReviewService centralReview;
    private final PopulationRegistry registry;
    private final SelfieFetcher selfies;
    private final CaseGrantIssuer grants;
    private final DeliveryLog deliveries;
    private final VideoCallStills stills;
    private final FaceMatchAid faceMatch;

    public PortalCaseResource(@Location("portal/case.html") Template caseTemplate, PortalPages pages,
            CaseQueries queries, CaseScanning scanning, CaseDecisions decisions, CentralReviewService centralReview,
            PopulationRegistry registry, SelfieFetcher selfies, CaseGrantIssuer grants, DeliveryLog deliveries,
            VideoCallStills stills, FaceMatchAid faceMatch) {
        this.caseTemplate = caseTemplate;
        this.pages = pages;
        this.queries = queries;
        this.scanning = scanning;
        this.decisions = decisions;
        this.centralReview = centralReview;
        this.registry = registry;
        this.selfies = selfies;
        this.grants = grants;
        this.deliveries = deliveries;
        this.stills = stills;
        this.faceMatch = faceMatch;
    }

    // ------------------------------------------------------------------ scan

    @GET
    @Path("/scan")
    @Operation(summary = "Scan page: camera (jsQR) or typed short code")
    @APIResponse(responseCode = "200", description = "HTML")
    @APIResponse(responseCode = "303", description = "Not signed in: to the login page")
    public Uni<Response> scanPage(@CookieParam(PortalSession.COOKIE) String cookie,
            @CookieParam(PortalSession.CSRF_COOKIE) String csrfCookie) {
        return pages.signedIn(cookie, csrfCookie,
                signed -> Uni.createFrom().item(pages.scanPage(signed, null, 200, csrfCookie)));
    }

    @POST
    @Path("/scan")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Operation(summary = "Submit a scanned QR payload or a typed short code")
    @APIResponse(responseCode = "303", description = "To the case's comparison page")
    @APIResponse(responseCode = "400", description = "Invalid code (HTML page with the message); also 403/404/409/410")
    public Uni<Response> submitScan(@CookieParam(PortalSession.COOKIE) String cookie, @RestForm String qrPayload,
            @RestForm String shortCode, @RestForm(CsrfTokens.FIELD) String csrfField,
            @CookieParam(PortalSession.CSRF_COOKIE) String csrfCookie) {
        return pages.signedIn(cookie, csrfCookie, signed -> {
            if (pages.csrfRefused("scan", signed, csrfCookie, csrfField)) {
                return Uni.createFrom().item(pages.scanPage(signed, PortalNotice.FORM_REFUSED, 403, csrfCookie));
            }
            String qr = qrPayload == null || qrPayload.length() > 4096 ? null : qrPayload;
            String code = shortCode == null || shortCode.length() > 32 ? null : shortCode;
            return scanning.scan(signed.principal(), signed.token(), qr, code)
                    .map(dossier -> seeOther("/portal/cases/" + dossier.verificationCase().id))
                    .onFailure(ProblemException.class)
                    .recoverWithItem(e -> pages.problemPage(signed, (ProblemException) e, csrfCookie));
        });
    }

    // ------------------------------------------------------------------ comparison and decision

    @GET
    @Path("/cases/{caseId}")
    @Operation(summary = "Registration beside the registry record, selfie beside the registry photo, decision form")
    @APIResponse(responseCode = "200", description = "HTML")
    @APIResponse(responseCode = "303", description = "Not signed in: to the login page")
    @APIResponse(responseCode = "404", description = "Unknown case (HTML)")
    public Uni<Response> casePage(@CookieParam(PortalSession.COOKIE) String cookie,
            @CookieParam(PortalSession.CSRF_COOKIE) String csrfCookie, @PathParam("caseId") String caseId,
            @QueryParam("problem") String problem) {
        // a form of another page (the central verifier's return) comes back here with its problem's code
        PortalNotice notice = Arrays.stream(VerificationProblems.values()).filter(p -> p.name().equals(problem))
                .findFirst().map(p -> new PortalNotice("error", p.titleId(), p.titleEn(), null, null)).orElse(null);
        return pages.signedIn(cookie, csrfCookie,
                signed -> withCase(caseId, id -> caseAgain(signed, id, notice, 200, csrfCookie)));
    }

    @POST
    @Path("/cases/{caseId}/decision")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Operation(summary = "Approve or reject from the comparison page")
    @APIResponse(responseCode = "303", description = "Recorded: back to the queue")
    @APIResponse(responseCode = "422", description = "Refused (HTML comparison page with the message); also 400/403/409")
    public Uni<Response> decide(@CookieParam(PortalSession.COOKIE) String cookie, @PathParam("caseId") String caseId,
            @RestForm String decision, @RestForm String reasonCode, @RestForm String reasonNote,
            @RestForm String channel, @RestForm String callReference, @RestForm String ktpElChecked,
            @RestForm(REQUEST_KEY) String requestKey,
            @RestForm(CsrfTokens.FIELD) String csrfField, @CookieParam(PortalSession.CSRF_COOKIE) String csrfCookie) {
        return pages.signedIn(cookie, csrfCookie, signed -> withCase(caseId, id -> {
            if (pages.csrfRefused("decision", signed, csrfCookie, csrfField)) {
                return caseAgain(signed, id, PortalNotice.FORM_REFUSED, 403, csrfCookie);
            }
            CaseDecisions.DecisionCommand command;
            IdempotencyKey key;
            try {
                command = CaseCommandParser.decision(decision, reasonCode, reasonNote, channel, callReference,
                        ktpElChecked);
                key = IdempotencyKey.of(requestKey);
            } catch (ProblemException e) {
                return caseAgain(signed, id, new PortalNotice("error", "Isian keputusan tidak lengkap",
                        "The decision form is incomplete", null, null), 400, csrfCookie);
            }
            return backToQueueOrExplain(signed, id, decisions.decide(signed.principal(), id, command, key), csrfCookie);
        }));
    }

    @POST
    @Path("/cases/{caseId}/review")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Operation(summary = "Central verification from the comparison page")
    @APIResponse(responseCode = "303", description = "Recorded: back to the queue")
    @APIResponse(responseCode = "422", description = "Refused (HTML comparison page with the message); also 403/409")
    public Uni<Response> review(@CookieParam(PortalSession.COOKIE) String cookie, @PathParam("caseId") String caseId,
            @RestForm String decision, @RestForm String reasonCode, @RestForm String note,
            @RestForm(REQUEST_KEY) String requestKey,
            @RestForm(CsrfTokens.FIELD) String csrfField, @CookieParam(PortalSession.CSRF_COOKIE) String csrfCookie) {
        return pages.signedIn(cookie, csrfCookie, signed -> withCase(caseId, id -> {
            if (pages.csrfRefused("review", signed, csrfCookie, csrfField)) {
                return caseAgain(signed, id, PortalNotice.FORM_REFUSED, 403, csrfCookie);
            }
            CentralReviewService.ReviewCommand command;
            IdempotencyKey key;
            try {
                command = CaseCommandParser.review(decision, reasonCode, note);
                key = IdempotencyKey.of(requestKey);
            } catch (ProblemException e) {
                return Uni.createFrom().item(seeOther("/portal/cases/" + id));
            }
            return backToQueueOrExplain(signed, id, centralReview.review(signed.principal(), id, command, key), csrfCookie);
        }));
    }

    // ------------------------------------------------------------------ helpers

    /** After a decision or review: back to the queue, or the comparison page again with the reason it was refused. */
    private Uni<Response> backToQueueOrExplain(PortalSession.Signed signed, UUID id, Uni<?> outcome, String csrfCookie) {
        return outcome
                .map(recorded -> seeOther("/portal/queue?done=" + id))
                .onFailure(ProblemException.class).recoverWithUni(e -> caseAgain(signed, id,
                        PortalNotice.of((ProblemException) e), ((ProblemException) e).type().status(), csrfCookie));
    }

    /** The comparison page of the case as it is now, with {@code notice}; the case's problem if it cannot be shown. */
    private Uni<Response> caseAgain(PortalSession.Signed signed, UUID id, PortalNotice notice, int status,
            String csrfCookie) {
        return queries.view(signed.principal(), id)
                .chain(dossier -> renderCase(signed, dossier, notice, status, csrfCookie))
                .onFailure(ProblemException.class)
                .recoverWithItem(e -> pages.problemPage(signed, (ProblemException) e, csrfCookie));
    }

    private Uni<Response> renderCase(PortalSession.Signed signed, CaseDossier dossier, PortalNotice notice, int status,
            String csrfCookie) {
        var c = dossier.verificationCase();
        // the dossier came through view(), which checked the office scope the grant carries on
        Uni<SelfieFetcher.Selfie> selfie = grants.issue(signed.principal(), c)
                .chain(grant -> selfies.fetch(c.registrationId, signed.token(), grant.grant(), c.selfieSha256));
        Uni<Optional<PopulationRegistry.RegistryPhoto>> photo = registry.photo(c.nik);
        // what reached the citizen (NotificationStatus events); the case's scope was checked by view()
        Uni<List<DeliveryViews.DeliveryView>> messages = deliveries.ofRegistration(c.registrationId).map(list -> list
                .stream().map(d -> DeliveryViews.view(d, dossier.office().zone())).toList());
        // stills from video calls, without their images (the page loads each from its office-only URL)
        Uni<List<StillLine>> captured = stills.ofCase(signed.principal(), c.id).map(list -> list.stream()
                .map(still -> new StillLine(VideoCallStillsResource.StillView.of(still),
                        PortalFormats.local(still.capturedAt(),
                        dossier.office() == null ? null : dossier.office().zone().name()))).toList());
        return Uni.combine().all().unis(selfie, photo, messages, captured).asTuple().chain(both -> faceMatch
                .compare(signed.principal(), c, both.getItem1(), both.getItem2()).map(score -> {
            SelfieFetcher.Selfie s = both.getItem1();
            String selfieUri = s.content() == null ? null : PortalPages.dataUri(s.contentType(), s.content());
            String photoUri = both.getItem2().map(p -> PortalPages.dataUri(p.contentType(), p.content())).orElse(null);
            boolean awaitingCentral = c.status == CaseStatus.AWAITING_CENTRAL;
            boolean canReview = awaitingCentral && signed.principal().has(Role.SUPERVISOR)
                    && (queries.isCentralVerifier(signed.principal())
                            || signed.principal().officeCode().equals(c.officeCode));
            return pages.page(caseTemplate.data("me", signed).data("c", Views.caseView(dossier)).data("notice", notice)
                    .data("selfie", selfieUri).data("selfieState", s.availability().name()).data("photo", photoUri)
                    .data("reasons", Arrays.stream(RejectionReason.values()).map(Enum::name).toList())
                    .data("canDecide", c.status == CaseStatus.IN_REVIEW)
                    // one key per rendering of the form: a double click or a browser's resend records one decision
                    .data("requestKey", UUID.randomUUID().toString())
                    .data("canReview", canReview).data("deliveries", both.getItem3()).data("stills", both.getItem4())
                    .data("faceMatch", score)
                    .data("canReturn", awaitingCentral && queries.isCentralVerifier(signed.principal())),
                    status, csrfCookie);
        }));
    }

    /** A still on the case page: its view and when it was captured, in the office's time. */
    public record StillLine(VideoCallStillsResource.StillView still, String capturedAt) {
    }

    private static Uni<Response> withCase(String caseId, Function<UUID, Uni<Response>> action) {
        UUID id;
        try {
            id = UUID.fromString(caseId);
        } catch (IllegalArgumentException e) {
            return Uni.createFrom().item(seeOther("/portal/queue"));
        }
        return action.apply(id);
    }

    private static Response seeOther(String path) {
        return Response.seeOther(URI.create(path)).build();
    }
}

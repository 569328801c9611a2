package id.go.dukcapil.ikd.verification.portal;

import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
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

import id.go.dukcapil.ikd.events.Channel;
import id.go.dukcapil.ikd.events.Decision;
import id.go.dukcapil.ikd.events.RejectionReason;
import id.go.dukcapil.ikd.verification.client.SelfieFetcher;
import id.go.dukcapil.ikd.verification.domain.CaseStatus;
import id.go.dukcapil.ikd.verification.domain.OfficeTimeZone;
import id.go.dukcapil.ikd.verification.domain.Role;
import id.go.dukcapil.ikd.verification.domain.VerificationProblems;
import id.go.dukcapil.ikd.verification.rest.DeliveryViews;
import id.go.dukcapil.ikd.verification.rest.Views;
import id.go.dukcapil.ikd.verification.repository.PopulationRegistry;
import id.go.dukcapil.ikd.verification.service.ComplaintFigures;
import id.go.dukcapil.ikd.verification.service.CaseDossier;
import id.go.dukcapil.ikd.verification.service.CaseGrantIssuer;
import id.go.dukcapil.ikd.verification.service.DeliveryLog;
import id.go.dukcapil.ikd.verification.service.OperatorSessionService;
import id.go.dukcapil.ikd.verification.service.ServiceReportService;
import id.go.dukcapil.ikd.verification.service.VerificationService;
import id.go.dukcapil.ikd.web.CsrfTokens;
import id.go.dukcapil.ikd.web.ProblemException;
import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import io.quarkus.qute.TemplateInstance;
import io.smallrye.mutiny.Uni;

/**
 * The operator portal: server-rendered pages over the same services as the API, in Bahasa
 * Indonesia with English. Forms post back here; the session is a cookie holding the operator's
 * token. Problems are shown on the page they came from, never as a bare error.
 *
 * <p>Every page carries the double-submit CSRF token ({@link CsrfTokens}) in its cookie and in a
 * hidden field of each form; every form POST, login and logout included, is refused (403, the
 * page again with a notice) before anything runs when the two differ.
 */
@Path("/portal")
@Tag(name = "Operator portal (HTML)")
@Produces(MediaType.TEXT_HTML)
public class PortalResource {

    /** A form whose CSRF token is missing or wrong: a stale tab, or a page of another site. */
    private static final Notice FORM_REFUSED = new Notice("error", "Formulir kedaluwarsa atau tidak sah",
            "The form expired or is not valid", "Tidak ada yang diproses. Kirim formulir lagi dari halaman ini.",
            "Nothing was done. Send the form again from this page.");

    private final Template login;
    private final Template queue;
    private final Template scan;
    private final Template caseTemplate;
    private final Template serviceLog;
    private final Template sla;
    private final PortalSession sessions;
    private final OperatorSessionService operatorSessions;
    private final VerificationService verification;
    private final ServiceReportService reports;
    private final PopulationRegistry registry;
    private final SelfieFetcher selfies;
    private final CsrfTokens csrfTokens;
    private final CaseGrantIssuer grants;
    private final DeliveryLog deliveries;
    private final PortalPages pages;
    private final ComplaintFigures complaints;

    public PortalResource(@Location("portal/login.html") Template login, @Location("portal/queue.html") Template queue,
            @Location("portal/scan.html") Template scan, @Location("portal/case.html") Template caseTemplate,
            @Location("portal/service-log.html") Template serviceLog, @Location("portal/sla.html") Template sla,
            PortalSession sessions, OperatorSessionService operatorSessions, VerificationService verification,
            ServiceReportService reports, PopulationRegistry registry, SelfieFetcher selfies,
            CaseGrantIssuer grants, DeliveryLog deliveries, ComplaintFigures complaints, PortalPages pages) {
        this.pages = pages;
        this.login = login;
        this.queue = queue;
        this.scan = scan;
        this.caseTemplate = caseTemplate;
        this.serviceLog = serviceLog;
        this.sla = sla;
        this.sessions = sessions;
        this.operatorSessions = operatorSessions;
        this.verification = verification;
        this.reports = reports;
        this.registry = registry;
        this.selfies = selfies;
        this.csrfTokens = sessions.csrf();
        this.grants = grants;
        this.deliveries = deliveries;
        this.complaints = complaints;
    }

    /** A message for the page: a problem's title and detail in both languages. */
    public record Notice(String kind, String titleId, String titleEn, String detailId, String detailEn) {
        static Notice of(ProblemException e) {
            return new Notice("error", e.type().titleId(), e.type().titleEn(), e.detail("id"), e.detail("en"));
        }
    }

    // ------------------------------------------------------------------ session

    @GET
    @Operation(summary = "Portal entry: the queue, or the login page")
    @APIResponse(responseCode = "303", description = "Redirect")
    public Response home() {
        return seeOther("/portal/queue");
    }

    @GET
    @Path("/login")
    @Operation(summary = "Login page")
    @APIResponse(responseCode = "200", description = "HTML")
    public Response loginPage(@CookieParam(PortalSession.CSRF_COOKIE) String csrfCookie) {
        return page(login.data("me", null).data("notice", null).data("username", ""), 200, csrfCookie);
    }

    @POST
    @Path("/login")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Operation(summary = "Sign in from the login form; sets the session cookie")
    @APIResponse(responseCode = "303", description = "Signed in: to the queue")
    @APIResponse(responseCode = "401", description = "Wrong credentials (HTML page with the message)")
    @APIResponse(responseCode = "403", description = "CSRF token missing or wrong: nothing tried (HTML page with the message)")
    @APIResponse(responseCode = "423", description = "Locked account (HTML page with the message)")
    public Uni<Response> signIn(@RestForm String username, @RestForm String password,
            @RestForm(CsrfTokens.FIELD) String csrfField, @CookieParam(PortalSession.CSRF_COOKIE) String csrfCookie) {
        // login CSRF: another site must not sign this browser in (to an account of its choosing);
        // refused before the password is checked, so no failed attempt is counted either
        if (csrfRefused("login", null, csrfCookie, csrfField)) {
            String typed = username == null || username.length() > 64 ? "" : username;
            return Uni.createFrom().item(page(login.data("me", null).data("notice", FORM_REFUSED)
                    .data("username", typed), 403, csrfCookie));
        }
        if (username == null || username.isBlank() || password == null || password.isEmpty()
                || username.length() > 64 || password.length() > 256) {
            return Uni.createFrom().item(page(login.data("me", null).data("notice", new Notice("error", "Isi nama pengguna dan kata sandi",
                    "Enter the username and password", null, null)).data("username", ""), 400, csrfCookie));
        }
        return operatorSessions.login(username, password)
                // a new CSRF token with the new session: a token known before the login is worth nothing after it
                .map(session -> Response.seeOther(URI.create("/portal/queue"))
                        .cookie(sessions.open(session.accessToken(), session.expiresIn()),
                                csrfTokens.cookie(csrfTokens.issue()))
                        .build())
                .onFailure(ProblemException.class).recoverWithItem(e -> withRetryAfter(page(login.data("me", null)
                        .data("notice", Notice.of((ProblemException) e)).data("username", username),
                        ((ProblemException) e).type().status(), csrfCookie), (ProblemException) e));
    }

    @POST
    @Path("/logout")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Operation(summary = "Sign out: clears the session cookie")
    @APIResponse(responseCode = "303", description = "To the login page")
    @APIResponse(responseCode = "403", description = "CSRF token missing or wrong: still signed in (HTML page with the message)")
    public Uni<Response> signOut(@CookieParam(PortalSession.COOKIE) String cookie,
            @RestForm(CsrfTokens.FIELD) String csrfField, @CookieParam(PortalSession.CSRF_COOKIE) String csrfCookie) {
        return signedIn(cookie, csrfCookie, signed -> {
            if (csrfRefused("logout", signed, csrfCookie, csrfField)) {
                return Uni.createFrom().item(scanPageWith(signed, FORM_REFUSED, 403, csrfCookie));
            }
            return Uni.createFrom().item(Response.seeOther(URI.create("/portal/login")).cookie(sessions.close()).build());
        });
    }

    // ------------------------------------------------------------------ queue and scan

    @GET
    @Path("/queue")
    @Operation(summary = "The office's queue with SLA timers")
    @APIResponse(responseCode = "200", description = "HTML")
    @APIResponse(responseCode = "303", description = "Not signed in: to the login page")
    public Uni<Response> queuePage(@CookieParam(PortalSession.COOKIE) String cookie,
            @CookieParam(PortalSession.CSRF_COOKIE) String csrfCookie, @QueryParam("done") String done) {
        return signedIn(cookie, csrfCookie, signed -> verification.queue(signed.principal()).map(lines -> {
            Instant now = Instant.now();
            List<Views.QueueItem> items = lines.stream().map(line -> Views.queueItem(line, now)).toList();
            Notice notice = done == null ? null
                    : new Notice("ok", "Keputusan tersimpan", "Decision recorded", null, null);
            return page(queue.data("me", signed).data("items", items).data("notice", notice)
                    .data("centralVerifier", verification.isCentralVerifier(signed.principal())), 200, csrfCookie);
        }));
    }

    @GET
    @Path("/scan")
    @Operation(summary = "Scan page: camera (jsQR) or typed short code")
    @APIResponse(responseCode = "200", description = "HTML")
    @APIResponse(responseCode = "303", description = "Not signed in: to the login page")
    public Uni<Response> scanPage(@CookieParam(PortalSession.COOKIE) String cookie,
            @CookieParam(PortalSession.CSRF_COOKIE) String csrfCookie) {
        return signedIn(cookie, csrfCookie,
                signed -> Uni.createFrom().item(page(scan.data("me", signed).data("notice", null), 200, csrfCookie)));
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
        return signedIn(cookie, csrfCookie, signed -> {
            if (csrfRefused("scan", signed, csrfCookie, csrfField)) {
                return Uni.createFrom().item(scanPageWith(signed, FORM_REFUSED, 403, csrfCookie));
            }
            String qr = qrPayload == null || qrPayload.length() > 4096 ? null : qrPayload;
            String code = shortCode == null || shortCode.length() > 32 ? null : shortCode;
            return verification.scan(signed.principal(), signed.token(), qr, code)
                    .map(dossier -> seeOther("/portal/cases/" + dossier.verificationCase().id))
                    .onFailure(ProblemException.class).recoverWithItem(e -> problemPage(signed, (ProblemException) e, csrfCookie));
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
        Notice notice = Arrays.stream(VerificationProblems.values()).filter(p -> p.name().equals(problem)).findFirst()
                .map(p -> new Notice("error", p.titleId(), p.titleEn(), null, null)).orElse(null);
        return signedIn(cookie, csrfCookie, signed -> withCase(caseId, id -> caseAgain(signed, id, notice, 200, csrfCookie)));
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
            @RestForm(CsrfTokens.FIELD) String csrfField, @CookieParam(PortalSession.CSRF_COOKIE) String csrfCookie) {
        return signedIn(cookie, csrfCookie, signed -> withCase(caseId, id -> {
            if (csrfRefused("decision", signed, csrfCookie, csrfField)) {
                return caseAgain(signed, id, FORM_REFUSED, 403, csrfCookie);
            }
            VerificationService.DecisionCommand command;
            try {
                command = new VerificationService.DecisionCommand(enumOf(Decision.class, decision),
                        reasonCode == null || reasonCode.isBlank() ? null : enumOf(RejectionReason.class, reasonCode),
                        limit(reasonNote, 500), enumOf(Channel.class, channel), limit(callReference, 64),
                        "on".equals(ktpElChecked) || "true".equals(ktpElChecked));
            } catch (IllegalArgumentException e) {
                return caseAgain(signed, id, new Notice("error", "Isian keputusan tidak lengkap",
                        "The decision form is incomplete", null, null), 400, csrfCookie);
            }
            return backToQueueOrExplain(signed, id, verification.decide(signed.principal(), id, command), csrfCookie);
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
            @RestForm(CsrfTokens.FIELD) String csrfField, @CookieParam(PortalSession.CSRF_COOKIE) String csrfCookie) {
        return signedIn(cookie, csrfCookie, signed -> withCase(caseId, id -> {
            if (csrfRefused("review", signed, csrfCookie, csrfField)) {
                return caseAgain(signed, id, FORM_REFUSED, 403, csrfCookie);
            }
            VerificationService.ReviewCommand command;
            try {
                command = new VerificationService.ReviewCommand(enumOf(Decision.class, decision),
                        reasonCode == null || reasonCode.isBlank() ? null : enumOf(RejectionReason.class, reasonCode),
                        limit(note, 500));
            } catch (IllegalArgumentException e) {
                return Uni.createFrom().item(seeOther("/portal/cases/" + id));
            }
            return backToQueueOrExplain(signed, id, verification.review(signed.principal(), id, command), csrfCookie);
        }));
    }

    // ------------------------------------------------------------------ service log and SLA

    @GET
    @Path("/service-log")
    @Operation(summary = "The day's buku pelayanan of the office")
    @APIResponse(responseCode = "200", description = "HTML")
    @APIResponse(responseCode = "303", description = "Not signed in: to the login page")
    public Uni<Response> serviceLogPage(@CookieParam(PortalSession.COOKIE) String cookie,
            @CookieParam(PortalSession.CSRF_COOKIE) String csrfCookie, @QueryParam("date") String date) {
        // the day and its times where the office is (WIB, WITA, WIT), not where the server is
        return signedIn(cookie, csrfCookie, signed -> reports.day(signed.principal(), null, parseDay(date).orElse(null))
                .map(log -> page(serviceLog.data("me", signed).data("notice", null).data("log", log)
                        .data("zone", log.zone().name()).data("day", log.day().toString())
                        .data("entries", log.entries().stream().map(Views::logEntry).toList()), 200, csrfCookie)));
    }

    @GET
    @Path("/service-log.csv")
    @Produces("text/csv")
    @Operation(summary = "The day's buku pelayanan as CSV (local times of the office, words instead of codes)")
    @APIResponse(responseCode = "200", description = "text/csv")
    @APIResponse(responseCode = "303", description = "Not signed in: to the login page")
    public Uni<Response> serviceLogCsv(@CookieParam(PortalSession.COOKIE) String cookie,
            @CookieParam(PortalSession.CSRF_COOKIE) String csrfCookie, @QueryParam("date") String date) {
        return signedIn(cookie, csrfCookie, signed -> reports.day(signed.principal(), null, parseDay(date).orElse(null))
                .map(log -> Response.ok(ServiceReportService.csv(log)).type("text/csv; charset=UTF-8")
                        .header("Content-Disposition", "attachment; filename=\"buku-pelayanan-"
                                + log.officeCode() + "-" + log.day() + ".csv\"")
                        .build()));
    }

    @GET
    @Path("/sla")
    @Operation(summary = "SLA report of the office (all offices for admins and central verifiers), any date range (default: last 30 days)")
    @APIResponse(responseCode = "200", description = "HTML")
    @APIResponse(responseCode = "303", description = "Not signed in: to the login page")
    public Uni<Response> slaPage(@CookieParam(PortalSession.COOKIE) String cookie,
            @CookieParam(PortalSession.CSRF_COOKIE) String csrfCookie, @QueryParam("from") String fromParam,
            @QueryParam("to") String toParam) {
        return signedIn(cookie, csrfCookie, signed -> {
            // today where it is latest (WIT): no office's today is left out of the default window
            LocalDate to = parseDay(toParam).orElse(LocalDate.now(OfficeTimeZone.WIT.zoneId()));
            LocalDate from = parseDay(fromParam).orElse(to.minusDays(30));
            return reports.sla(signed.principal(), from, to).chain(report -> complaints
                    .summary(signed.principal().officeCode(), from, to).map(c -> page(sla.data("me", signed)
                            .data("notice", null).data("report", report).data("complaints", c), 200, csrfCookie)));
        });
    }

    // ------------------------------------------------------------------ helpers

    private boolean csrfRefused(String form, PortalSession.Signed signed, String csrfCookie, String csrfField) {
        return pages.csrfRefused(form, signed, csrfCookie, csrfField);
    }

    /** After a decision or review: back to the queue, or the comparison page again with the reason it was refused. */
    private Uni<Response> backToQueueOrExplain(PortalSession.Signed signed, UUID id, Uni<?> outcome, String csrfCookie) {
        return outcome
                .map(recorded -> seeOther("/portal/queue?done=" + id))
                .onFailure(ProblemException.class).recoverWithUni(e -> caseAgain(signed, id,
                        Notice.of((ProblemException) e), ((ProblemException) e).type().status(), csrfCookie));
    }

    /** The comparison page of the case as it is now, with {@code notice}; the case's problem if it cannot be shown. */
    private Uni<Response> caseAgain(PortalSession.Signed signed, UUID id, Notice notice, int status, String csrfCookie) {
        return verification.view(signed.principal(), id)
                .chain(dossier -> renderCase(signed, dossier, notice, status, csrfCookie))
                .onFailure(ProblemException.class).recoverWithItem(e -> problemPage(signed, (ProblemException) e, csrfCookie));
    }

    private Uni<Response> renderCase(PortalSession.Signed signed, CaseDossier dossier, Notice notice, int status,
            String csrfCookie) {
        var c = dossier.verificationCase();
        // the dossier came through view(), which checked the office scope the grant carries on
        Uni<SelfieFetcher.Selfie> selfie = grants.issue(signed.principal(), c)
                .chain(grant -> selfies.fetch(c.registrationId, signed.token(), grant.grant(), c.selfieSha256));
        Uni<Optional<PopulationRegistry.RegistryPhoto>> photo = registry.photo(c.nik);
        // what reached the citizen (NotificationStatus events); the case's scope was checked by view()
        Uni<List<DeliveryViews.DeliveryView>> messages = deliveries.ofRegistration(c.registrationId).map(list -> list
                .stream().map(d -> DeliveryViews.view(d, dossier.office().zone())).toList());
        return Uni.combine().all().unis(selfie, photo, messages).asTuple().map(both -> {
            SelfieFetcher.Selfie s = both.getItem1();
            String selfieUri = s.content() == null ? null : PortalPages.dataUri(s.contentType(), s.content());
            String photoUri = both.getItem2().map(p -> PortalPages.dataUri(p.contentType(), p.content())).orElse(null);
            boolean awaitingCentral = c.status == CaseStatus.AWAITING_CENTRAL;
            boolean canReview = awaitingCentral && signed.principal().has(Role.SUPERVISOR)
                    && (verification.isCentralVerifier(signed.principal())
                            || signed.principal().officeCode().equals(c.officeCode));
            return page(caseTemplate.data("me", signed).data("c", Views.caseView(dossier)).data("notice", notice)
                    .data("selfie", selfieUri).data("selfieState", s.availability().name()).data("photo", photoUri)
                    .data("reasons", Arrays.stream(RejectionReason.values()).map(Enum::name).toList()).data("canDecide", c.status == CaseStatus.IN_REVIEW)
                    .data("canReview", canReview).data("deliveries", both.getItem3())
                    .data("canReturn", awaitingCentral && verification.isCentralVerifier(signed.principal())),
                    status, csrfCookie);
        });
    }

    private Response problemPage(PortalSession.Signed signed, ProblemException e, String csrfCookie) {
        return scanPageWith(signed, Notice.of(e), e.type().status(), csrfCookie);
    }

    /** The scan page with {@code notice}: where the portal explains what no page of its own can show. */
    private Response scanPageWith(PortalSession.Signed signed, Notice notice, int status, String csrfCookie) {
        return page(scan.data("me", signed).data("notice", notice), status, csrfCookie);
    }

    private Uni<Response> signedIn(String cookie, String csrfCookie, Function<PortalSession.Signed, Uni<Response>> page) {
        Optional<PortalSession.Signed> signed = sessions.read(cookie);
        if (signed.isEmpty()) {
            return Uni.createFrom().item(Response.seeOther(URI.create("/portal/login")).cookie(sessions.close()).build());
        }
        if (!signed.get().principal().canDecide()) {
            // e.g. an admin: administration goes through the API, the portal is for operators and supervisors
            return Uni.createFrom().item(Response.fromResponse(page(login.data("me", null).data("username", "")
                    .data("notice", new Notice("error", "Portal ini untuk petugas dan supervisor",
                            "This portal is for operators and supervisors", "Admin memakai API administrasi.",
                            "Admins use the administration API.")), 403, csrfCookie)).cookie(sessions.close()).build());
        }
        return page.apply(signed.get());
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

    private Response page(TemplateInstance instance, int status, String csrfCookie) {
        return pages.page(instance, status, csrfCookie);
    }

    /** A busy answer (503 SERVICE_BUSY from the password-hash bulkhead) says when to try again, as the API does. */
    private static Response withRetryAfter(Response response, ProblemException problem) {
        return problem.retryAfter().map(wait -> Response.fromResponse(response)
                .header("Retry-After", Math.max(1, wait.toSeconds())).build()).orElse(response);
    }

    private static Response seeOther(String path) {
        return Response.seeOther(URI.create(path)).build();
    }


    private static <E extends Enum<E>> E enumOf(Class<E> type, String value) {
        if (value == null) {
            throw new IllegalArgumentException("missing " + type.getSimpleName());
        }
        return Enum.valueOf(type, value);
    }

    private static String limit(String text, int max) {
        return text == null ? null : text.length() > max ? text.substring(0, max) : text;
    }

    private static Optional<LocalDate> parseDay(String date) {
        try {
            return date == null || date.isBlank() ? Optional.empty() : Optional.of(LocalDate.parse(date));
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }
}

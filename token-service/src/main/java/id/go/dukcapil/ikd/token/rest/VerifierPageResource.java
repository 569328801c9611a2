package id.go.dukcapil.ikd.token.rest;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.CookieParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.RestHeader;
import org.jboss.resteasy.reactive.multipart.FileUpload;

import id.go.dukcapil.ikd.token.config.TokenConfig;
import id.go.dukcapil.ikd.token.domain.VerificationReason;
import id.go.dukcapil.ikd.token.domain.VerificationResult;
import id.go.dukcapil.ikd.token.service.HolderPhotos;
import id.go.dukcapil.ikd.token.service.HolderPhotos.HolderPhoto;
import id.go.dukcapil.ikd.token.service.PictureQrReader;
import id.go.dukcapil.ikd.token.service.TokenProblems;
import id.go.dukcapil.ikd.token.service.TokenVerificationService;
import id.go.dukcapil.ikd.web.CsrfTokens;
import id.go.dukcapil.ikd.web.IdempotencyKey;
import id.go.dukcapil.ikd.web.Problem;
import id.go.dukcapil.ikd.web.ProblemException;
import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import io.quarkus.qute.TemplateInstance;
import io.smallrye.mutiny.Uni;

/**
 * The verifier web page: scan with the camera (decoded in the browser by jsQR, the suite's one
 * copy in platform/web-assets) or upload a picture of the QR (checked and decoded by the platform's image guard, then read with ZXing,
 * both in bulkheads: {@link PictureQrReader}). The page verifies as the relying party
 * {@code ikd.token.verifier-page.client-id} with its configured scopes.
 *
 * <p>A check uses the QR token up, so the form carries the platform's double-submit CSRF token
 * ({@link CsrfTokens}, cookie on {@code /verify}): another site cannot make a visitor's browser
 * spend a citizen's QR. A post without the page's token is refused (403 FORM_NOT_VALID,
 * problem+json) before anything is read or verified. Security headers: {@code ikd.web.pages.*}.
 */
@Path("/verify")
@Tag(name = "Verifier page")
public class VerifierPageResource {

    /**
     * What the page shows; {@code result} is null before a check. {@code expiresAtId}/{@code expiresAtEn}:
     * the token's expiry in local time with the zone's name ({@link PageTimes}), never raw UTC.
     */
    public record PageModel(VerificationResult result, String reasonId, String reasonEn, String problemId,
            String problemEn, String problemCode, String expiresAtId, String expiresAtEn, HolderPhoto photo) {

        static PageModel empty() {
            return new PageModel(null, null, null, null, null, null, null, null, null);
        }

        static PageModel of(VerificationResult result, HolderPhoto photo) {
            VerificationReason reason = result.reason();
            return new PageModel(result, reason == null ? null : reason.textId(), reason == null ? null : reason.textEn(),
                    null, null, null, PageTimes.indonesian(result.expiresAt()), PageTimes.english(result.expiresAt()),
                    photo);
        }

        static PageModel problem(String problemId, String problemEn) {
            return new PageModel(null, null, null, problemId, problemEn, null, null, null, null);
        }

        /** A refused picture (IMAGE_TOO_LARGE, SERVICE_BUSY, ...), explained on the page. */
        static PageModel problem(ProblemException problem) {
            return new PageModel(null, null, null, problem.detail("id"), problem.detail("en"), problem.type().code(),
                    null, null, null);
        }

        /** The attributes shown as text: the photo digest gives way to the photo itself. */
        public java.util.Map<String, String> textAttributes() {
            java.util.Map<String, String> shown = new java.util.LinkedHashMap<>(result.attributes());
            shown.remove("photoDigest");
            return shown;
        }
    }

    static final String CSRF_COOKIE = "ikd_verify_csrf";
    private static final Logger LOG = Logger.getLogger(VerifierPageResource.class);

    private final Template verify;
    private final TokenVerificationService verifications;
    private final TokenConfig config;
    private final PictureQrReader pictures;
    private final CsrfTokens csrfTokens;
    private final HolderPhotos photos;

    public VerifierPageResource(@Location("verify.html") Template verify, TokenVerificationService verifications,
            TokenConfig config, PictureQrReader pictures, HolderPhotos photos) {
        this.photos = photos;
        this.verify = verify;
        this.verifications = verifications;
        this.config = config;
        this.pictures = pictures;
        this.csrfTokens = new CsrfTokens(CSRF_COOKIE, "/verify", config.verifierPage().secureCookie());
    }

    @GET
    @Produces(MediaType.TEXT_HTML)
    @Operation(summary = "Verifier page (Bahasa Indonesia / English)")
    @APIResponse(responseCode = "200", description = "HTML page")
    public Response page(@CookieParam(CSRF_COOKIE) String csrfCookie) {
        return page(verify.data("page", PageModel.empty()), csrfCookie);
    }

    @POST
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    @Produces(MediaType.TEXT_HTML)
    @Operation(summary = "Check a QR token from a picture or scanned text", description = "Form fields: picture "
            + "(an image of the QR) or token (the scanned text), and csrf, the page's token (as in its cookie). "
            + "Answers with the page showing the result.")
    @APIResponse(responseCode = "200", description = "HTML page with the result, or with what was wrong with the input")
    // a browser (Accept: text/html) gets the page explaining a refused picture; other clients problem+json
    @APIResponse(responseCode = "400", description = "IMAGE_NOT_READABLE: not a readable PNG, JPEG or GIF")
    @APIResponse(responseCode = "413", description = "IMAGE_TOO_LARGE: over verifier-page.max-pixels or max-side, "
            + "read from the header")
    @APIResponse(responseCode = "415", description = "IMAGE_FORMAT_UNSUPPORTED: another image format")
    @APIResponse(responseCode = "422", description = "IMAGE_DEPTH_UNSUPPORTED (over 8 bits per channel) or "
            + "IMAGE_ANIMATED (APNG, animated GIF, several images in one file)")
    @APIResponse(responseCode = "503", description = "SERVICE_BUSY: too many pictures being read; Retry-After")
    @APIResponse(responseCode = "403", description = "FORM_NOT_VALID: the form's CSRF token is missing or not the page's; "
            + "nothing was verified", content = @Content(mediaType = Problem.MEDIA_TYPE))
    public Uni<Response> check(@RestForm("picture") FileUpload picture, @RestForm("token") String token,
            @RestForm(CsrfTokens.FIELD) String csrfField, @CookieParam(CSRF_COOKIE) String csrfCookie,
            @RestHeader(HttpHeaders.ACCEPT) String accept) {
        CsrfTokens.Verdict verdict = csrfTokens.verdict(csrfCookie, csrfField);
        if (verdict != CsrfTokens.Verdict.MATCH) {
            LOG.infof("verifier page form refused, nothing verified: CSRF token %s", verdict);
            throw new ProblemException(TokenProblems.FORM_NOT_VALID,
                    "Tidak ada yang diperiksa. Buka halaman verifikasi lagi dan kirim dari sana.",
                    "Nothing was checked. Open the verifier page again and send the form from there.");
        }
        return checkInput(picture, token, accept).map(instance -> page(instance, csrfCookie));
    }

    private Uni<TemplateInstance> checkInput(FileUpload picture, String token, String accept) {
        if (token != null && !token.isBlank()) {
            return verifyToken(token.trim());
        }
        if (picture == null || picture.size() == 0) {
            return Uni.createFrom().item(verify.data("page", PageModel.problem(
                    "Pilih gambar kode QR atau pindai dengan kamera.", "Choose a picture of the QR code or scan it with the camera.")));
        }
        if (picture.size() > config.verifierPage().maxUploadBytes()) {
            return Uni.createFrom().item(verify.data("page", PageModel.problem(
                    "Gambar terlalu besar.", "The picture is too large.")));
        }
        // decoded and read in bulkheads; the answer comes back on the request's Vert.x context
        return pictures.read(picture.uploadedFile())
                .chain(text -> text.map(this::verifyToken).orElseGet(() -> Uni.createFrom().item(verify.data("page",
                        PageModel.problem("Tidak ada kode QR yang terbaca pada gambar.", "No QR code could be read in the picture.")))))
                .onFailure(ProblemException.class).recoverWithUni(refused -> asksForHtml(accept)
                        ? Uni.createFrom().item(verify.data("page", PageModel.problem((ProblemException) refused)))
                        : Uni.createFrom().failure(refused));
    }

    private Uni<TemplateInstance> verifyToken(String token) {
        return verifications.verify(token, config.verifierPage().clientId(), config.verifierPage().scopes(),
                IdempotencyKey.NONE)
                .chain(result -> photos.of(result).map(photo -> verify.data("page", PageModel.of(result, photo.orElse(null)))));
    }

    /** The page with the browser's CSRF token in its forms (a new one when it has none), and the cookie set again. */
    private Response page(TemplateInstance instance, String csrfCookie) {
        String csrf = csrfTokens.currentOrNew(csrfCookie);
        return Response.ok(instance.data("csrf", csrf)).type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8"))
                .cookie(csrfTokens.cookie(csrf)).build();
    }

    /** A browser's form post asks for HTML: it gets the page explaining the refusal, others problem+json. */
    private static boolean asksForHtml(String accept) {
        return accept != null && accept.contains(MediaType.TEXT_HTML);
    }
}

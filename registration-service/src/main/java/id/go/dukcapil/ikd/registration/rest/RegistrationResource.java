package id.go.dukcapil.ikd.registration.rest;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.sse.OutboundSseEvent;
import jakarta.ws.rs.sse.Sse;

import org.eclipse.microprofile.jwt.JsonWebToken;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.ParameterIn;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.enums.SecuritySchemeIn;
import org.eclipse.microprofile.openapi.annotations.enums.SecuritySchemeType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.security.SecurityScheme;
import org.eclipse.microprofile.openapi.annotations.security.SecuritySchemes;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.RestHeader;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.multipart.FileUpload;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import id.go.dukcapil.ikd.registration.service.PersonalDataService;
import id.go.dukcapil.ikd.registration.service.RegistrationService;
import id.go.dukcapil.ikd.registration.service.liveness.SelfieIntake;
import id.go.dukcapil.ikd.registration.service.selfie.Selfie;
import id.go.dukcapil.ikd.web.ClientAddress;
import id.go.dukcapil.ikd.web.CaseGrants;
import id.go.dukcapil.ikd.web.Admitted;
import id.go.dukcapil.ikd.web.IdempotencyKey;
import id.go.dukcapil.ikd.web.Problem;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpServerRequest;

/** The IKD app's registration API (SOP steps 2 and 3) and the operator's view of the selfie. */
@Path("/api/v1/registrations")
@Tag(name = "Registrations", description = "Pendaftaran IKD dari aplikasi / IKD registration from the app")
@SecuritySchemes({
        @SecurityScheme(securitySchemeName = "registrationSecret", type = SecuritySchemeType.APIKEY,
                apiKeyName = RegistrationSecretFilter.HEADER, in = SecuritySchemeIn.HEADER,
                description = "The registrationSecret returned by POST /api/v1/registrations"),
        @SecurityScheme(securitySchemeName = "bearer", type = SecuritySchemeType.HTTP, scheme = "bearer",
                bearerFormat = "JWT", description = "Suite JWT with group operator or supervisor") })
public class RegistrationResource {

    private static final Logger LOG = Logger.getLogger(RegistrationResource.class);
    /** Keeps proxies from closing an idle stream (many cut at 60 s). */
    private static final Duration HEARTBEAT = Duration.ofSeconds(20);

    /** Submissions served at once, before they touch the database pool (ikd.admission.registration.*). */
    public static final String REGISTRATION_GATE = "registration";

    private final RegistrationService registrations;
    private final PersonalDataService personalData;
    private final ObjectMapper json;
    private final JsonWebToken caller;
    private final CaseGrants grants;

    public RegistrationResource(RegistrationService registrations, PersonalDataService personalData,
            ObjectMapper json, JsonWebToken caller, CaseGrants grants) {
        this.registrations = registrations;
        this.personalData = personalData;
        this.json = json;
        this.caller = caller;
        this.grants = grants;
    }

    @POST
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Register for IKD (SOP step 2)",
            description = "NIK, email, phone, the app's public key and a selfie: a still, or a moving selfie (the id "
                    + "of a challenge and its frames, checked for one live face following it). Every well-formed registration gets "
                    + "the same 202 answer, whether its NIK, email or phone are known or not; a newer registration of a "
                    + "NIK replaces the older one still awaiting verification.")
    @APIResponse(responseCode = "202", description = "Accepted; awaits verification at a counter or by video call",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = RegistrationAccepted.class)))
    @APIResponse(responseCode = "400", description = "Invalid field; code NIK_MALFORMED, NIK_UNKNOWN_PROVINCE, "
            + "NIK_INVALID_REGENCY, NIK_INVALID_DISTRICT, NIK_INVALID_BIRTH_DATE, NIK_INVALID_SERIAL, EMAIL_INVALID, "
            + "PHONE_INVALID, DEVICE_KEY_INVALID, LANGUAGE_INVALID, SELFIE_MISSING, SELFIE_NOT_AN_IMAGE, "
            + "SELFIE_TOO_MANY_PIXELS (over 4096 px a side or 12 MiPx, from the header), SELFIE_TOO_SMALL, "
            + "SELFIE_LIVENESS_REQUIRED (a still alone where the moving selfie is required), SELFIE_FRAME_COUNT, "
            + "SELFIE_CHALLENGE_UNKNOWN, SELFIE_CHALLENGE_EXPIRED or MALFORMED_REQUEST",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "413", description = "SELFIE_TOO_LARGE (over 2 MB), SELFIE_FRAME_TOO_LARGE or PAYLOAD_TOO_LARGE",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "415", description = "SELFIE_UNSUPPORTED_FORMAT (an image, but not JPEG or PNG), or "
            + "UNSUPPORTED_MEDIA_TYPE (not multipart/form-data)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "SELFIE_CHALLENGE_USED: the moving selfie's challenge was spent",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "422", description = "SELFIE_DEPTH_UNSUPPORTED (over 8 bits per channel) or "
            + "SELFIE_ANIMATED (an animated PNG, or several images in one file), read from the header; the moving "
            + "selfie's SELFIE_NO_FACE, SELFIE_MULTIPLE_FACES, SELFIE_TOO_DARK, SELFIE_CHALLENGE_NOT_FOLLOWED, "
            + "SELFIE_NOT_LIVE (a remote provider's other refusal)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "429", description = "RATE_LIMITED per device key or client address; see Retry-After",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "503", description = "SERVICE_BUSY: too many registrations being served at once "
            + "(extension admission), or too many selfies being decoded at once (extension bulkhead); "
            + "SELFIE_CHECK_TIMEOUT, SELFIE_LIVENESS_UNAVAILABLE (remote provider); see Retry-After",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @Admitted(REGISTRATION_GATE)
    public Uni<Response> register(
            @RestForm @Parameter(description = "16-digit NIK", example = "3204120101900001") String nik,
            @RestForm @Parameter(description = "Email for the activation PIN", example = "budi@example.id") String email,
            @RestForm @Parameter(description = "Indonesian mobile number", example = "081234567890") String phone,
            @RestForm @Parameter(description = "id (default) or en") String language,
            @RestForm @Parameter(description = "The app's public key: EC P-256 JWK (JSON)") String deviceKey,
            @RestForm @Parameter(description = "Still selfie, JPEG or PNG, at most 2 MB and 4096 px per side; not "
                    + "needed with frames, refused alone where the moving selfie is required",
                    schema = @Schema(type = SchemaType.STRING, format = "binary")) FileUpload selfie,
            @RestForm @Parameter(description = "Moving selfie: the id from POST /api/v1/selfie-challenges") String challengeId,
            @RestForm("frame") @Parameter(description = "Moving selfie: 4-12 JPEG frames in the order recorded, each "
                    + "at most 256 KB and 1280 px", schema = @Schema(type = SchemaType.ARRAY,
                            implementation = String.class, format = "binary")) List<FileUpload> frames,
            @RestHeader(IdempotencyKey.HEADER) @Parameter(description = IdempotencyKey.DESCRIPTION) String idempotencyKey,
            @Context HttpServerRequest request) {
        RegistrationService.Form form = new RegistrationService.Form(nik, email, phone, language, deviceKey,
                new SelfieIntake.Upload(selfie == null ? null : selfie.uploadedFile(), challengeId,
                        frames == null ? List.of() : frames.stream().map(FileUpload::uploadedFile).toList()));
        return registrations.register(form, ClientAddress.of(request), IdempotencyKey.of(idempotencyKey))
                .map(registered -> Response.accepted(RegistrationAccepted.of(registered)).type(MediaType.APPLICATION_JSON)
                        .build());
    }

    @GET
    @Path("/{id}")
    @Produces(MediaType.APPLICATION_JSON)
    @RegistrationSecretRequired
    @SecurityRequirement(name = "registrationSecret")
    @Operation(summary = "Status and timeline of a registration")
    @APIResponse(responseCode = "200", description = "Current status and every step so far",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = RegistrationStatusView.class)))
    @APIResponse(responseCode = "401", description = "UNAUTHORIZED: wrong or missing secret, or no such registration (indistinguishable)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<RegistrationStatusView> status(@RestPath @Parameter(description = "Registration id") String id) {
        return registrations.status(UUID.fromString(id)).map(RegistrationStatusView::of);
    }

    @GET
    @Path("/{id}/personal-data")
    @Produces(MediaType.APPLICATION_JSON)
    @RegistrationSecretRequired
    @SecurityRequirement(name = "registrationSecret")
    @Operation(summary = "Everything held about the citizen here (UU PDP right of access)",
            description = "Contacts, masked NIK, device key thumbprint, whether the selfie is still held, the timeline, "
                    + "the messages sent and when the retention job deletes the registration.")
    @APIResponse(responseCode = "200", description = "The registration's personal data",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = PersonalDataView.class)))
    @APIResponse(responseCode = "401", description = "UNAUTHORIZED: wrong or missing secret, or no such registration (indistinguishable)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<Response> personalData(@RestPath @Parameter(description = "Registration id") String id) {
        return personalData.held(UUID.fromString(id)).map(held -> Response.ok(PersonalDataView.of(held))
                .header("Cache-Control", "no-store").build());
    }

    @GET
    @Path("/{id}/events")
    @Produces(MediaType.SERVER_SENT_EVENTS)
    @RegistrationSecretRequired
    @SecurityRequirement(name = "registrationSecret")
    @Operation(summary = "Live status (server-sent events)",
            description = "First the timeline steps after Last-Event-ID (all of them without it), then each new step as "
                    + "it happens. Event name 'registration', id = timeline step id, data = RegistrationUpdate JSON; "
                    + "a 'heartbeat' event every 20 s.")
    @APIResponse(responseCode = "200", description = "text/event-stream of RegistrationUpdate",
            content = @Content(mediaType = MediaType.SERVER_SENT_EVENTS, schema = @Schema(implementation = RegistrationUpdate.class)))
    @APIResponse(responseCode = "401", description = "UNAUTHORIZED: wrong or missing secret, or no such registration (indistinguishable)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Multi<OutboundSseEvent> events(@RestPath @Parameter(description = "Registration id") String id,
            @RestHeader("Last-Event-ID") @Parameter(in = ParameterIn.HEADER, description = "Resume after this step id") String lastEventId,
            @Context Sse sse) {
        Multi<OutboundSseEvent> updates = registrations.updates(UUID.fromString(id), resumeAfter(lastEventId))
                .map(change -> sse.newEventBuilder().name("registration").id(Long.toString(change.id()))
                        .data(write(RegistrationUpdate.of(change))).build());
        Multi<OutboundSseEvent> heartbeats = Multi.createFrom().ticks().every(HEARTBEAT)
                .map(tick -> sse.newEventBuilder().name("heartbeat").data("{}").build());
        return Multi.createBy().merging().streams(updates, heartbeats);
    }

    @POST
    @Path("/{id}/counter-code")
    @Produces(MediaType.APPLICATION_JSON)
    @RegistrationSecretRequired
    @SecurityRequirement(name = "registrationSecret")
    @Operation(summary = "A fresh counter code (SOP step 3)",
            description = "Signed QR payload and short code, valid 10 minutes; every earlier code stops working.")
    @APIResponse(responseCode = "200", description = "The new code",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = CounterCodeView.class)))
    @APIResponse(responseCode = "401", description = "UNAUTHORIZED: wrong or missing secret, or no such registration (indistinguishable)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "REGISTRATION_NOT_PENDING: already decided, withdrawn or expired",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "429", description = "RATE_LIMITED per device key or client address; see Retry-After",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<CounterCodeView> counterCode(@RestPath @Parameter(description = "Registration id") String id,
            @Context HttpServerRequest request) {
        return registrations.newCounterCode(UUID.fromString(id), ClientAddress.of(request)).map(CounterCodeView::of);
    }

    @DELETE
    @Path("/{id}")
    @RegistrationSecretRequired
    @SecurityRequirement(name = "registrationSecret")
    @Operation(summary = "Withdraw and erase a registration (UU PDP)",
            description = "A pending registration (or one already withdrawn or expired) is deleted at once with its selfie "
                    + "and timeline; RegistrationWithdrawn (ids only) tells the other services. Afterwards the secret "
                    + "opens nothing: a repeat gets 401, like an unknown id.")
    @APIResponse(responseCode = "204", description = "Withdrawn and erased")
    @APIResponse(responseCode = "401", description = "UNAUTHORIZED: wrong or missing secret, or no such registration (indistinguishable)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "REGISTRATION_NOT_PENDING: already approved, rejected or activated",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<Response> withdraw(@RestPath @Parameter(description = "Registration id") String id) {
        return registrations.withdraw(UUID.fromString(id)).replaceWith(Response.noContent().build());
    }

    @GET
    @Path("/{id}/counter-codes/{codeId}")
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed({ "operator", "supervisor" })
    @SecurityRequirement(name = "bearer")
    @Operation(summary = "Whether a counter code is the registration's current one (the verifier's scan asks)",
            description = "verification-service learns of new codes from CounterCodeIssued, which may still be on its "
                    + "way when the citizen's old code is scanned; this answer is authoritative, so a superseded code "
                    + "stops at once.")
    @APIResponse(responseCode = "200", description = "current: true only for the latest code",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = RegistrationService.CounterCodeStatus.class),
                    examples = @ExampleObject(name = "current", value = """
                            {"registrationId": "2b9c7e41-0d5a-4c3f-8e6b-1a2f3d4c5b6e",
                             "codeId": "7c1e9a3b-5d2f-4e6a-8b0c-9d1e2f3a4b5c", "current": true, "currentSequence": 2,
                             "pending": true}""")))
    @APIResponse(responseCode = "401", description = "UNAUTHORIZED: no valid suite JWT",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "403", description = "FORBIDDEN: not an operator or supervisor",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "REGISTRATION_NOT_FOUND",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<RegistrationService.CounterCodeStatus> counterCodeStatus(
            @RestPath @Parameter(description = "Registration id") UUID id,
            @RestPath @Parameter(description = "Code id (jti of the QR payload)") UUID codeId) {
        return registrations.counterCodeStatus(id, codeId);
    }

    @GET
    @Path("/{id}/selfie")
    @Produces(Selfie.CONTENT_TYPE)
    @RolesAllowed({ "operator", "supervisor" })
    @SecurityRequirement(name = "bearer")
    @Operation(summary = "The selfie, for the operator comparing it with the registry (SOP step 3)",
            description = "Decrypted JPEG (re-encoded at submission). Only for the office handling the case: besides the "
                    + "operator's token, the request carries the case grant verification-service issues for the case "
                    + "(header " + CaseGrants.HEADER + "). Gone once the registration is withdrawn, expired, rejected or "
                    + "activated.")
    @APIResponse(responseCode = "200", description = "The selfie",
            content = @Content(mediaType = Selfie.CONTENT_TYPE, schema = @Schema(type = SchemaType.STRING, format = "binary")))
    @APIResponse(responseCode = "401", description = "UNAUTHORIZED: no valid suite JWT",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "403", description = "FORBIDDEN: not an operator or supervisor; CASE_GRANT_REQUIRED: no "
            + "valid case grant of the caller's office for this registration",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "SELFIE_NOT_AVAILABLE: erased or no such registration",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<Response> selfie(@RestPath @Parameter(description = "Registration id") UUID id,
            @RestHeader(CaseGrants.HEADER) @Parameter(in = ParameterIn.HEADER,
                    description = "Case grant from verification-service (POST /api/v1/operator/cases/{caseId}/grant)") String grant) {
        // the caller is request-scoped: read it here, not after the grant check resumes
        String viewer = caller.getGroups() + " " + caller.getSubject() + " of office "
                + caller.<Object>getClaim(CaseGrants.OFFICE_CLAIM);
        return grants.require(grant, id, caller)
                .invoke(() -> LOG.infof("%s viewed the selfie of registration %s", viewer, id))
                .chain(() -> registrations.selfie(id))
                .map(image -> Response.ok(image, Selfie.CONTENT_TYPE).header("Cache-Control", "no-store").build());
    }

    private static long resumeAfter(String lastEventId) {
        try {
            return lastEventId == null ? 0 : Math.max(0, Long.parseLong(lastEventId.strip()));
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    private String write(RegistrationUpdate update) {
        try {
            return json.writeValueAsString(update);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a registration update always serialises", e);
        }
    }

}

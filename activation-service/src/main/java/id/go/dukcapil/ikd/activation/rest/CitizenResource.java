package id.go.dukcapil.ikd.activation.rest;

import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.jwt.JsonWebToken;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import id.go.dukcapil.ikd.activation.crypto.CitizenTokens;
import id.go.dukcapil.ikd.activation.rest.ActivationApi.AppPinRequest;
import id.go.dukcapil.ikd.activation.rest.ActivationApi.ChallengeRequest;
import id.go.dukcapil.ikd.activation.rest.ActivationApi.SessionChallenge;
import id.go.dukcapil.ikd.activation.rest.ActivationApi.PinProof;
import id.go.dukcapil.ikd.activation.rest.ActivationApi.RefreshRequest;
import id.go.dukcapil.ikd.activation.rest.ActivationApi.Revoked;
import id.go.dukcapil.ikd.activation.rest.ActivationApi.Session;
import id.go.dukcapil.ikd.activation.rest.ActivationApi.SessionRequest;
import id.go.dukcapil.ikd.activation.service.CitizenSessionService;
import id.go.dukcapil.ikd.activation.service.IdentityService;
import id.go.dukcapil.ikd.activation.service.PersonalDataService;
import io.smallrye.mutiny.Uni;
import id.go.dukcapil.ikd.web.IdempotencyKey;
import org.jboss.resteasy.reactive.RestHeader;

/** The IKD app's API (SOP step 6): sessions bound to the device, app-PIN proofs, self-revocation. */
@Path("/api/v1/citizen")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Citizen")
public class CitizenResource {

    private final CitizenSessionService sessions;
    private final IdentityService identities;
    private final PersonalDataService personalData;
    private final CitizenTokens tokens;
    private final JsonWebToken jwt;

    public CitizenResource(CitizenSessionService sessions, IdentityService identities,
            PersonalDataService personalData, CitizenTokens tokens, JsonWebToken jwt) {
        this.sessions = sessions;
        this.identities = identities;
        this.personalData = personalData;
        this.tokens = tokens;
        this.jwt = jwt;
    }

    @POST
    @Path("/session-challenges")
    @PermitAll
    @Operation(summary = "A single-use nonce for the app to sign with its device key (ES256 compact JWS, payload = nonce)",
            description = "Identify the identity by registrationId (what the app knows after registering) or subject. "
                    + "The answer looks the same whether or not an active identity exists.")
    @APIResponse(responseCode = "200", description = "The nonce and its lifetime in seconds", content = @Content(
            mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = SessionChallenge.class),
            examples = @ExampleObject(name = "nonce", value = """
                    {"nonce": "q3J0bW9yZS1ub25jZS1leGFtcGxlLW9ubHktMzJieXRlcw", "expiresIn": 120}""")))
    @APIResponse(responseCode = "400", description = "VALIDATION_FAILED or MALFORMED_REQUEST (problem+json)")
    public Uni<SessionChallenge> challenge(@Valid @NotNull ChallengeRequest request) {
        return sessions.challenge(request.registrationId(), request.subject()).map(SessionChallenge::of);
    }

    @POST
    @Path("/sessions")
    @PermitAll
    @Operation(summary = "Open a session: device signature over the nonce + app PIN (set on the first session)")
    @APIResponse(responseCode = "200", description = "A citizen JWT (aud token-service, 10 min) and a device-bound refresh token")
    @APIResponse(responseCode = "400", description = "VALIDATION_FAILED or MALFORMED_REQUEST (problem+json)")
    @APIResponse(responseCode = "401", description = "SESSION_REFUSED (nonce or signature) or APP_PIN_WRONG (with attemptsLeft)")
    @APIResponse(responseCode = "409", description = "APP_PIN_ALREADY_SET: another first session set it meanwhile")
    @APIResponse(responseCode = "422", description = "APP_PIN_TOO_SIMPLE: refused as a new app PIN")
    @APIResponse(responseCode = "423", description = "APP_PIN_LOCKED after 5 wrong app PINs")
    public Uni<Session> open(@Valid @NotNull SessionRequest request,
            @RestHeader(IdempotencyKey.HEADER) @Parameter(description = IdempotencyKey.DESCRIPTION) String idempotencyKey) {
        return sessions.openSession(request.nonce(), request.deviceSignature(), request.appPin(),
                IdempotencyKey.of(idempotencyKey))
                .map(CitizenResource::session);
    }

    @POST
    @Path("/sessions/refresh")
    @PermitAll
    @Operation(summary = "Rotate a refresh token: the token + the device's ES256 JWS over the token's value")
    @APIResponse(responseCode = "200", description = "A new citizen JWT and a new refresh token (the old one is dead)")
    @APIResponse(responseCode = "400", description = "VALIDATION_FAILED or MALFORMED_REQUEST (problem+json)")
    @APIResponse(responseCode = "401", description = "REFRESH_REFUSED (unknown, expired, reused or wrong device)")
    public Uni<Session> refresh(@Valid @NotNull RefreshRequest request) {
        return sessions.refresh(request.refreshToken(), request.deviceSignature()).map(CitizenResource::session);
    }

    @POST
    @Path("/pin-proofs")
    @RolesAllowed(CitizenTokens.CITIZEN_GROUP)
    @SecurityRequirement(name = "bearer")
    @Operation(summary = "Prove the app PIN for one QR token (JWS typ ikd-pin-proof+jwt, 60 s, single use at token-service)")
    @APIResponse(responseCode = "200", description = "The PIN proof")
    @APIResponse(responseCode = "400", description = "VALIDATION_FAILED or MALFORMED_REQUEST (problem+json)")
    @APIResponse(responseCode = "401", description = "UNAUTHORIZED (no citizen JWT) or APP_PIN_WRONG (with attemptsLeft)")
    @APIResponse(responseCode = "403", description = "FORBIDDEN (not a citizen) or IDENTITY_NOT_ACTIVE")
    @APIResponse(responseCode = "423", description = "APP_PIN_LOCKED")
    public Uni<PinProof> pinProof(@Valid @NotNull AppPinRequest request) {
        return sessions.requireAppPin(jwt.getSubject(), request.appPin())
                .map(identity -> tokens.pinProof(identity.subject))
                .map(issued -> new PinProof(issued.token(), issued.expiresIn()));
    }

    @GET
    @Path("/personal-data")
    @RolesAllowed(CitizenTokens.CITIZEN_GROUP)
    @SecurityRequirement(name = "bearer")
    @Operation(summary = "Everything held here about the citizen's identity (UU PDP right of access)",
            description = "Registry attributes (NIK masked), the bound device key, the app's live sessions, whether an "
                    + "app PIN is set or locked (never its hash), the contacts the PIN went to, the issuing office, and "
                    + "when a revoked identity is reduced to a stub.")
    @APIResponse(responseCode = "200", description = "The identity's personal data", content = @Content(
            mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = PersonalDataService.Held.class),
            examples = @ExampleObject(name = "active", summary = "An active identity with one app session", value = """
                    {"subject": "b3Jk2pQx7LmN0vT5aZc9Ew", "status": "ACTIVE", "activatedAt": "2026-12-05T02:30:00Z",
                     "revokedAt": null, "revocationReason": null,
                     "attributes": {"nik": "320412********01", "fullName": "BUDI SANTOSO", "birthPlace": "BANDUNG",
                                    "birthDate": "1990-01-01", "sex": "LAKI-LAKI", "address": "JL. MERDEKA NO. 12",
                                    "rtRw": "003/007", "villageName": "CANGKUANG KULON", "districtCode": "32.04.12",
                                    "districtName": "DAYEUHKOLOT", "regencyName": "KABUPATEN BANDUNG",
                                    "provinceName": "JAWA BARAT", "ktpElStatus": "PRINTED",
                                    "photoSha256": "9f2c4a1e7b3d5f6a8c0e2b4d6f8a1c3e5b7d9f0a2c4e6b8d0f1a3c5e7b9d2f4a"},
                     "deviceKeyThumbprint": "NzbLsXh8uDCcd-6MNwXF4W_7noWXFZAfHkxZsRGC9Xs", "appPinSet": true,
                     "appPinFailures": 0, "appPinLocked": false,
                     "sessions": [{"issuedAt": "2026-12-05T02:31:00Z", "expiresAt": "2027-01-04T02:31:00Z",
                                   "deviceKeyThumbprint": "NzbLsXh8uDCcd-6MNwXF4W_7noWXFZAfHkxZsRGC9Xs"}],
                     "email": "budi@example.id", "phone": "081234567890", "language": "id",
                     "office": {"officeCode": "3204-DISDUKCAPIL", "name": "Disdukcapil Kabupaten Bandung",
                                "address": "Jl. Raya Soreang KM 17, Soreang", "phone": "022-5891234",
                                "email": "disdukcapil@bandungkab.go.id", "whatsapp": "6281200000000",
                                "website": "https://disdukcapil.bandungkab.go.id", "timeZone": "WIB"},
                     "pseudonymisedAt": null}""")))
    @APIResponse(responseCode = "401", description = "UNAUTHORIZED (no citizen JWT)")
    @APIResponse(responseCode = "403", description = "FORBIDDEN (not a citizen) or IDENTITY_NOT_ACTIVE")
    public Uni<Response> personalData() {
        return personalData.held(jwt.getSubject())
                .map(held -> Response.ok(held).header("Cache-Control", "no-store").build());
    }

    @POST
    @Path("/identity/revocation")
    @RolesAllowed(CitizenTokens.CITIZEN_GROUP)
    @SecurityRequirement(name = "bearer")
    @Operation(summary = "The citizen ends their digital identity on this device (citizen JWT + app PIN)",
            description = "The IKD app's \"Nonaktifkan IKD\" after the app PIN. From a new device (a lost phone) the "
                    + "citizen asks for a confirmation link instead (POST /api/v1/citizen/deactivation-requests). "
                    + "Reactivation follows the SOP again, from registration.")
    @APIResponse(responseCode = "200", description = "Revoked; IdentityRevoked (CITIZEN_REQUEST) follows")
    @APIResponse(responseCode = "400", description = "VALIDATION_FAILED or MALFORMED_REQUEST (problem+json)")
    @APIResponse(responseCode = "401", description = "UNAUTHORIZED or APP_PIN_WRONG")
    @APIResponse(responseCode = "403", description = "FORBIDDEN or IDENTITY_NOT_ACTIVE")
    @APIResponse(responseCode = "423", description = "APP_PIN_LOCKED")
    public Uni<Revoked> revokeOwn(@Valid @NotNull AppPinRequest request) {
        return sessions.requireAppPin(jwt.getSubject(), request.appPin())
                .chain(identity -> identities.revokeByCitizen(identity.id))
                .map(revocation -> new Revoked(revocation.identityId(), revocation.revokedAt()));
    }

    private static Session session(CitizenSessionService.SessionTokens tokens) {
        return new Session(tokens.accessToken(), "Bearer", tokens.expiresIn(), tokens.refreshToken(), tokens.subject());
    }
}

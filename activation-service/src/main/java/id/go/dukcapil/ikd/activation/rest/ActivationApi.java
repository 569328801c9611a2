package id.go.dukcapil.ikd.activation.rest;

import java.time.Instant;
import java.util.UUID;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import id.go.dukcapil.ikd.activation.service.CitizenSessionService;
import id.go.dukcapil.ikd.events.RevocationReason;

/** Request and response bodies of the JSON API. */
public final class ActivationApi {

    private ActivationApi() {
    }

    public record ActivateRequest(
            @NotBlank @Size(max = 128) String linkToken,
            @NotNull @Pattern(regexp = "\\d{6}") String pin,
            @NotBlank @Size(max = 2048) String captcha) {

        @Override
        public String toString() {
            return "ActivateRequest[pin=***]";
        }
    }

    @Schema(example = """
            {"status": "ACTIVATED", "activatedAt": "2026-12-05T02:30:00Z"}""")
    public record Activated(String status, Instant activatedAt) {
    }

    public record ResendRequest(@NotBlank @Size(max = 128) String linkToken) {
    }

    @Schema(example = """
            {"message": "Jika permintaan dapat diproses, PIN aktivasi baru dikirim ke email Anda.",
             "messageEn": "If the request can be processed, a new activation PIN is sent to your email."}""")
    public record Accepted(String message, String messageEn) {
    }

    public record ChallengeRequest(UUID registrationId, @Size(max = 64) String subject) {
    }

    /** The nonce the app signs to open a session, and its lifetime in seconds. */
    public record SessionChallenge(String nonce, long expiresIn) {

        static SessionChallenge of(CitizenSessionService.Challenge challenge) {
            return new SessionChallenge(challenge.nonce(), challenge.expiresIn());
        }
    }

    public record SessionRequest(
            @NotBlank @Size(max = 128) String nonce,
            @NotBlank @Size(max = 4096) String deviceSignature,
            @NotNull @Pattern(regexp = "\\d{6}") String appPin) {

        @Override
        public String toString() {
            return "SessionRequest[nonce=" + nonce + ", appPin=***]";
        }
    }

    public record RefreshRequest(
            @NotBlank @Size(max = 128) String refreshToken,
            @NotBlank @Size(max = 4096) String deviceSignature) {
    }

    @Schema(example = """
            {"accessToken": "eyJhbGciOiJFUzI1NiIsInR5cCI6IkpXVCJ9.…", "tokenType": "Bearer", "expiresIn": 600,
             "refreshToken": "••••", "subject": "b3Jk2pQx7LmN0vT5aZc9Ew"}""")
    public record Session(String accessToken, String tokenType, long expiresIn, String refreshToken, String subject) {
    }

    public record AppPinRequest(@NotNull @Pattern(regexp = "\\d{6}") String appPin) {

        @Override
        public String toString() {
            return "AppPinRequest[appPin=***]";
        }
    }

    @Schema(example = """
            {"pinProof": "eyJhbGciOiJIUzI1NiIsInR5cCI6ImlrZC1waW4tcHJvb2Yrand0In0.…", "expiresIn": 60}""")
    public record PinProof(String pinProof, long expiresIn) {
    }

    public record OperatorRevocationRequest(
            @NotNull @Pattern(regexp = "\\d{16}") String nik,
            @NotNull RevocationReason reason) {

        @Override
        public String toString() {
            return "OperatorRevocationRequest[reason=" + reason + "]";
        }
    }

    @Schema(example = """
            {"identityId": "5f0c2d7e-8a41-4b6f-9c3e-1d2a7b9e4f60", "revokedAt": "2026-12-05T02:30:00Z"}""")
    public record Revoked(UUID identityId, Instant revokedAt) {
    }
}

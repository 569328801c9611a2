package id.go.dukcapil.ikd.activation.rest;

import java.time.Instant;
import java.util.UUID;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

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

    public record Activated(String status, Instant activatedAt) {
    }

    public record ResendRequest(@NotBlank @Size(max = 128) String linkToken) {
    }

    public record Accepted(String message, String messageEn) {
    }

    public record ChallengeRequest(UUID registrationId, @Size(max = 64) String subject) {
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

    public record Session(String accessToken, String tokenType, long expiresIn, String refreshToken, String subject) {
    }

    public record AppPinRequest(@NotNull @Pattern(regexp = "\\d{6}") String appPin) {

        @Override
        public String toString() {
            return "AppPinRequest[appPin=***]";
        }
    }

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

    public record Revoked(UUID identityId, Instant revokedAt) {
    }
}

package id.go.dukcapil.ikd.registration.service.selfie;

import java.util.UUID;

import jakarta.inject.Singleton;

import id.go.dukcapil.ikd.crypto.AesGcmSealer;
import id.go.dukcapil.ikd.registration.config.RegistrationConfig;

/**
 * Selfies at rest: AES-256-GCM with the registration id as associated data, so a sealed selfie
 * copied onto another row does not open. CPU work: call it on a worker thread. A singleton, so a
 * malformed {@code selfie-key} fails as soon as a service that seals or opens selfies is created.
 */
@Singleton
public class SelfieVault {

    private final AesGcmSealer sealer;

    public SelfieVault(RegistrationConfig config) {
        this.sealer = AesGcmSealer.fromBase64(config.selfieKey(), "ikd.registration.selfie-key", 32);
    }

    public byte[] seal(UUID registrationId, byte[] jpeg) {
        return sealer.seal(registrationId.toString(), jpeg);
    }

    public byte[] open(UUID registrationId, byte[] sealed) {
        return sealer.open(registrationId.toString(), sealed);
    }
}

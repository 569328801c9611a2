package id.go.dukcapil.ikd.registration.service;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.UUID;

import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

import jakarta.enterprise.context.ApplicationScoped;

import id.go.dukcapil.ikd.registration.config.RegistrationConfig;

/**
 * Seals selfies at rest with AES-256-GCM: a fresh 96-bit nonce per selfie, stored in front of the
 * ciphertext, and the registration id as associated data, so a sealed selfie copied onto another
 * row does not open.
 */
@ApplicationScoped
public class SelfieCipher {

    private static final String TRANSFORMATION = "AES/GCM/NoPadding";
    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;

    private final SecretKey key;
    private final SecureRandom random = new SecureRandom();

    public SelfieCipher(RegistrationConfig config) {
        byte[] raw;
        try {
            raw = Base64.getDecoder().decode(config.selfieKey().strip());
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("ikd.registration.selfie-key must be base64");
        }
        if (raw.length != 32) {
            throw new IllegalStateException("ikd.registration.selfie-key must be 256 bits (32 bytes), base64");
        }
        this.key = new SecretKeySpec(raw, "AES");
    }

    public byte[] seal(UUID registrationId, byte[] plain) {
        byte[] nonce = new byte[NONCE_BYTES];
        random.nextBytes(nonce);
        try {
            Cipher cipher = Cipher.getInstance(TRANSFORMATION);
            cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, nonce));
            cipher.updateAAD(associatedData(registrationId));
            byte[] sealed = cipher.doFinal(plain);
            return ByteBuffer.allocate(NONCE_BYTES + sealed.length).put(nonce).put(sealed).array();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM sealing failed", e);
        }
    }

    public byte[] open(UUID registrationId, byte[] sealed) {
        try {
            Cipher cipher = Cipher.getInstance(TRANSFORMATION);
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, sealed, 0, NONCE_BYTES));
            cipher.updateAAD(associatedData(registrationId));
            return cipher.doFinal(sealed, NONCE_BYTES, sealed.length - NONCE_BYTES);
        } catch (GeneralSecurityException e) {
            // wrong key (rotation without re-encryption) or tampered data: never serve it
            throw new IllegalStateException("the selfie of registration " + registrationId + " does not open", e);
        }
    }

    private static byte[] associatedData(UUID registrationId) {
        return registrationId.toString().getBytes(StandardCharsets.UTF_8);
    }
}

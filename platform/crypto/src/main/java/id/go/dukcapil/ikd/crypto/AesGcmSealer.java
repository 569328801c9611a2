package id.go.dukcapil.ikd.crypto;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;

import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Seals data at rest with AES-GCM (the JDK's): a fresh 96-bit nonce per message, stored in front
 * of the ciphertext and its 128-bit tag ({@code nonce || ciphertext || tag}), and the row's
 * identity (a registration id, a key id) as associated data, so sealed data copied onto another
 * row does not open. Selfies and signing keys are sealed this way.
 */
public final class AesGcmSealer {

    private static final String TRANSFORMATION = "AES/GCM/NoPadding";
    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;

    private final SecretKey key;
    private final String setting;
    private final SecureRandom random = new SecureRandom();

    private AesGcmSealer(byte[] key, String setting) {
        this.key = new SecretKeySpec(key, "AES");
        this.setting = setting;
    }

    /**
     * A sealer under the base64 key of configuration {@code setting}, which must be one of
     * {@code allowedKeyBytes} long (16, 24 or 32: AES-128, -192, -256). A bad key stops the service
     * with the setting's name, never the key.
     */
    public static AesGcmSealer fromBase64(String base64Key, String setting, int... allowedKeyBytes) {
        byte[] raw;
        try {
            raw = Base64.getDecoder().decode(base64Key == null ? "" : base64Key.strip());
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException(setting + " must be base64");
        }
        int length = raw.length;
        if (Arrays.stream(allowedKeyBytes).noneMatch(allowed -> allowed == length)
                || (length != 16 && length != 24 && length != 32)) {
            throw new IllegalStateException(setting + " must be " + describe(allowedKeyBytes) + " bytes, base64");
        }
        return new AesGcmSealer(raw, setting);
    }

    /** A sealer under a derived 256-bit key (not configuration), e.g. one per client-held secret. */
    public static AesGcmSealer withKey(byte[] key256, String name) {
        if (key256.length != 32) {
            throw new IllegalArgumentException(name + " must be 32 bytes");
        }
        return new AesGcmSealer(key256.clone(), name);
    }

    public byte[] seal(String associatedData, byte[] plain) {
        byte[] nonce = new byte[NONCE_BYTES];
        random.nextBytes(nonce);
        try {
            Cipher cipher = Cipher.getInstance(TRANSFORMATION);
            cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, nonce));
            cipher.updateAAD(associatedData.getBytes(StandardCharsets.UTF_8));
            byte[] sealed = cipher.doFinal(plain);
            return ByteBuffer.allocate(NONCE_BYTES + sealed.length).put(nonce).put(sealed).array();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM sealing failed", e);
        }
    }

    /**
     * The plain data; fails with {@link IllegalStateException} when the key is not the one it was
     * sealed with (rotation without re-encryption), the associated data differs, or the data was
     * tampered with: such data is never served.
     */
    public byte[] open(String associatedData, byte[] sealed) {
        if (sealed == null || sealed.length < NONCE_BYTES + TAG_BITS / 8) {
            throw new IllegalStateException("sealed data under " + setting + " is too short");
        }
        try {
            Cipher cipher = Cipher.getInstance(TRANSFORMATION);
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, sealed, 0, NONCE_BYTES));
            cipher.updateAAD(associatedData.getBytes(StandardCharsets.UTF_8));
            return cipher.doFinal(sealed, NONCE_BYTES, sealed.length - NONCE_BYTES);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("sealed data does not open: wrong " + setting + " or tampered data", e);
        }
    }

    private static String describe(int[] allowed) {
        return String.join(" or ", Arrays.stream(allowed).mapToObj(Integer::toString).toList());
    }
}

package id.go.dukcapil.ikd.web;

import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import javax.crypto.Mac;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;

/**
 * The suite's HMAC-SHA256 secrets kept outside the database (a Kubernetes secret, a local key
 * file): one current key, which MACs everything new, and previous keys still accepted while a
 * new one is rolled out. Each key is named by its {@code kid}, the first 64 bits of its SHA-256,
 * which can be logged and stored next to what it MACed without revealing the key. A missing,
 * short or malformed key stops the service at start-up with the setting's name.
 */
public final class HmacKeyRing {

    public static final String MAC = "HmacSHA256";
    public static final int MIN_KEY_BYTES = 32;

    private final String currentKid;
    private final SecretKey current;
    private final Map<String, SecretKey> accepted;
    private final ThreadLocal<Mac> macs = ThreadLocal.withInitial(HmacKeyRing::newMac);

    private HmacKeyRing(SecretKey current, List<SecretKey> previous) {
        this.current = current;
        this.currentKid = kid(current);
        Map<String, SecretKey> keys = new LinkedHashMap<>();
        keys.put(currentKid, current);
        previous.forEach(key -> keys.putIfAbsent(kid(key), key));
        this.accepted = Map.copyOf(keys);
    }

    /**
     * The keys of one setting: {@code key} (base64, at least 32 bytes) and {@code previousKeys}.
     * {@code setting} and {@code previousSetting} name them in start-up errors (with the
     * environment variable), {@code purpose} says what the key is for, so the error says what to do.
     */
    public static HmacKeyRing of(Optional<String> key, Optional<List<String>> previousKeys, String setting,
            String previousSetting, String purpose) {
        String value = key.filter(v -> !v.isBlank()).orElseThrow(() -> new IllegalStateException(
                setting + " is not set: " + purpose + ", base64 of at least " + MIN_KEY_BYTES + " random bytes"));
        return new HmacKeyRing(secret(value, setting),
                previousKeys.orElse(List.of()).stream().filter(v -> !v.isBlank()).map(v -> secret(v, previousSetting))
                        .toList());
    }

    /**
     * One key given as bytes (at least 32), with no previous keys: for a key the service derives
     * from one of its secrets rather than reads from a setting.
     */
    public static HmacKeyRing ofKey(byte[] key) {
        if (key == null || key.length < MIN_KEY_BYTES) {
            throw new IllegalArgumentException("an HMAC key needs at least " + MIN_KEY_BYTES + " bytes");
        }
        return new HmacKeyRing(new SecretKeySpec(key, MAC), List.of());
    }

    /** The kids, current first: what start-up logs show and what services sharing a key compare. */
    public String describe() {
        List<String> previous = accepted.keySet().stream().filter(kid -> !kid.equals(currentKid)).sorted().toList();
        return "current kid " + currentKid
                + (previous.isEmpty() ? ", no previous keys" : ", previous kids " + String.join(" ", previous));
    }

    public String currentKid() {
        return currentKid;
    }

    /** The key everything new is MACed with. */
    public SecretKey currentKey() {
        return current;
    }

    /** The accepted key named {@code kid} (current or previous): for a library that checks the MAC itself. */
    public Optional<SecretKey> acceptedKey(String kid) {
        return Optional.ofNullable(kid == null ? null : accepted.get(kid));
    }

    public boolean accepts(String kid) {
        return kid != null && accepted.containsKey(kid);
    }

    /** HMAC-SHA256 of {@code parts} (in order) under the current key. */
    public byte[] mac(byte[]... parts) {
        return macWith(current, parts);
    }

    /** HMAC-SHA256 under the accepted key named {@code kid}; empty when there is no such key. */
    public Optional<byte[]> mac(String kid, byte[]... parts) {
        SecretKey key = kid == null ? null : accepted.get(kid);
        return key == null ? Optional.empty() : Optional.of(macWith(key, parts));
    }

    /** Whether {@code expected} is the MAC of {@code parts} under the key {@code kid}, compared in constant time. */
    public boolean verify(String kid, byte[] expected, byte[]... parts) {
        if (expected == null) {
            return false;
        }
        return mac(kid, parts).map(actual -> MessageDigest.isEqual(actual, expected)).orElse(false);
    }

    private byte[] macWith(SecretKey key, byte[]... parts) {
        try {
            Mac mac = macs.get();
            mac.init(key);
            for (byte[] part : parts) {
                mac.update(part);
            }
            return mac.doFinal();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 refused a checked key", e);
        }
    }

    private static SecretKey secret(String base64, String setting) {
        byte[] bytes;
        try {
            bytes = Base64.getDecoder().decode(base64.trim());
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException(setting + " is not base64", e);
        }
        if (bytes.length < MIN_KEY_BYTES) {
            throw new IllegalStateException(setting + " is " + bytes.length + " bytes; at least " + MIN_KEY_BYTES
                    + " random bytes are needed");
        }
        return new SecretKeySpec(bytes, MAC);
    }

    /** The first 64 bits of the key's SHA-256, base64url: names the key, reveals nothing of it. */
    static String kid(SecretKey key) {
        byte[] digest = Digests.sha256(key.getEncoded());
        return Base64.getUrlEncoder().withoutPadding().encodeToString(Arrays.copyOf(digest, 8));
    }

    private static Mac newMac() {
        try {
            return Mac.getInstance(MAC);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is always available", e);
        }
    }
}

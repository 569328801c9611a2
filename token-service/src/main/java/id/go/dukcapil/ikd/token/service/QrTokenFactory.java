package id.go.dukcapil.ikd.token.service;

import java.security.SecureRandom;
import java.time.Instant;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import id.go.dukcapil.ikd.token.config.TokenConfig;
import id.go.dukcapil.ikd.token.crypto.CompactJws;
import id.go.dukcapil.ikd.token.domain.Identity;
import id.go.dukcapil.ikd.token.domain.QrClaims;
import id.go.dukcapil.ikd.token.domain.QrToken;
import id.go.dukcapil.ikd.token.domain.SigningKey;

/** Writes and signs the compact JWS of a QR token. */
@ApplicationScoped
public class QrTokenFactory {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final ObjectMapper JSON = new ObjectMapper();

    private final TokenConfig config;

    public QrTokenFactory(TokenConfig config) {
        this.config = config;
    }

    public QrToken mint(Identity identity, SigningKey key, Instant now) {
        Instant issuedAt = Instant.ofEpochSecond(now.getEpochSecond());
        Instant expiresAt = issuedAt.plus(config.qr().lifetime());
        String jti = newJti();
        Map<String, Object> claims = new LinkedHashMap<>();
        claims.put("iss", config.issuer());
        claims.put("sub", identity.subject);
        claims.put("iat", issuedAt.getEpochSecond());
        claims.put("exp", expiresAt.getEpochSecond());
        claims.put("jti", jti);
        putIfPresent(claims, QrClaims.NAME, identity.fullName);
        putIfPresent(claims, QrClaims.NIK, identity.nikMasked);
        putIfPresent(claims, QrClaims.BIRTH_DATE, identity.birthDate == null ? null : identity.birthDate.toString());
        putIfPresent(claims, QrClaims.PHOTO, photoDigest(identity.photoSha256));
        try {
            String token = CompactJws.signEs256(key.headerB64(), JSON.writeValueAsBytes(claims), key.privateKey());
            return new QrToken(token, jti, identity.subject, key.kid(), issuedAt, expiresAt);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("claims of strings and numbers always serialise", e);
        }
    }

    /** 96 random bits: unguessable, and short enough for the QR. */
    private static String newJti() {
        byte[] bytes = new byte[12];
        RANDOM.nextBytes(bytes);
        return CompactJws.base64Url(bytes);
    }

    static String photoDigest(String sha256Hex) {
        if (sha256Hex == null || sha256Hex.length() < 32) {
            return null;
        }
        return CompactJws.base64Url(HexFormat.of().parseHex(sha256Hex.substring(0, 32)));
    }

    private static void putIfPresent(Map<String, Object> claims, String name, String value) {
        if (value != null && !value.isBlank()) {
            claims.put(name, value);
        }
    }
}

package id.go.dukcapil.ikd.token.service;

import java.security.SecureRandom;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Base64;
import java.util.HexFormat;
import java.util.SortedMap;
import java.util.TreeMap;

import jakarta.enterprise.context.ApplicationScoped;

import id.go.dukcapil.ikd.token.config.TokenConfig;
import id.go.dukcapil.ikd.token.crypto.QrCwt;
import id.go.dukcapil.ikd.token.domain.Disclosure;
import id.go.dukcapil.ikd.token.domain.Identity;
import id.go.dukcapil.ikd.token.domain.QrToken;
import id.go.dukcapil.ikd.token.domain.Scopes;
import id.go.dukcapil.ikd.token.domain.SigningKey;

/** Writes and signs the CWT of a QR token, with only the attributes the citizen chose to show. */
@ApplicationScoped
public class QrTokenFactory {

    private static final SecureRandom RANDOM = new SecureRandom();
    /** 128 random bits: unguessable; 16 bytes in the QR. */
    private static final int CTI_BYTES = 16;
    /** Claim 169 writes the date of birth as YYYYMMDD. */
    static final DateTimeFormatter CLAIM_169_DATE = DateTimeFormatter.BASIC_ISO_DATE;

    private final TokenConfig config;

    public QrTokenFactory(TokenConfig config) {
        this.config = config;
    }

    public QrToken mint(Identity identity, SigningKey key, Instant now, Disclosure disclosure) {
        Instant issuedAt = Instant.ofEpochSecond(now.getEpochSecond());
        Instant expiresAt = issuedAt.plus(config.qr().lifetime());
        byte[] cti = new byte[CTI_BYTES];
        RANDOM.nextBytes(cti);
        QrCwt.Claims claims = new QrCwt.Claims(config.issuer(), identity.subject, issuedAt.getEpochSecond(),
                expiresAt.getEpochSecond(), cti, disclosure == Disclosure.MINIMAL ? null : identityData(identity, disclosure));
        String token = QrCwt.write(claims, key.kidBytes(), key.privateKey());
        return new QrToken(token, jti(cti), identity.subject, key.kid(), issuedAt, expiresAt, disclosure);
    }

    /** The token id as text (audit, single-use table): base64url of the cti. */
    public static String jti(byte[] cti) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(cti);
    }

    /**
     * The Claim 169 map of the disclosed attributes the projection holds; possibly empty, never
     * absent for a disclosure other than minimal, so that the cap on the online answer holds.
     */
    static SortedMap<Integer, Object> identityData(Identity identity, Disclosure disclosure) {
        SortedMap<Integer, Object> data = new TreeMap<>();
        for (String scope : disclosure.scopes()) {
            Object value = switch (scope) {
                case Scopes.NAME -> blankToNull(identity.fullName);
                case Scopes.NIK -> blankToNull(identity.nikMasked);
                case Scopes.BIRTH_DATE -> identity.birthDate == null ? null : identity.birthDate.format(CLAIM_169_DATE);
                case Scopes.PHOTO -> photoDigest(identity.photoSha256);
                default -> null;
            };
            if (value != null) {
                data.put(Scopes.ATTRIBUTES.get(scope).claim169(), value);
            }
        }
        return data;
    }

    /** The answer's text of an attribute as the projection holds it (online answers of minimal tokens). */
    public static String answerText(String scope, String fullName, String nikMasked, LocalDate birthDate,
            String photoSha256) {
        return switch (scope) {
            case Scopes.NAME -> blankToNull(fullName);
            case Scopes.NIK -> blankToNull(nikMasked);
            case Scopes.BIRTH_DATE -> birthDate == null ? null : birthDate.toString();
            case Scopes.PHOTO -> {
                byte[] digest = photoDigest(photoSha256);
                yield digest == null ? null : Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
            }
            default -> null;
        };
    }

    /** The first 16 bytes of the SHA-256 of the registry photo. */
    static byte[] photoDigest(String sha256Hex) {
        if (sha256Hex == null || sha256Hex.length() < 32) {
            return null;
        }
        return HexFormat.of().parseHex(sha256Hex.substring(0, 32));
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}

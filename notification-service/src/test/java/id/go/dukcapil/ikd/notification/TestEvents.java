package id.go.dukcapil.ikd.notification;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import org.eclipse.microprofile.config.ConfigProvider;
import org.jose4j.jwe.ContentEncryptionAlgorithmIdentifiers;
import org.jose4j.jwe.JsonWebEncryption;
import org.jose4j.jwe.KeyManagementAlgorithmIdentifiers;
import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.jws.JsonWebSignature;
import org.jose4j.jwt.JwtClaims;

import id.go.dukcapil.ikd.events.ActivationCodeIssued;
import id.go.dukcapil.ikd.events.ActivationCodeIssuedV2;
import id.go.dukcapil.ikd.events.Channel;
import id.go.dukcapil.ikd.events.EventJson;
import id.go.dukcapil.ikd.events.EventType;
import id.go.dukcapil.ikd.events.IdentityActivated;
import id.go.dukcapil.ikd.events.IdentityActivatedV2;
import id.go.dukcapil.ikd.events.IdentityRevoked;
import id.go.dukcapil.ikd.events.IdentityRevokedV2;
import id.go.dukcapil.ikd.events.IkdEvent;
import id.go.dukcapil.ikd.events.OfficeContact;
import id.go.dukcapil.ikd.events.RegistrationSubmitted;
import id.go.dukcapil.ikd.events.RejectionReason;
import id.go.dukcapil.ikd.events.RevocationReason;
import id.go.dukcapil.ikd.events.VerificationDecided;
import id.go.dukcapil.ikd.events.VerifiedAttributes;
import id.go.dukcapil.ikd.web.CaseGrants;
import id.go.dukcapil.ikd.testing.TopicProbe;

/** Builds and publishes the events other services would publish, as they would (CloudEvents binary mode). */
final class TestEvents {

    static final OfficeContact PROBOLINGGO = new OfficeContact("3513-DISDUKCAPIL",
            "Dinas Kependudukan dan Pencatatan Sipil Kabupaten Probolinggo",
            "Jalan Raya Dringu Nomor 901 Desa Kedungdalem Kec. Dringu", "0335-420829",
            "dispendukcapilkabprob@gmail.com", "0813-7770-3600", "http://disdukcapil.probolinggo.kab.go.id");

    /** An office on Central Indonesia Time (Kalimantan Selatan), from its SOP. */
    static final OfficeContact TAPIN = new OfficeContact("6305-DISDUKCAPIL",
            "Dinas Kependudukan dan Pencatatan Sipil Kabupaten Tapin",
            "Jl. Datu Nuraya Kawasan Rantau Baru RT. 1 RW. 1, Kecamatan Tapin Utara, Kabupaten Tapin", null, null, null,
            "https://dukcapil.tapinkab.go.id/", id.go.dukcapil.ikd.events.IndonesianTimeZone.WITA);

    /**
     * An office whose name has everything that breaks a hand-built gateway request: quotes, a
     * backslash, form separators that would add a field, non-ASCII Indonesian punctuation.
     */
    static final OfficeContact HOSTILE_NAMED_OFFICE = new OfficeContact("3273-DISDUKCAPIL",
            "Disdukcapil \"Kota Bandung\" & Cimahi – Jawa Barat\\ \",\"to\":\"+6281199999999&to=+6281199999999&reference=x%20y+z é",
            null, "022-4209891", null, null, null);

    private TestEvents() {
    }

    /** A fresh citizen: unique mailbox and phone number. */
    record Citizen(UUID registrationId, String email, String phone, String language) {
        static Citizen speaking(String language) {
            UUID id = UUID.randomUUID();
            String phone = "+62812" + (10_000_000 + ThreadLocalRandom.current().nextInt(89_999_999));
            return new Citizen(id, "warga-" + id.toString().substring(0, 8) + "@example.id", phone, language);
        }
    }

    static String bootstrap() {
        return ConfigProvider.getConfig().getValue("kafka.bootstrap.servers", String.class);
    }

    static int imapPort() {
        return ConfigProvider.getConfig().getValue("ikd.test.imap-port", Integer.class);
    }

    /** Publishes with a new CloudEvents id and returns it. */
    static String publish(IkdEvent event) {
        String id = UUID.randomUUID().toString();
        publish(event, id);
        return id;
    }

    static void publish(IkdEvent event, String ceId) {
        EventType type = event.eventType();
        publishRaw(type.topic(), event.partitionKey(), EventJson.write(event), type.type(), ceId);
    }

    static void publishRaw(String topic, String key, String value, String ceType, String ceId) {
        TopicProbe.publish(bootstrap(), topic, key, value, Map.of(
                "ce_id", ceId,
                "ce_type", ceType,
                "ce_specversion", "1.0",
                "ce_source", "/ikd/test",
                "content-type", "application/json"));
    }

    static RegistrationSubmitted registrationSubmitted(Citizen citizen, String shortCode) {
        return new RegistrationSubmitted(citizen.registrationId(), "3513014101900001", citizen.email(),
                citizen.phone(), citizen.language(), "{\"kty\":\"EC\"}", "thumbprint", shortCode, "ab".repeat(32),
                Instant.now(), null);
    }

    static VerificationDecided rejected(Citizen citizen, RejectionReason reason, String note) {
        return rejected(citizen, reason, note, PROBOLINGGO);
    }

    /** A rejection by {@code office}, whose name goes into the SMS as it is. */
    static VerificationDecided rejected(Citizen citizen, RejectionReason reason, String note, OfficeContact office) {
        return new VerificationDecided(citizen.registrationId(), UUID.randomUUID(), id.go.dukcapil.ikd.events.Decision.REJECTED,
                reason, note, Channel.COUNTER, null, office, "op-7f3a", Instant.now(), citizen.email(),
                citizen.phone(), citizen.language(), null, null);
    }

    static VerificationDecided approved(Citizen citizen) {
        return new VerificationDecided(citizen.registrationId(), UUID.randomUUID(), id.go.dukcapil.ikd.events.Decision.APPROVED,
                null, null, Channel.VIDEO_CALL, "call-1", PROBOLINGGO, "op-7f3a", Instant.now(), citizen.email(),
                citizen.phone(), citizen.language(), "{\"kty\":\"EC\"}", attributes());
    }

    static ActivationCodeIssued activationCode(Citizen citizen, String sealedSecrets) {
        return activationCode(citizen, sealedSecrets, Instant.now().plus(24, ChronoUnit.HOURS), PROBOLINGGO);
    }

    static ActivationCodeIssued activationCode(Citizen citizen, String sealedSecrets, Instant expiresAt, OfficeContact office) {
        return new ActivationCodeIssued(citizen.registrationId(), UUID.randomUUID(), sealedSecrets, expiresAt, 1,
                citizen.email(), citizen.phone(), citizen.language(), office);
    }

    static IdentityActivated activated(Citizen citizen) {
        return new IdentityActivated(UUID.randomUUID(), citizen.registrationId(), "subj-" + UUID.randomUUID(),
                attributes(), "thumbprint", Instant.now(), citizen.email(), citizen.phone(), citizen.language(),
                PROBOLINGGO);
    }

    static IdentityRevoked revoked(Citizen citizen, RevocationReason reason) {
        return new IdentityRevoked(UUID.randomUUID(), citizen.registrationId(), "subj-1", reason,
                reason == RevocationReason.REPLACED_BY_NEW_DEVICE ? UUID.randomUUID() : null, Instant.now(),
                citizen.email(), citizen.phone(), citizen.language(), PROBOLINGGO);
    }

    /** The same code as activation-service publishes it with {@code ikd.activation.events.version=v2}. */
    static ActivationCodeIssuedV2 activationCodeV2(Citizen citizen, String sealedSecrets) {
        return activationCode(citizen, sealedSecrets).withoutContact();
    }

    static IdentityActivatedV2 activatedV2(Citizen citizen) {
        return activated(citizen).withoutContact("351301********01");
    }

    static IdentityRevokedV2 revokedV2(Citizen citizen, RevocationReason reason) {
        return revoked(citizen, reason).withoutContact();
    }

    private static VerifiedAttributes attributes() {
        return new VerifiedAttributes("3513014101900001", "SITI AMINAH", "PROBOLINGGO", LocalDate.of(1990, 1, 1),
                "PEREMPUAN", "JL. RAYA DRINGU 1", "003/007", "KEDUNGDALEM", "35.13.01", "DRINGU", "PROBOLINGGO",
                "JAWA TIMUR", "ISLAM", "KAWIN", "WIRASWASTA", "WNI", "PRINTED", "ab".repeat(32));
    }

    /** Seals a PIN and link to the notifier's public key, as activation-service does. */
    static String seal(String pin, String activationUrl) {
        return sealWith(publicKey(), "{\"pin\":\"" + pin + "\",\"activationUrl\":\"" + activationUrl + "\"}");
    }

    static String sealWith(PublicKey key, String plaintext) {
        try {
            JsonWebEncryption jwe = new JsonWebEncryption();
            jwe.setAlgorithmHeaderValue(KeyManagementAlgorithmIdentifiers.ECDH_ES_A256KW);
            jwe.setEncryptionMethodHeaderParameter(ContentEncryptionAlgorithmIdentifiers.AES_256_GCM);
            jwe.setKey(key);
            jwe.setPayload(plaintext);
            return jwe.getCompactSerialization();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** The notifier's public key, to seal other contents than a PIN and link. */
    static PublicKey publicKeyForTests() {
        return publicKey();
    }

    static String randomPin() {
        return String.format("%06d", ThreadLocalRandom.current().nextInt(1_000_000));
    }

    private static PublicKey publicKey() {
        String location = ConfigProvider.getConfig().getValue("ikd.test.sealing.public-key-location", String.class);
        try {
            byte[] der = Base64.getMimeDecoder().decode(Files.readString(Path.of(location))
                    .replaceAll("-----(BEGIN|END) PUBLIC KEY-----", ""));
            return KeyFactory.getInstance("EC").generatePublic(new X509EncodedKeySpec(der));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** A suite bearer token (ES256, suite issuer) with the given groups, as verification-service issues. */
    static String bearer(String... groups) {
        return "Bearer " + sign(claims("ops-test", "ikd", null, groups));
    }

    /** An operator of {@code office} (the operator's token carries the office claim). */
    static String operatorBearer(String group, String office) {
        return "Bearer " + sign(claims("ops-test", "ikd", office, group));
    }

    /** The case grant verification-service issues to operator {@code subject} of {@code office}. */
    static String caseGrant(String subject, UUID registrationId, String office) {
        JwtClaims claims = claims(subject, CaseGrants.AUDIENCE, office);
        claims.setClaim(CaseGrants.REGISTRATION_CLAIM, registrationId.toString());
        claims.setExpirationTimeMinutesInTheFuture(2);
        return sign(claims);
    }

    private static JwtClaims claims(String subject, String audience, String office, String... groups) {
        JwtClaims claims = new JwtClaims();
        claims.setIssuer(ConfigProvider.getConfig().getValue("mp.jwt.verify.issuer", String.class));
        claims.setSubject(subject);
        claims.setAudience(audience);
        claims.setIssuedAtToNow();
        claims.setExpirationTimeMinutesInTheFuture(10);
        if (groups.length > 0) {
            claims.setStringListClaim("groups", List.of(groups));
        }
        if (office != null) {
            claims.setClaim("office", office);
        }
        return claims;
    }

    private static String sign(JwtClaims claims) {
        String location = ConfigProvider.getConfig().getValue("smallrye.jwt.sign.key.location", String.class);
        try {
            Path path = location.startsWith("file:") ? Path.of(java.net.URI.create(location)) : Path.of(location);
            byte[] der = Base64.getMimeDecoder().decode(Files.readString(path)
                    .replaceAll("-----(BEGIN|END) PRIVATE KEY-----", ""));
            PrivateKey key = KeyFactory.getInstance("EC").generatePrivate(new PKCS8EncodedKeySpec(der));
            JsonWebSignature jws = new JsonWebSignature();
            jws.setAlgorithmHeaderValue(AlgorithmIdentifiers.ECDSA_USING_P256_CURVE_AND_SHA256);
            jws.setHeader("typ", id.go.dukcapil.ikd.web.BearerTokenTypes.OPERATOR);
            jws.setKey(key);
            jws.setPayload(claims.toJson());
            return jws.getCompactSerialization();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}

package id.go.dukcapil.ikd.token;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PrivateKey;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Base64;
import java.util.Map;
import java.util.UUID;

import org.eclipse.microprofile.config.ConfigProvider;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import id.go.dukcapil.ikd.events.EventJson;
import id.go.dukcapil.ikd.events.EventType;
import id.go.dukcapil.ikd.events.IdentityActivated;
import id.go.dukcapil.ikd.events.IdentityRevoked;
import id.go.dukcapil.ikd.events.IkdEvent;
import id.go.dukcapil.ikd.events.OfficeContact;
import id.go.dukcapil.ikd.events.RevocationReason;
import id.go.dukcapil.ikd.events.Topics;
import id.go.dukcapil.ikd.events.VerifiedAttributes;
import id.go.dukcapil.ikd.testing.IkdTestResource;
import id.go.dukcapil.ikd.testing.TopicProbe;
import id.go.dukcapil.ikd.token.crypto.Base45;
import id.go.dukcapil.ikd.token.domain.SigningKey;
import id.go.dukcapil.ikd.web.BearerTokenTypes;
import id.go.dukcapil.ikd.web.PinProofKeys;
import io.restassured.http.ContentType;
import io.smallrye.jwt.build.Jwt;

/** Citizens, PIN proofs, relying parties and admins as the rest of the suite would make them. */
final class Fixtures {

    static final ObjectMapper JSON = new ObjectMapper();
    static final String NIK = "3201014501900001";

    private Fixtures() {
    }

    /** An activated identity, delivered through Kafka like activation-service does. */
    record Citizen(UUID identityId, UUID registrationId, String subject) {
    }

    static Citizen activatedCitizen() {
        Citizen citizen = new Citizen(UUID.randomUUID(), UUID.randomUUID(), "sub-" + UUID.randomUUID());
        publish(activated(citizen, Instant.now()));
        awaitMintable(citizen);
        return citizen;
    }

    /** An activated identity whose registry photo has {@code photoSha256}. */
    static Citizen activatedCitizen(String photoSha256) {
        Citizen citizen = new Citizen(UUID.randomUUID(), UUID.randomUUID(), "sub-" + UUID.randomUUID());
        IdentityActivated event = activated(citizen, Instant.now());
        VerifiedAttributes a = event.attributes();
        publish(new IdentityActivated(event.identityId(), event.registrationId(), event.subject(),
                new VerifiedAttributes(a.nik(), a.fullName(), a.birthPlace(), a.birthDate(), a.sex(), a.address(),
                        a.rtRw(), a.villageName(), a.districtCode(), a.districtName(), a.regencyName(), a.provinceName(),
                        a.religion(), a.maritalStatus(), a.occupation(), a.nationality(), a.ktpElStatus(), photoSha256),
                event.deviceKeyThumbprint(), event.activatedAt(), event.email(), event.phone(), event.language(),
                event.office()));
        awaitMintable(citizen);
        return citizen;
    }

    static IdentityActivated activated(Citizen citizen, Instant at) {
        VerifiedAttributes attributes = new VerifiedAttributes(NIK, "SITI AMINAH", "BANDUNG", LocalDate.of(1990, 1, 5),
                "PEREMPUAN", "JL. MERDEKA NO. 1", "003/007", "CIBEUNYING", "32.01.01", "CIBINONG", "KABUPATEN BOGOR",
                "JAWA BARAT", "ISLAM", "KAWIN", "KARYAWAN SWASTA", "WNI", "PRINTED",
                "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08");
        return new IdentityActivated(citizen.identityId(), citizen.registrationId(), citizen.subject(), attributes,
                "thumbprint", at, "siti@example.id", "+6281234567890", "id", office());
    }

    static IdentityRevoked revoked(Citizen citizen) {
        return new IdentityRevoked(citizen.identityId(), citizen.registrationId(), citizen.subject(),
                RevocationReason.CITIZEN_REQUEST, null, Instant.now(), "siti@example.id", "+6281234567890", "id",
                office());
    }

    static void publish(IkdEvent event) {
        EventType type = event.eventType();
        TopicProbe.publish(bootstrap(), Topics.IDENTITY, event.partitionKey(), EventJson.write(event), Map.of(
                "ce_id", UUID.randomUUID().toString(), "ce_type", type.type(), "ce_source", "/ikd/activation-service",
                "ce_specversion", "1.0", "content-type", "application/json"));
    }

    /** Waits until the projection lets this citizen mint (each try spends one fresh PIN proof). */
    static void awaitMintable(Citizen citizen) {
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(300))
                .until(() -> mintRequest(citizen.subject(), pinProof(citizen.subject())).statusCode() == 201);
    }

    static io.restassured.response.Response mintRequest(String subject, String pinProof) {
        return given().auth().oauth2(citizenJwt(subject)).contentType(ContentType.JSON)
                .body(Map.of("pinProof", pinProof)).post("/api/v1/qr-tokens");
    }

    static io.restassured.response.Response mintRequest(String subject, String pinProof, String disclosure) {
        return given().auth().oauth2(citizenJwt(subject)).contentType(ContentType.JSON)
                .body(Map.of("pinProof", pinProof, "disclosure", disclosure)).post("/api/v1/qr-tokens");
    }

    /** Mints a QR token (the default, minimal disclosure) for the citizen and returns its text (IKD1:…). */
    static String mint(Citizen citizen) {
        return mint(citizen, Duration.ZERO);
    }

    /** Mints a QR token showing what {@code disclosure} names. */
    static String mint(Citizen citizen, String disclosure) {
        return mintRequest(citizen.subject(), pinProof(citizen.subject()), disclosure).then().statusCode(201).extract()
                .path("token");
    }

    /** Mints while the service's clock runs {@code clockOffset} ahead: the PIN proof is issued in that time too. */
    static String mint(Citizen citizen, Duration clockOffset) {
        String proof = pinProof(citizen.subject(), "ikd-pin-proof+jwt", Instant.now().plus(clockOffset).plusSeconds(60));
        return mintRequest(citizen.subject(), proof).then().statusCode(201).extract().path("token");
    }

    /** The COSE_Sign1 of a QR credential, decoded with PeterO's CBOR (not the Jackson CBOR that wrote it). */
    static com.upokecenter.cbor.CBORObject cose(String token) {
        return com.upokecenter.cbor.CBORObject.DecodeFromBytes(Base45.decode(token.substring("IKD1:".length())));
    }

    /** The CWT claims of a QR credential. */
    static com.upokecenter.cbor.CBORObject cwtClaims(String token) {
        return com.upokecenter.cbor.CBORObject.DecodeFromBytes(cose(token).get(2).GetByteString());
    }

    /** The kid of either format: for the QR credential, the base64url of the protected header's kid. */
    static String kid(String token) {
        if (token.startsWith("IKD1:")) {
            return b64(com.upokecenter.cbor.CBORObject.DecodeFromBytes(cose(token).get(0).GetByteString())
                    .get(com.upokecenter.cbor.CBORObject.FromObject(4)).GetByteString());
        }
        return header(token).get("kid").asText();
    }

    /** The token id of either format, as the audit events carry it. */
    static String jti(String token) {
        if (token.startsWith("IKD1:")) {
            return Base64.getUrlEncoder().withoutPadding()
                    .encodeToString(cwtClaims(token).get(com.upokecenter.cbor.CBORObject.FromObject(7)).GetByteString());
        }
        return claims(token).get("jti").asText();
    }

    /**
     * A QR token of the former format, as token-service minted them before the QR credential: a
     * compact JWS (ES256, typ ikd-qr+jwt) signed with {@code key}, written by jose4j.
     */
    static String legacyJws(String subject, SigningKey key, Instant issuedAt) {
        return legacyJws(subject, key.kid(), key.privateKey(), issuedAt, "ikd-qr+jwt");
    }

    static String legacyJws(String subject, String kid, PrivateKey key, Instant issuedAt, String typ) {
        org.jose4j.jwt.JwtClaims claims = new org.jose4j.jwt.JwtClaims();
        claims.setIssuer(IkdTestResource.ISSUER);
        claims.setSubject(subject);
        claims.setIssuedAt(org.jose4j.jwt.NumericDate.fromSeconds(issuedAt.getEpochSecond()));
        claims.setExpirationTime(org.jose4j.jwt.NumericDate.fromSeconds(issuedAt.getEpochSecond() + 90));
        claims.setJwtId(UUID.randomUUID().toString().substring(0, 16));
        claims.setClaim("nm", "SITI AMINAH");
        claims.setClaim("nik", "320101********01");
        claims.setClaim("bd", "1990-01-05");
        claims.setClaim("ph", "n4bQgYhMfWWaL-qgxVrQFQ");
        org.jose4j.jws.JsonWebSignature jws = new org.jose4j.jws.JsonWebSignature();
        jws.setPayload(claims.toJson());
        jws.setAlgorithmHeaderValue(org.jose4j.jws.AlgorithmIdentifiers.ECDSA_USING_P256_CURVE_AND_SHA256);
        jws.setHeader("typ", typ);
        jws.setKeyIdHeaderValue(kid);
        jws.setKey(key);
        try {
            return jws.getCompactSerialization();
        } catch (org.jose4j.lang.JoseException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A P-256 key pair nobody publishes. */
    static java.security.KeyPair attackerKeys() {
        try {
            java.security.KeyPairGenerator generator = java.security.KeyPairGenerator.getInstance("EC");
            generator.initialize(new java.security.spec.ECGenParameterSpec("secp256r1"));
            return generator.generateKeyPair();
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    static String citizenJwt(String subject) {
        return Jwt.issuer(IkdTestResource.ISSUER).subject(subject).audience("token-service").groups("citizen")
                .expiresIn(600).jws().type(BearerTokenTypes.CITIZEN).sign();
    }

    static String adminJwt() {
        return Jwt.issuer(IkdTestResource.ISSUER).subject("admin-1").audience("ikd").groups("admin").expiresIn(600)
                .jws().type(BearerTokenTypes.OPERATOR).sign();
    }

    /** A relying party's access token with {@code scope}; registers the client first (an existing one is kept). */
    static String verifierJwt(String clientId, String scope) {
        given().auth().oauth2(adminJwt()).contentType(ContentType.JSON)
                .body(Map.of("clientId", clientId, "name", "Test client", "scopes", java.util.List.of("ikd.name")))
                .post("/api/v1/admin/relying-parties").then().statusCode(org.hamcrest.Matchers.oneOf(201, 409));
        return Jwt.issuer(IkdTestResource.ISSUER).subject(clientId).audience("token-service").groups("verifier")
                .claim("scope", scope).expiresIn(600).jws().type(BearerTokenTypes.VERIFIER).sign();
    }

    static String pinProof(String subject) {
        return pinProof(subject, "ikd-pin-proof+jwt", Instant.now().plusSeconds(60));
    }

    /** A PIN proof as activation-service issues it: compact JWS, HS256 with the shared PIN-proof key. */
    static String pinProof(String subject, String typ, Instant expiresAt) {
        return pinProof(subject, typ, expiresAt, pinProofKeys().currentKid(), pinProofKeys().currentKey());
    }

    static String pinProof(String subject, String typ, Instant expiresAt, String kid, javax.crypto.SecretKey key) {
        return Jwt.issuer(IkdTestResource.ISSUER).subject(subject).audience("token-service")
                .claim("jti", UUID.randomUUID().toString()).issuedAt(Instant.now()).expiresAt(expiresAt)
                .jws().algorithm(io.smallrye.jwt.algorithm.SignatureAlgorithm.HS256).keyId(kid).type(typ).sign(key);
    }

    /** The PIN-proof key of the test profile (platform/web's %test default). */
    static PinProofKeys pinProofKeys() {
        return PinProofKeys.of(ConfigProvider.getConfig().unwrap(io.smallrye.config.SmallRyeConfig.class)
                .getConfigMapping(PinProofKeys.Config.class));
    }

    static PrivateKey suitePrivateKey() {
        String location = ConfigProvider.getConfig().getValue("smallrye.jwt.sign.key.location", String.class);
        try {
            String pem = Files.readString(location.startsWith("file:") ? Path.of(URI.create(location)) : Path.of(location));
            String base64 = pem.replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
            return java.security.KeyFactory.getInstance("EC")
                    .generatePrivate(new java.security.spec.PKCS8EncodedKeySpec(Base64.getDecoder().decode(base64)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    static String bootstrap() {
        return ConfigProvider.getConfig().getValue("kafka.bootstrap.servers", String.class);
    }

    static JsonNode header(String jws) {
        return part(jws, 0);
    }

    static JsonNode claims(String jws) {
        return part(jws, 1);
    }

    private static JsonNode part(String jws, int index) {
        try {
            return JSON.readTree(Base64.getUrlDecoder().decode(jws.split("\\.")[index]));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A compact JWS written out by hand, as an attacker would: any header, ES256 with any key. */
    static String jws(String headerJson, String claimsJson, PrivateKey key) {
        String signingInput = b64(headerJson) + "." + b64(claimsJson);
        try {
            java.security.Signature signer = java.security.Signature.getInstance("SHA256withECDSAinP1363Format");
            signer.initSign(key);
            signer.update(signingInput.getBytes(StandardCharsets.US_ASCII));
            return signingInput + "." + b64(signer.sign());
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    static String b64(byte[] bytes) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /**
     * Whether the QR credential's COSE signature verifies with the key the JWKS publishes under the
     * kid of its protected header: the Sig_structure built with PeterO's CBOR, the key read by jose4j.
     */
    static boolean verifiesWithJwks(String token) throws Exception {
        com.upokecenter.cbor.CBORObject sign1 = cose(token);
        byte[] kid = com.upokecenter.cbor.CBORObject.DecodeFromBytes(sign1.get(0).GetByteString())
                .get(com.upokecenter.cbor.CBORObject.FromObject(4)).GetByteString();
        String jwks = given().get("/.well-known/jwks.json").then().statusCode(200).extract().asString();
        org.jose4j.jwk.JsonWebKey jwk = new org.jose4j.jwk.JsonWebKeySet(jwks).findJsonWebKey(b64(kid), "EC", "sig", "ES256");
        if (jwk == null) {
            return false;
        }
        com.upokecenter.cbor.CBORObject toBeSigned = com.upokecenter.cbor.CBORObject.NewArray().Add("Signature1")
                .Add(sign1.get(0)).Add(new byte[0]).Add(sign1.get(2));
        java.security.Signature verifier = java.security.Signature.getInstance("SHA256withECDSAinP1363Format");
        verifier.initVerify((java.security.PublicKey) jwk.getKey());
        verifier.update(toBeSigned.EncodeToBytes());
        return verifier.verify(sign1.get(3).GetByteString());
    }

    static String b64(String text) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }

    private static OfficeContact office() {
        return new OfficeContact("3201-DISDUKCAPIL", "Disdukcapil Kabupaten Bogor", null, null, null, null, null);
    }
}

package id.go.dukcapil.ikd.activation.support;

import static io.restassured.RestAssured.given;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.PrivateKey;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.config.ConfigProvider;
import org.jose4j.jca.ProviderContext;
import org.jose4j.jwa.AlgorithmConstraints;
import org.jose4j.jwe.ContentEncryptionAlgorithmIdentifiers;
import org.jose4j.jwe.JsonWebEncryption;
import org.jose4j.jwe.KeyManagementAlgorithmIdentifiers;
import org.jose4j.lang.JoseException;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import id.go.dukcapil.ikd.events.ContactCorrected;
import id.go.dukcapil.ikd.events.ActivationCodeIssued;
import id.go.dukcapil.ikd.events.IkdEvent;
import id.go.dukcapil.ikd.events.Channel;
import id.go.dukcapil.ikd.events.Decision;
import id.go.dukcapil.ikd.events.EventJson;
import id.go.dukcapil.ikd.events.EventType;
import id.go.dukcapil.ikd.events.OfficeContact;
import id.go.dukcapil.ikd.events.RegistrationWithdrawn;
import id.go.dukcapil.ikd.events.RejectionReason;
import id.go.dukcapil.ikd.events.VerificationDecided;
import id.go.dukcapil.ikd.events.VerifiedAttributes;
import id.go.dukcapil.ikd.testing.TopicProbe;
import io.restassured.http.ContentType;

/** The parts of the citizen's journey that happen elsewhere: the approval, the email, the browser's search. */
public final class Journey {

    private static final ObjectMapper JSON = new ObjectMapper();
    public static final LocalDate BIRTH_DATE = LocalDate.of(1990, 8, 15);

    private Journey() {
    }

    public static String bootstrap() {
        return ConfigProvider.getConfig().getValue("kafka.bootstrap.servers", String.class);
    }

    /** A fresh NIK of a man born on 15-08-1990 in Kabupaten Bandung. */
    public static String newNik() {
        return "320412" + "150890" + String.format("%04d", ThreadLocalRandom.current().nextInt(1, 10_000));
    }

    public static VerificationDecided approval(UUID registrationId, String nik, Device device) {
        VerifiedAttributes attributes = new VerifiedAttributes(nik, "BUDI SANTOSO", "BANDUNG", BIRTH_DATE, "LAKI-LAKI",
                "JL. MERDEKA NO. 1", "003/007", "CIBEUNYING", "32.04.12", "CIMENYAN", "KABUPATEN BANDUNG", "JAWA BARAT",
                "ISLAM", "KAWIN", "KARYAWAN SWASTA", "WNI", "PRINTED", null);
        return new VerificationDecided(registrationId, UUID.randomUUID(), Decision.APPROVED, null, null, Channel.COUNTER,
                null, office(), "op-7f3a", Instant.now(), "budi." + registrationId + "@example.id", "+6281234567890", "id",
                device.publicJwk(), attributes);
    }

    public static VerificationDecided rejection(UUID registrationId) {
        return new VerificationDecided(registrationId, UUID.randomUUID(), Decision.REJECTED, RejectionReason.DATA_MISMATCH,
                null, Channel.COUNTER, null, office(), "op-7f3a", Instant.now(), "citizen@example.id", "+6281234567890",
                "id", null, null);
    }

    private static OfficeContact office() {
        return new OfficeContact("3204-DISDUKCAPIL", "Disdukcapil Kabupaten Bandung", "Jl. Raya Soreang", "022-5891691",
                "disdukcapil@bandungkab.go.id", null, "https://disdukcapil.bandungkab.go.id");
    }

    /** Publishes a decision as verification-service's relay does (CloudEvents binary mode); returns the event id. */
    public static String publish(VerificationDecided decided) {
        String eventId = UUID.randomUUID().toString();
        publish(decided, eventId);
        return eventId;
    }

    public static void publish(VerificationDecided decided, String eventId) {
        publish(decided, eventId, decided.partitionKey());
    }

    public static void publish(VerificationDecided decided, String eventId, String key) {
        EventType type = EventType.of(VerificationDecided.class);
        TopicProbe.publish(bootstrap(), type.topic(), key, EventJson.write(decided), Map.of(
                "ce_id", eventId,
                "ce_type", type.type(),
                "ce_specversion", "1.0",
                "ce_source", "/ikd/verification-service",
                "content-type", "application/json"));
    }

    /** Publishes any event as its producer's relay does; returns the event id. */
    public static String publishEvent(IkdEvent event, String eventId) {
        EventType type = event.eventType();
        TopicProbe.publish(bootstrap(), type.topic(), event.partitionKey(), EventJson.write(event), Map.of(
                "ce_id", eventId,
                "ce_type", type.type(),
                "ce_specversion", "1.0",
                "ce_source", "/ikd/" + type.topic().substring("ikd.".length()) + "-service",
                "content-type", "application/json"));
        return eventId;
    }

    /** Publishes a contact correction as verification-service's relay does; returns the event id. */
    public static String publish(ContactCorrected corrected) {
        String eventId = UUID.randomUUID().toString();
        publish(corrected, eventId);
        return eventId;
    }

    public static void publish(ContactCorrected corrected, String eventId) {
        EventType type = EventType.of(ContactCorrected.class);
        TopicProbe.publish(bootstrap(), type.topic(), corrected.partitionKey(), EventJson.write(corrected), Map.of(
                "ce_id", eventId,
                "ce_type", type.type(),
                "ce_specversion", "1.0",
                "ce_source", "/ikd/verification-service",
                "content-type", "application/json"));
    }

    /** The email corrected at the counter of the test office. */
    public static ContactCorrected emailCorrected(UUID registrationId, String previousEmail, String newEmail) {
        return new ContactCorrected(UUID.randomUUID(), registrationId, newEmail, "+6281234567890", previousEmail, null,
                "id", office(), java.time.Instant.now());
    }

    /** Publishes a withdrawal as registration-service's relay does. */
    public static void publish(RegistrationWithdrawn withdrawn) {
        EventType type = EventType.of(RegistrationWithdrawn.class);
        TopicProbe.publish(bootstrap(), type.topic(), withdrawn.partitionKey(), EventJson.write(withdrawn), Map.of(
                "ce_id", UUID.randomUUID().toString(),
                "ce_type", type.type(),
                "ce_specversion", "1.0",
                "ce_source", "/ikd/registration-service",
                "content-type", "application/json"));
    }

    public record Secrets(String pin, String activationUrl, String linkToken) {
    }

    /** Approves a new registration and reads the activation code the notifier would send. */
    public static Approved approve(TopicProbe activationTopic, Device device, String nik) {
        return approve(activationTopic, UUID.randomUUID(), approval -> approval, device, nik);
    }

    /** Approves with {@code change} applied to the approval (another photo digest, another office). */
    public static Approved approve(TopicProbe activationTopic, UUID registrationId,
            java.util.function.UnaryOperator<VerificationDecided> change, Device device, String nik) {
        publish(change.apply(approval(registrationId, nik, device)));
        ConsumerRecord<String, String> issued = activationTopic.await(codeIssuedFor(registrationId), Duration.ofSeconds(30));
        return new Approved(registrationId, nik, unseal(issued));
    }

    public record Approved(UUID registrationId, String nik, Secrets secrets) {
    }

    public static java.util.function.Predicate<ConsumerRecord<String, String>> codeIssuedFor(UUID registrationId) {
        return TopicProbe.ofType(EventType.of(ActivationCodeIssued.class).type())
                .and(record -> registrationId.toString().equals(record.key()));
    }

    public static Secrets unseal(ConsumerRecord<String, String> record) {
        ActivationCodeIssued event = EventJson.read(record.value(), ActivationCodeIssued.class);
        return unseal(event.sealedSecrets(), NotifierKeysResource.notifierPrivateKey());
    }

    /** Opens the JWE as notification-service does; throws when the key is not the notifier's. */
    public static Secrets unseal(String jwe, PrivateKey key) {
        try {
            JsonWebEncryption decryption = new JsonWebEncryption();
            decryption.setAlgorithmConstraints(new AlgorithmConstraints(AlgorithmConstraints.ConstraintType.PERMIT,
                    KeyManagementAlgorithmIdentifiers.ECDH_ES_A256KW));
            decryption.setContentEncryptionAlgorithmConstraints(new AlgorithmConstraints(
                    AlgorithmConstraints.ConstraintType.PERMIT, ContentEncryptionAlgorithmIdentifiers.AES_256_GCM));
            decryption.setProviderContext(new ProviderContext());
            decryption.setCompactSerialization(jwe);
            decryption.setKey(key);
            JsonNode secrets = JSON.readTree(decryption.getPayload());
            String url = secrets.get("activationUrl").asText();
            return new Secrets(secrets.get("pin").asText(), url, url.substring(url.indexOf("?t=") + 3));
        } catch (JoseException e) {
            throw new IllegalStateException("cannot open the sealed secrets: " + e.getMessage(), e);
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Opens a DeactivationLinkIssued's sealed link as notification-service does; returns the link. */
    public static String unsealDeactivationLink(String jwe) {
        try {
            JsonWebEncryption decryption = new JsonWebEncryption();
            decryption.setAlgorithmConstraints(new AlgorithmConstraints(AlgorithmConstraints.ConstraintType.PERMIT,
                    KeyManagementAlgorithmIdentifiers.ECDH_ES_A256KW));
            decryption.setContentEncryptionAlgorithmConstraints(new AlgorithmConstraints(
                    AlgorithmConstraints.ConstraintType.PERMIT, ContentEncryptionAlgorithmIdentifiers.AES_256_GCM));
            decryption.setProviderContext(new ProviderContext());
            decryption.setCompactSerialization(jwe);
            decryption.setKey(NotifierKeysResource.notifierPrivateKey());
            return JSON.readTree(decryption.getPayload()).get("deactivationUrl").asText();
        } catch (JoseException | java.io.IOException e) {
            throw new IllegalStateException("cannot open the sealed link: " + e.getMessage(), e);
        }
    }

    /** A solved captcha challenge, field by field (a test may tamper with them). */
    public record SolvedCaptcha(String challenge, long number, String salt, String signature) {
        /** What the page submits: base64 of the ALTCHA payload JSON. */
        public String payload() {
            String solution = "{\"algorithm\":\"SHA-256\",\"challenge\":\"" + challenge + "\",\"number\":" + number
                    + ",\"salt\":\"" + salt + "\",\"signature\":\"" + signature + "\"}";
            return Base64.getEncoder().encodeToString(solution.getBytes(StandardCharsets.UTF_8));
        }

        public SolvedCaptcha with(String newSalt, long newNumber) {
            return new SolvedCaptcha(challenge, newNumber, newSalt, signature);
        }
    }

    /** Fetches a captcha challenge and searches its number, as the page's script does. */
    public static SolvedCaptcha solveCaptcha() {
        JsonNode challenge;
        try {
            challenge = JSON.readTree(given().get("/api/v1/activations/captcha-challenge").then().statusCode(200)
                    .extract().asString());
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
        String salt = challenge.get("salt").asText();
        String target = challenge.get("challenge").asText();
        for (long number = 0; number <= challenge.get("maxnumber").asLong(); number++) {
            if (sha256Hex(salt + number).equals(target)) {
                return new SolvedCaptcha(target, number, salt, challenge.get("signature").asText());
            }
        }
        throw new AssertionError("the captcha challenge has no solution");
    }

    public static String solvedCaptcha() {
        return solveCaptcha().payload();
    }

    /** POST /api/v1/activations with a freshly solved captcha. */
    public static io.restassured.response.ValidatableResponse activate(String linkToken, String pin) {
        return activate(linkToken, pin, solvedCaptcha());
    }

    public static io.restassured.response.ValidatableResponse activate(String linkToken, String pin, String captcha) {
        return given().contentType(ContentType.JSON)
                .body(Map.of("linkToken", linkToken, "pin", pin, "captcha", captcha))
                .post("/api/v1/activations").then();
    }

    public static String wrongPin(String pin) {
        return String.format("%06d", (Integer.parseInt(pin) + 1) % 1_000_000);
    }

    private static String sha256Hex(String value) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}

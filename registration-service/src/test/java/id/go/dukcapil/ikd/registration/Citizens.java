package id.go.dukcapil.ikd.registration;

import static io.restassured.RestAssured.given;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.KeyPairGenerator;
import java.security.interfaces.ECPublicKey;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

import javax.imageio.ImageIO;

import id.go.dukcapil.ikd.events.EventJson;
import id.go.dukcapil.ikd.events.IkdEvent;
import id.go.dukcapil.ikd.web.CaseGrants;
import id.go.dukcapil.ikd.testing.TopicProbe;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import io.smallrye.jwt.algorithm.SignatureAlgorithm;
import io.smallrye.jwt.build.Jwt;

/** Test data as the IKD app would send it, and events as the other services would publish them. */
final class Citizens {

    static final String SECRET_HEADER = "X-Registration-Secret";

    private Citizens() {
    }

    /** A valid NIK of Kabupaten Bandung (32.04.12), unique enough for one test run. */
    static String nik() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        int day = 1 + random.nextInt(28) + (random.nextBoolean() ? 40 : 0);
        int month = 1 + random.nextInt(12);
        int year = random.nextInt(100);
        int serial = 1 + random.nextInt(9999);
        return "320412" + "%02d%02d%02d%04d".formatted(day, month, year, serial);
    }

    static String email() {
        return "warga." + UUID.randomUUID().toString().substring(0, 8) + "@Example.ID";
    }

    /** A fresh public EC P-256 JWK, as the app generates one per installation. */
    static String deviceKey() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
            generator.initialize(new ECGenParameterSpec("secp256r1"));
            ECPublicKey key = (ECPublicKey) generator.generateKeyPair().getPublic();
            return "{\"kty\":\"EC\",\"crv\":\"P-256\",\"x\":\"" + coordinate(key.getW().getAffineX()) + "\",\"y\":\""
                    + coordinate(key.getW().getAffineY()) + "\"}";
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String coordinate(BigInteger value) {
        byte[] raw = value.toByteArray();
        byte[] fixed = new byte[32];
        int copy = Math.min(raw.length, 32);
        System.arraycopy(raw, raw.length - copy, fixed, 32 - copy, copy);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(fixed);
    }

    static byte[] image(String format, int width, int height) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D graphics = image.createGraphics();
        graphics.setColor(new Color(0xE0C8A8));
        graphics.fillRect(0, 0, width, height);
        graphics.setColor(new Color(0x503020));
        graphics.fillOval(width / 4, height / 5, width / 2, height * 3 / 5);
        graphics.dispose();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try {
            ImageIO.write(image, format, bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    static byte[] selfie() {
        return image("jpeg", 480, 640);
    }

    /** A registration form; each value may be replaced to make it invalid. */
    static Map<String, String> form(String nik) {
        return new java.util.HashMap<>(Map.of(
                "nik", nik,
                "email", email(),
                "phone", "0812-3456-" + (1000 + ThreadLocalRandom.current().nextInt(9000)),
                "language", "id",
                "deviceKey", deviceKey()));
    }

    static Response register(Map<String, String> fields, byte[] selfie, String fileName, String mimeType) {
        RequestSpecification request = given().multiPart("selfie", fileName, selfie, mimeType);
        fields.forEach(request::multiPart);
        return request.post("/api/v1/registrations");
    }

    static Response register(Map<String, String> fields) {
        return register(fields, selfie(), "selfie.jpg", "image/jpeg");
    }

    /**
     * The requests sent at once, each from a thread of its own released together with the others,
     * and their answers in the same order.
     */
    static List<Response> atOnce(List<Callable<Response>> requests) throws Exception {
        CountDownLatch start = new CountDownLatch(1);
        try (ExecutorService clients = Executors.newFixedThreadPool(requests.size())) {
            List<Future<Response>> sent = new ArrayList<>();
            for (Callable<Response> request : requests) {
                sent.add(clients.submit(() -> {
                    start.await();
                    return request.call();
                }));
            }
            start.countDown();
            List<Response> answers = new ArrayList<>();
            for (Future<Response> answer : sent) {
                answers.add(answer.get(2, TimeUnit.MINUTES));
            }
            return answers;
        }
    }

    /** Registers a valid citizen and returns {id, secret}. */
    static String[] registered() {
        Response response = register(form(nik()));
        response.then().statusCode(202);
        return new String[] { response.path("registrationId"), response.path("registrationSecret") };
    }

    static String operatorToken(String group) {
        return Jwt.issuer("https://ikd.dukcapil.go.id").subject("op-test").groups(group).claim("office", "3204-DISDUKCAPIL")
                .audience("ikd").expiresIn(Duration.ofMinutes(10))
                .jws().algorithm(SignatureAlgorithm.ES256).type(id.go.dukcapil.ikd.web.BearerTokenTypes.OPERATOR).sign();
    }

    /**
     * An operator of the test office with the case grant verification-service would issue for
     * that registration: what the selfie endpoint wants.
     */
    static RequestSpecification asOperatorOfTheCase(String group, String registrationId) {
        return given().auth().oauth2(operatorToken(group))
                .header(CaseGrants.HEADER, caseGrant("op-test", registrationId, "3204-DISDUKCAPIL"));
    }

    static String caseGrant(String operator, String registrationId, String office) {
        return Jwt.issuer("https://ikd.dukcapil.go.id").subject(operator).audience(CaseGrants.AUDIENCE)
                .claim(CaseGrants.REGISTRATION_CLAIM, registrationId).claim(CaseGrants.OFFICE_CLAIM, office)
                .expiresIn(Duration.ofMinutes(2)).jws().algorithm(SignatureAlgorithm.ES256).sign();
    }

    static String operatorToken(String group, String office) {
        return Jwt.issuer("https://ikd.dukcapil.go.id").subject("op-test").groups(group).claim("office", office)
                .audience("ikd").expiresIn(Duration.ofMinutes(10))
                .jws().algorithm(SignatureAlgorithm.ES256).type(id.go.dukcapil.ikd.web.BearerTokenTypes.OPERATOR).sign();
    }

    /** Publishes an event as another service's outbox relay would (CloudEvents binary mode). */
    static String publish(String bootstrap, IkdEvent event) {
        String eventId = UUID.randomUUID().toString();
        publish(bootstrap, event, eventId);
        return eventId;
    }

    static void publish(String bootstrap, IkdEvent event, String eventId) {
        TopicProbe.publish(bootstrap, event.eventType().topic(), event.partitionKey(), EventJson.write(event), Map.of(
                "ce_id", eventId,
                "ce_type", event.eventType().type(),
                "ce_specversion", "1.0",
                "ce_source", "/ikd/test",
                "content-type", "application/json"));
    }
}

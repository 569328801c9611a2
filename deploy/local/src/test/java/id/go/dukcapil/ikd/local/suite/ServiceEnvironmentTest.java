package id.go.dukcapil.ikd.local.suite;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyFactory;
import java.security.interfaces.ECPrivateKey;
import java.security.interfaces.ECPublicKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import id.go.dukcapil.ikd.local.infra.LocalPorts;

class ServiceEnvironmentTest {

    @TempDir
    Path keyDir;

    private ServiceEnvironment.Context context() {
        return new ServiceEnvironment.Context(LocalPorts.standard(),
                LocalKeys.inDirectory(keyDir, ServiceEnvironment.secretNames()));
    }

    @Test
    void everyServiceGetsItsOwnDatabaseKafkaAndTheSuiteKeys() {
        ServiceEnvironment.Context context = context();
        for (SuiteService service : SuiteService.values()) {
            Map<String, String> env = ServiceEnvironment.of(service, context);
            assertThat(env)
                    .containsEntry("QUARKUS_HTTP_PORT", Integer.toString(service.port()))
                    .containsEntry("QUARKUS_DATASOURCE_REACTIVE_URL", "postgresql://127.0.0.1:54320/" + service.database())
                    .containsEntry("QUARKUS_DATASOURCE_JDBC_URL", "jdbc:postgresql://127.0.0.1:54320/" + service.database())
                    .containsEntry("QUARKUS_DATASOURCE_USERNAME", "postgres")
                    .containsEntry("KAFKA_BOOTSTRAP_SERVERS", "127.0.0.1:19092")
                    .containsEntry("MP_JWT_VERIFY_ISSUER", "https://ikd.dukcapil.go.id")
                    .containsEntry("SMALLRYE_JWT_NEW_TOKEN_ISSUER", "https://ikd.dukcapil.go.id")
                    .containsEntry("MP_JWT_VERIFY_PUBLICKEY_LOCATION", keyDir.resolve("jwt-public.pem").toUri().toString())
                    .containsEntry("SMALLRYE_JWT_SIGN_KEY_LOCATION", keyDir.resolve("jwt-private.pem").toUri().toString());
        }
    }

    @Test
    void serviceSpecificSettingsReachOnlyTheirService() {
        ServiceEnvironment.Context context = context();
        Map<String, String> notification = ServiceEnvironment.of(SuiteService.NOTIFICATION, context);
        assertThat(notification)
                .containsEntry("IKD_NOTIFICATION_SMS_URL", "http://127.0.0.1:8026/sms")
                .containsEntry("QUARKUS_MAILER_HOST", "127.0.0.1")
                .containsEntry("QUARKUS_MAILER_PORT", "2525")
                .containsEntry("QUARKUS_MAILER_MOCK", "false")
                .containsKey("IKD_NOTIFICATION_SEALING_PRIVATE_KEY_LOCATION")
                .doesNotContainKeys("IKD_REGISTRATION_SELFIE_KEY", "IKD_ACTIVATION_HASH_KEY");
        assertThat(ServiceEnvironment.of(SuiteService.ACTIVATION, context))
                .containsEntry("IKD_ACTIVATION_PUBLIC_URL", "http://localhost:8083")
                .containsEntry("IKD_ACTIVATION_EVENTS_VERSION", "v2")
                .containsKeys("IKD_ACTIVATION_SEALING_NOTIFIER_PUBLIC_KEY_LOCATION", "IKD_ACTIVATION_HASH_KEY",
                        "IKD_APP_PIN_PEPPER")
                .doesNotContainKeys("IKD_NOTIFICATION_SEALING_PRIVATE_KEY_LOCATION", "IKD_TOKEN_KEY_ENCRYPTION_KEY");
        assertThat(ServiceEnvironment.of(SuiteService.VERIFICATION, context))
                .containsEntry("IKD_VERIFICATION_REGISTRATION_URL", "http://127.0.0.1:8081")
                .containsEntry("IKD_VERIFICATION_DEMO_ENABLED", "true")
                .containsEntry("IKD_VERIFICATION_EVENTS_VERSION", "v3")
                .containsKey("IKD_VERIFICATION_COMPLAINTS_CAPTCHA_KEY").containsKey("IKD_VIDEO_CALL_STILLS_KEY");
        assertThat(ServiceEnvironment.of(SuiteService.REGISTRATION, context)).containsKey("IKD_REGISTRATION_SELFIE_KEY")
                // the demo and the e2e, hostile and load tests register with a still photo
                .containsEntry("IKD_REGISTRATION_SELFIE_LIVENESS_REQUIRED", "false");
        assertThat(ServiceEnvironment.of(SuiteService.TOKEN, context))
                .containsKey("IKD_TOKEN_KEY_ENCRYPTION_KEY")
                .containsEntry("IKD_TOKEN_RELYING_PARTIES_DEMO_CLIENT_ENABLED", "true");
    }

    @Test
    void secretsAreRandom256BitValuesGeneratedOnceAndKept() {
        Map<String, String> first = ServiceEnvironment.of(SuiteService.REGISTRATION, context());
        Map<String, String> again = ServiceEnvironment.of(SuiteService.REGISTRATION, context());

        String selfieKey = first.get("IKD_REGISTRATION_SELFIE_KEY");
        assertThat(Base64.getDecoder().decode(selfieKey)).hasSize(32);
        assertThat(again.get("IKD_REGISTRATION_SELFIE_KEY")).isEqualTo(selfieKey);
        // selfie, activation hash, app-PIN pepper, token key encryption, complaint captcha, PIN proof, video-call stills
        assertThat(context().keys().secrets().values()).doesNotHaveDuplicates().hasSize(7);
    }

    @Test
    void activationAndTokenServiceShareThePinProofKeyAndNoOtherServiceGetsIt() {
        ServiceEnvironment.Context context = context();
        String key = ServiceEnvironment.of(SuiteService.ACTIVATION, context).get("IKD_PIN_PROOF_KEY");
        assertThat(Base64.getDecoder().decode(key)).hasSize(32);
        assertThat(ServiceEnvironment.of(SuiteService.TOKEN, context)).containsEntry("IKD_PIN_PROOF_KEY", key);
        for (SuiteService other : List.of(SuiteService.REGISTRATION, SuiteService.VERIFICATION, SuiteService.NOTIFICATION)) {
            assertThat(ServiceEnvironment.of(other, context)).as("%s", other).doesNotContainKey("IKD_PIN_PROOF_KEY");
        }
    }

    @Test
    void onlyActivationServiceGetsTheAppPinPepper() {
        ServiceEnvironment.Context context = context();
        assertThat(Base64.getDecoder().decode(ServiceEnvironment.of(SuiteService.ACTIVATION, context)
                .get("IKD_APP_PIN_PEPPER"))).hasSize(32);
        for (SuiteService other : List.of(SuiteService.REGISTRATION, SuiteService.VERIFICATION, SuiteService.TOKEN,
                SuiteService.NOTIFICATION)) {
            assertThat(ServiceEnvironment.of(other, context)).as("%s", other).doesNotContainKey("IKD_APP_PIN_PEPPER");
        }
    }

    @Test
    void theNotifierSealingKeysArePemP256AndFormAPair() throws Exception {
        ServiceEnvironment.Context context = context();
        Path publicPem = Path.of(ServiceEnvironment.of(SuiteService.ACTIVATION, context)
                .get("IKD_ACTIVATION_SEALING_NOTIFIER_PUBLIC_KEY_LOCATION"));
        Path privatePem = Path.of(ServiceEnvironment.of(SuiteService.NOTIFICATION, context)
                .get("IKD_NOTIFICATION_SEALING_PRIVATE_KEY_LOCATION"));

        KeyFactory ec = KeyFactory.getInstance("EC");
        ECPublicKey publicKey = (ECPublicKey) ec.generatePublic(new X509EncodedKeySpec(der(publicPem, "PUBLIC KEY")));
        ECPrivateKey privateKey = (ECPrivateKey) ec.generatePrivate(new PKCS8EncodedKeySpec(der(privatePem, "PRIVATE KEY")));
        assertThat(publicKey.getParams().getCurve().getField().getFieldSize()).isEqualTo(256);
        // the public point is the private scalar times the generator: check through a signature
        java.security.Signature signer = java.security.Signature.getInstance("SHA256withECDSA");
        signer.initSign(privateKey);
        signer.update("ikd".getBytes());
        byte[] signature = signer.sign();
        java.security.Signature verifier = java.security.Signature.getInstance("SHA256withECDSA");
        verifier.initVerify(publicKey);
        verifier.update("ikd".getBytes());
        assertThat(verifier.verify(signature)).isTrue();
    }

    @Test
    void onOtherPortsEveryServiceBindsItsOwnAndTheLinksBetweenThemFollow() {
        ServicePorts ports = ServicePorts.free();
        ServiceEnvironment.Context context = new ServiceEnvironment.Context(LocalPorts.standard(), ports,
                LocalKeys.inDirectory(keyDir, ServiceEnvironment.secretNames()));
        for (SuiteService service : SuiteService.values()) {
            assertThat(ServiceEnvironment.of(service, context))
                    .containsEntry("QUARKUS_HTTP_PORT", Integer.toString(ports.of(service)));
        }
        String registration = "http://localhost:" + ports.of(SuiteService.REGISTRATION);
        assertThat(ServiceEnvironment.of(SuiteService.VERIFICATION, context))
                .containsEntry("IKD_VERIFICATION_REGISTRATION_URL", "http://127.0.0.1:" + ports.of(SuiteService.REGISTRATION));
        assertThat(ServiceEnvironment.of(SuiteService.ACTIVATION, context))
                .containsEntry("IKD_ACTIVATION_PUBLIC_URL", "http://localhost:" + ports.of(SuiteService.ACTIVATION))
                .hasEntrySatisfying("IKD_WEB_CORS_ORIGINS", origins -> assertThat(origins).startsWith(registration + ","));
        assertThat(ServiceEnvironment.of(SuiteService.TOKEN, context))
                .hasEntrySatisfying("IKD_WEB_CORS_ORIGINS", origins -> assertThat(origins).startsWith(registration + ","));
        assertThat(ServiceEnvironment.of(SuiteService.REGISTRATION, context))
                .containsEntry("IKD_REGISTRATION_APP_ACTIVATION_URL", "http://localhost:" + ports.of(SuiteService.ACTIVATION))
                .containsEntry("IKD_REGISTRATION_APP_TOKEN_URL", "http://localhost:" + ports.of(SuiteService.TOKEN));
    }

    @Test
    void privateKeysAndSecretsAreTheOwnersOnly() throws Exception {
        Path dir = keyDir.resolve("keys");
        LocalKeys keys = LocalKeys.inDirectory(dir, ServiceEnvironment.secretNames());
        assertThat(mode(dir)).isEqualTo("rwx------");
        assertThat(mode(keys.jwt().privateKeyPem())).isEqualTo("rw-------");
        assertThat(mode(keys.sealingPrivateKey())).isEqualTo("rw-------");
        assertThat(mode(dir.resolve(LocalKeys.SECRETS_FILE))).isEqualTo("rw-------");

        // files an older ./ikd left with the default modes are narrowed on the next start
        for (Path file : List.of(keys.jwt().privateKeyPem(), keys.sealingPrivateKey(), dir.resolve(LocalKeys.SECRETS_FILE))) {
            Files.setPosixFilePermissions(file, java.nio.file.attribute.PosixFilePermissions.fromString("rw-r--r--"));
        }
        Files.setPosixFilePermissions(dir, java.nio.file.attribute.PosixFilePermissions.fromString("rwxr-xr-x"));
        LocalKeys again = LocalKeys.inDirectory(dir, ServiceEnvironment.secretNames());
        assertThat(again.secrets()).isEqualTo(keys.secrets());
        assertThat(mode(dir)).isEqualTo("rwx------");
        assertThat(mode(again.jwt().privateKeyPem())).isEqualTo("rw-------");
        assertThat(mode(again.sealingPrivateKey())).isEqualTo("rw-------");
        assertThat(mode(dir.resolve(LocalKeys.SECRETS_FILE))).isEqualTo("rw-------");
    }

    private static String mode(Path path) throws Exception {
        return java.nio.file.attribute.PosixFilePermissions.toString(Files.getPosixFilePermissions(path));
    }

    private static byte[] der(Path pem, String type) throws Exception {
        String text = Files.readString(pem);
        assertThat(text).startsWith("-----BEGIN " + type + "-----");
        return Base64.getMimeDecoder().decode(text.replaceAll("-----[A-Z ]+-----", ""));
    }

    @Test
    void behindTheHaGatewayTheServicesTrustItsForwardingAndLinkToItsHosts() {
        LocalKeys keys = LocalKeys.inDirectory(keyDir, ServiceEnvironment.secretNames());
        ServiceEnvironment.Context ha = new ServiceEnvironment.Context(LocalPorts.standard(), ServicePorts.standard(), keys,
                "127.0.0.1:19092,127.0.0.1:19093,127.0.0.1:19094",
                Map.of("api", "http://localhost:8480", "aktivasi", "http://localhost:8482"));
        for (SuiteService service : SuiteService.values()) {
            assertThat(ServiceEnvironment.of(service, ha))
                    .containsEntry("KAFKA_BOOTSTRAP_SERVERS", "127.0.0.1:19092,127.0.0.1:19093,127.0.0.1:19094")
                    .containsEntry("QUARKUS_HTTP_PROXY_PROXY_ADDRESS_FORWARDING", "true")
                    .containsEntry("QUARKUS_HTTP_PROXY_ALLOW_X_FORWARDED", "true")
                    .containsEntry("QUARKUS_HTTP_PROXY_TRUSTED_PROXIES", "127.0.0.1");
            assertThat(ServiceEnvironment.of(service, context())).doesNotContainKeys(
                    "QUARKUS_HTTP_PROXY_PROXY_ADDRESS_FORWARDING", "QUARKUS_HTTP_PROXY_TRUSTED_PROXIES");
        }
        assertThat(ServiceEnvironment.of(SuiteService.REGISTRATION, ha))
                .containsEntry("IKD_REGISTRATION_APP_ACTIVATION_URL", "http://localhost:8480")
                .containsEntry("IKD_REGISTRATION_APP_TOKEN_URL", "http://localhost:8480");
        assertThat(ServiceEnvironment.of(SuiteService.ACTIVATION, ha))
                .containsEntry("IKD_ACTIVATION_PUBLIC_URL", "http://localhost:8482")
                .containsEntry("IKD_WEB_CORS_ORIGINS", "http://localhost:8480,http://127.0.0.1:8480");
        assertThat(ServiceEnvironment.of(SuiteService.VERIFICATION, ha))
                .containsEntry("IKD_VERIFICATION_REGISTRATION_URL", "http://127.0.0.1:8081");
    }
}

package id.go.dukcapil.ikd.local.suite;

import static id.go.dukcapil.ikd.local.suite.SuiteService.ACTIVATION;
import static id.go.dukcapil.ikd.local.suite.SuiteService.NOTIFICATION;
import static id.go.dukcapil.ikd.local.suite.SuiteService.REGISTRATION;
import static id.go.dukcapil.ikd.local.suite.SuiteService.TOKEN;
import static id.go.dukcapil.ikd.local.suite.SuiteService.VERIFICATION;

import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import id.go.dukcapil.ikd.local.infra.LocalInfrastructure;
import id.go.dukcapil.ikd.local.infra.LocalPorts;

/**
 * The environment {@code ./ikd up} gives each service: THE table to extend when a service needs
 * one more setting. One row per variable: its name, which services receive it (least
 * privilege: a secret goes only to its owner), and its value. A row made with
 * {@link #secret(SuiteService, String)} also makes {@link LocalKeys} generate a random 256-bit
 * value for it once.
 */
public final class ServiceEnvironment {

    public static final String ISSUER = "https://ikd.dukcapil.go.id";

    /**
     * What a value is computed from: the ports (infrastructure and services), the keys, the Kafka
     * brokers, and in the HA topology the gateway's public hosts ({@code publicUrls}: host name of
     * deploy/routes.yaml to base URL; empty in the single topology, where each service is its own
     * public host).
     */
    public record Context(LocalPorts ports, ServicePorts services, LocalKeys keys, String kafkaBootstrapServers,
            Map<String, String> publicUrls) {

        public Context {
            publicUrls = Map.copyOf(publicUrls);
        }

        /** The single topology: one broker on {@link LocalPorts#kafka()}, no gateway. */
        public Context(LocalPorts ports, ServicePorts services, LocalKeys keys) {
            this(ports, services, keys, ports.kafkaBootstrapServers(), Map.of());
        }

        /** The services on their contract ports, as {@code ./ikd up} runs them. */
        public Context(LocalPorts ports, LocalKeys keys) {
            this(ports, ServicePorts.standard(), keys);
        }

        public boolean behindGateway() {
            return !publicUrls.isEmpty();
        }

        /** The gateway's base URL of public host {@code host} in the HA topology, else {@code direct}. */
        String publicUrl(String host, String direct) {
            return publicUrls.getOrDefault(host, direct);
        }
    }

    @FunctionalInterface
    public interface Value {
        String of(Context context, SuiteService service);
    }

    public record Variable(String name, Set<SuiteService> services, boolean secret, Value value) {
    }

    private static final Set<SuiteService> EVERY_SERVICE = EnumSet.allOf(SuiteService.class);

    static final List<Variable> TABLE = List.of(
            // the contract ports (the services' own defaults too; set so that what we wait on is what they bind)
            every("QUARKUS_HTTP_PORT", (c, s) -> Integer.toString(c.services().of(s))),
            every("QUARKUS_DATASOURCE_REACTIVE_URL",
                    (c, s) -> "postgresql://127.0.0.1:" + c.ports().postgres() + "/" + s.database()),
            every("QUARKUS_DATASOURCE_JDBC_URL",
                    (c, s) -> "jdbc:postgresql://127.0.0.1:" + c.ports().postgres() + "/" + s.database()),
            every("QUARKUS_DATASOURCE_USERNAME", (c, s) -> LocalInfrastructure.POSTGRES_USER),
            every("QUARKUS_DATASOURCE_PASSWORD", (c, s) -> LocalInfrastructure.POSTGRES_PASSWORD),
            // Flyway's first connection at start: ten JVMs starting on two cores can wait longer than the 5 s default
            every("QUARKUS_DATASOURCE_JDBC_ACQUISITION_TIMEOUT", (c, s) -> "60S"),
            every("KAFKA_BOOTSTRAP_SERVERS", (c, s) -> c.kafkaBootstrapServers()),
            every("MP_JWT_VERIFY_PUBLICKEY_LOCATION", (c, s) -> c.keys().jwt().publicKeyPem().toUri().toString()),
            every("MP_JWT_VERIFY_ISSUER", (c, s) -> ISSUER),
            every("SMALLRYE_JWT_SIGN_KEY_LOCATION", (c, s) -> c.keys().jwt().privateKeyPem().toUri().toString()),
            every("SMALLRYE_JWT_NEW_TOKEN_ISSUER", (c, s) -> ISSUER),
            // .ikd/logs is read by people: plain lines instead of production's JSON
            every("QUARKUS_LOG_CONSOLE_JSON_ENABLED", (c, s) -> "false"),

            secret(REGISTRATION, "IKD_REGISTRATION_SELFIE_KEY"),
            // the moving selfie (challenge and frames) is required in production; locally a still still
            // registers, because ./ikd demo, the e2e, hostile and load tests send a still photo
            to(REGISTRATION, "IKD_REGISTRATION_SELFIE_LIVENESS_REQUIRED", (c, s) -> "false"),
            // behind the HA gateway: the client's address from X-Forwarded-For, set by the gateway
            // (which replaces what a client sent) and trusted from loopback only
            every("QUARKUS_HTTP_PROXY_PROXY_ADDRESS_FORWARDING", (c, s) -> c.behindGateway() ? "true" : null),
            every("QUARKUS_HTTP_PROXY_ALLOW_X_FORWARDED", (c, s) -> c.behindGateway() ? "true" : null),
            every("QUARKUS_HTTP_PROXY_TRUSTED_PROXIES", (c, s) -> c.behindGateway() ? "127.0.0.1" : null),

            // where the citizen app (served by registration-service) calls, and who may call from it
            // (CORS); in the HA topology all three are on the gateway's api host
            to(REGISTRATION, "IKD_REGISTRATION_APP_ACTIVATION_URL",
                    (c, s) -> c.publicUrl("api", c.services().baseUrl(ACTIVATION))),
            to(REGISTRATION, "IKD_REGISTRATION_APP_TOKEN_URL", (c, s) -> c.publicUrl("api", c.services().baseUrl(TOKEN))),
            new Variable("IKD_WEB_CORS_ORIGINS", EnumSet.of(ACTIVATION, TOKEN), false,
                    (c, s) -> c.behindGateway() ? origins(c.publicUrls().get("api"))
                            : origins(c.services().baseUrl(REGISTRATION))),

            // verification-service's public pages (office directory, complaints), linked from the app, the
            // activation page and every email
            to(REGISTRATION, "IKD_REGISTRATION_APP_PAGES_URL", (c, s) -> c.publicUrl("api", c.services().baseUrl(VERIFICATION))),
            to(ACTIVATION, "IKD_ACTIVATION_PUBLIC_PAGES_URL", (c, s) -> c.publicUrl("api", c.services().baseUrl(VERIFICATION))),
            to(NOTIFICATION, "IKD_NOTIFICATION_PUBLIC_PAGES_URL",
                    (c, s) -> c.publicUrl("api", c.services().baseUrl(VERIFICATION))),
            // the complaint form's captcha key (ALTCHA HMAC)
            secret(VERIFICATION, "IKD_VERIFICATION_COMPLAINTS_CAPTCHA_KEY"),
            secret(VERIFICATION, "IKD_VIDEO_CALL_STILLS_KEY"),
            to(VERIFICATION, "IKD_VERIFICATION_REGISTRATION_URL",
                    (c, s) -> "http://127.0.0.1:" + c.services().of(REGISTRATION)),
            // the registry photo (KTP Digital card, ikd.photo relying parties) is fetched from verification-service
            to(TOKEN, "IKD_TOKEN_VERIFICATION_URL", (c, s) -> "http://127.0.0.1:" + c.services().of(VERIFICATION)),
            to(ACTIVATION, "IKD_ACTIVATION_VERIFICATION_URL", (c, s) -> "http://127.0.0.1:" + c.services().of(VERIFICATION)),

            // the activation link in the PIN email
            to(ACTIVATION, "IKD_ACTIVATION_PUBLIC_URL", (c, s) -> c.publicUrl("aktivasi", c.services().baseUrl(ACTIVATION))),
            to(ACTIVATION, "IKD_ACTIVATION_SEALING_NOTIFIER_PUBLIC_KEY_LOCATION",
                    (c, s) -> c.keys().sealingPublicKey().toAbsolutePath().toString()),
            secret(ACTIVATION, "IKD_ACTIVATION_HASH_KEY"),
            // the pepper of app-PIN hashes (HMAC-SHA256), kept outside the database
            secret(ACTIVATION, "IKD_APP_PIN_PEPPER"),

            secret(TOKEN, "IKD_TOKEN_KEY_ENCRYPTION_KEY"),
            // app-PIN proofs: activation-service MACs them, token-service checks them (one key for both)
            sharedSecret(EnumSet.of(ACTIVATION, TOKEN), "IKD_PIN_PROOF_KEY"),

            // the local suite is for trying the journey: the services' demo data and accounts on
            to(VERIFICATION, "IKD_VERIFICATION_DEMO_ENABLED", (c, s) -> "true"),
            to(TOKEN, "IKD_TOKEN_RELYING_PARTIES_DEMO_CLIENT_ENABLED", (c, s) -> "true"),

            // one release on one machine: every consumer reads the contact-free .v2 events and the
            // .v3 decision with its card topic (issue 21), so the producers publish them
            // (docs/operations.md, Upgrade, is for a rolling upgrade)
            to(ACTIVATION, "IKD_ACTIVATION_EVENTS_VERSION", (c, s) -> "v2"),
            to(VERIFICATION, "IKD_VERIFICATION_EVENTS_VERSION", (c, s) -> "v3"),

            to(NOTIFICATION, "IKD_NOTIFICATION_SEALING_PRIVATE_KEY_LOCATION",
                    (c, s) -> c.keys().sealingPrivateKey().toAbsolutePath().toString()),
            to(NOTIFICATION, "IKD_NOTIFICATION_SMS_URL", (c, s) -> c.ports().smsUrl()),
            to(NOTIFICATION, "QUARKUS_MAILER_HOST", (c, s) -> "127.0.0.1"),
            to(NOTIFICATION, "QUARKUS_MAILER_PORT", (c, s) -> Integer.toString(c.ports().smtp())),
            to(NOTIFICATION, "QUARKUS_MAILER_MOCK", (c, s) -> "false"));

    private ServiceEnvironment() {
    }

    /** The variables {@code service} receives, in table order. */
    public static Map<String, String> of(SuiteService service, Context context) {
        Map<String, String> environment = new LinkedHashMap<>();
        for (Variable variable : TABLE) {
            String value = variable.services().contains(service) ? variable.value().of(context, service) : null;
            if (value != null) { // null: not set in this topology
                environment.put(variable.name(), value);
            }
        }
        return environment;
    }

    /** The names of the rows whose value is a generated local secret. */
    public static List<String> secretNames() {
        return TABLE.stream().filter(Variable::secret).map(Variable::name).toList();
    }

    /** {@code http://localhost:P} and {@code http://127.0.0.1:P}: a browser may use either name. */
    private static String origins(String localhostUrl) {
        return localhostUrl + "," + localhostUrl.replace("://localhost:", "://127.0.0.1:");
    }

    private static Variable every(String name, Value value) {
        return new Variable(name, EVERY_SERVICE, false, value);
    }

    private static Variable to(SuiteService receiver, String name, Value value) {
        return new Variable(name, EnumSet.of(receiver), false, value);
    }

    private static Variable secret(SuiteService owner, String name) {
        return sharedSecret(EnumSet.of(owner), name);
    }

    private static Variable sharedSecret(EnumSet<SuiteService> owners, String name) {
        return new Variable(name, owners, true, (c, s) -> c.keys().secret(name));
    }
}

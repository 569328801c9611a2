package id.go.dukcapil.ikd.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * Points a {@code @QuarkusTest} at the real infrastructure of {@link Infrastructure#shared()}:
 * the Kafka broker, the service's own PostgreSQL database (init arg {@code database}), the SMTP
 * server, and the suite's JWT keys.
 *
 * <pre>
 * &#64;QuarkusTestResource(value = IkdTestResource.class, initArgs = &#64;ResourceArg(name = "database", value = "registration"))
 * </pre>
 */
public class IkdTestResource implements QuarkusTestResourceLifecycleManager {

    public static final String ISSUER = "https://ikd.dukcapil.go.id";

    private String database = "ikd";

    @Override
    public void init(Map<String, String> initArgs) {
        database = initArgs.getOrDefault("database", database);
    }

    @Override
    public Map<String, String> start() {
        Infrastructure infra = Infrastructure.shared();
        infra.database(database);
        SuiteKeys keys = SuiteKeys.inDirectory(keyDirectory());

        Map<String, String> config = new HashMap<>();
        config.put("kafka.bootstrap.servers", infra.kafkaBootstrapServers());
        config.put("quarkus.datasource.username", infra.postgresUser());
        config.put("quarkus.datasource.password", infra.postgresPassword());
        config.put("quarkus.datasource.reactive.url", infra.reactiveUrl(database));
        config.put("quarkus.datasource.jdbc.url", infra.jdbcUrl(database));
        config.put("quarkus.mailer.host", "127.0.0.1");
        config.put("quarkus.mailer.port", Integer.toString(infra.smtpPort()));
        config.put("quarkus.mailer.mock", "false");
        config.put("ikd.test.imap-port", Integer.toString(infra.imapPort()));
        config.put("mp.jwt.verify.publickey.location", keys.publicKeyPem().toUri().toString());
        config.put("mp.jwt.verify.issuer", ISSUER);
        config.put("smallrye.jwt.sign.key.location", keys.privateKeyPem().toUri().toString());
        config.put("smallrye.jwt.new-token.issuer", ISSUER);
        return config;
    }

    @Override
    public void stop() {
        // The infrastructure lives as long as the JVM: other test classes reuse it.
    }

    private static Path keyDirectory() {
        String existing = System.getProperty("ikd.infra.keys");
        if (existing != null) {
            return Path.of(existing);
        }
        try {
            Path dir = Files.createTempDirectory("ikd-test-keys-");
            System.setProperty("ikd.infra.keys", dir.toString());
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

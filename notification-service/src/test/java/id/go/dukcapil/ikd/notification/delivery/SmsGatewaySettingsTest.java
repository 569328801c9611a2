package id.go.dukcapil.ikd.notification.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;

import jakarta.ws.rs.core.MultivaluedHashMap;

import org.junit.jupiter.api.Test;

import id.go.dukcapil.ikd.notification.config.NotificationConfig;
import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfig;
import io.smallrye.config.SmallRyeConfigBuilder;

/**
 * The SMS settings as ops write them (the real {@code @ConfigMapping}, from properties): what is
 * refused before the service starts, and which credentials header each setting produces.
 */
class SmsGatewaySettingsTest {

    @Test
    void withoutSmsSettingsTheSuiteContractAndNoCredentialsApply() {
        NotificationConfig config = config(Map.of());

        assertThat(config.sms().method()).isEqualTo(NotificationConfig.Sms.Method.POST);
        assertThat(config.sms().contentType()).isEqualTo(NotificationConfig.Sms.ContentType.JSON);
        assertThat(SmsRequestTemplate.from(config.sms()).render("+6281234567890", "Halo", "r-1", null))
                .isEqualTo("{\"to\":\"+6281234567890\",\"message\":\"Halo\",\"reference\":\"r-1\"}");
        assertThat(headers(config)).isEmpty();
        assertThat(config.deadLetterTopic()).isEqualTo("ikd.dlq.notification-service");
    }

    @Test
    void aFormGatewayWithoutATemplateGetsTheSuiteFieldsFormEncoded() {
        NotificationConfig config = config(Map.of("ikd.notification.sms.content-type", "FORM",
                "ikd.notification.sms.method", "PUT"));

        assertThat(config.sms().method()).isEqualTo(NotificationConfig.Sms.Method.PUT);
        assertThat(SmsRequestTemplate.from(config.sms()).render("+6281234567890", "Halo Bu", "r-1", null))
                .isEqualTo("to=%2B6281234567890&message=Halo+Bu&reference=r-1");
    }

    @Test
    void aTemplateWithAnUnknownPlaceholderIsRefusedWithTheSettingsName() {
        NotificationConfig config = config(Map.of("ikd.notification.sms.body-template",
                "{\"to\":\"{{to}}\",\"text\":\"{{message}}\",\"key\":\"{{apikey}}\"}"));

        assertThatThrownBy(() -> SmsRequestTemplate.from(config.sms()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("ikd.notification.sms.body-template")
                .hasMessageContaining("unknown placeholder {{apikey}}");
    }

    @Test
    void eachKindOfCredentialsBecomesItsHeader() {
        assertThat(headers(config(Map.of("ikd.notification.sms.token", "t0k3n"))))
                .containsExactly(Map.entry("Authorization", java.util.List.of("Bearer t0k3n")));
        assertThat(headers(config(Map.of("ikd.notification.sms.basic-username", "ikd",
                "ikd.notification.sms.basic-password", "rahasia:ü"))))
                .containsExactly(Map.entry("Authorization", java.util.List.of("Basic "
                        + Base64.getEncoder().encodeToString("ikd:rahasia:ü".getBytes(StandardCharsets.UTF_8)))));
        assertThat(headers(config(Map.of("ikd.notification.sms.api-key", "k-123",
                "ikd.notification.sms.api-key-header", "X-Gateway-Key"))))
                .containsExactly(Map.entry("X-Gateway-Key", java.util.List.of("k-123")));
        assertThat(headers(config(Map.of("ikd.notification.sms.api-key", "k-123"))))
                .containsOnlyKeys("X-API-Key");
    }

    @Test
    void ambiguousOrIncompleteCredentialsAreRefused() {
        assertThatThrownBy(() -> new SmsGatewayCredentials(config(Map.of("ikd.notification.sms.token", "t",
                "ikd.notification.sms.api-key", "k"))))
                .hasMessageContaining("configure one kind of credentials, not token and api-key");
        assertThatThrownBy(() -> new SmsGatewayCredentials(config(Map.of("ikd.notification.sms.basic-username", "ikd"))))
                .hasMessageContaining("basic-username and basic-password go together");
        assertThatThrownBy(() -> new SmsGatewayCredentials(config(Map.of("ikd.notification.sms.api-key", "k",
                "ikd.notification.sms.api-key-header", "X-Key: y\r\nX-Other"))))
                .hasMessageContaining("is not an HTTP header name");
    }

    @Test
    void theCredentialsNeverShowInTheirDescription() {
        SmsGatewayCredentials credentials = new SmsGatewayCredentials(config(Map.of("ikd.notification.sms.token", "t0k3n")));
        assertThat(credentials.toString()).doesNotContain("t0k3n");
    }

    private static Map<String, java.util.List<String>> headers(NotificationConfig config) {
        return new SmsGatewayCredentials(config).update(new MultivaluedHashMap<>(), new MultivaluedHashMap<>());
    }

    /** The service's settings that have no default, plus {@code sms}. */
    private static NotificationConfig config(Map<String, String> sms) {
        Map<String, String> properties = new HashMap<>(Map.of(
                "ikd.notification.sealing.private-key-location", "/nonexistent.pem",
                "ikd.notification.sms.url", "http://127.0.0.1:9/sms",
                "ikd.notification.dispatch.interval", "2s",
                "ikd.notification.dispatch.reconcile-interval", "1m",
                "mp.messaging.connector.smallrye-kafka.dead-letter-queue.topic", "ikd.dlq.notification-service"));
        properties.putAll(sms);
        SmallRyeConfig config = new SmallRyeConfigBuilder()
                .addDefaultInterceptors() // ${...} expressions, as in Quarkus
                .withSources(new PropertiesConfigSource(properties, "test", 100))
                // "30s" as Quarkus reads durations
                .withConverter(java.time.Duration.class, 100, new io.quarkus.runtime.configuration.DurationConverter())
                .withMapping(NotificationConfig.class)
                .build();
        return config.getConfigMapping(NotificationConfig.class);
    }
}

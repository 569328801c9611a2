package id.go.dukcapil.ikd.notification;

import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

import org.apache.kafka.clients.consumer.ConsumerRecord;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.client.WireMock;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;

import id.go.dukcapil.ikd.events.DeliveryStatus;
import id.go.dukcapil.ikd.events.EventJson;
import id.go.dukcapil.ikd.events.NotificationChannel;
import id.go.dukcapil.ikd.events.NotificationStatus;
import id.go.dukcapil.ikd.notification.TestEvents.Citizen;
import id.go.dukcapil.ikd.testing.TopicProbe;

/** What the gateway tests read back: the requests WireMock received and the SMS statuses on Kafka. */
final class SmsGatewayRequests {

    static final Duration PATIENCE = Duration.ofSeconds(30);

    private SmsGatewayRequests() {
    }

    static WireMock gateway(int port) {
        return new WireMock("127.0.0.1", port);
    }

    /** Every request the gateway received, whatever its method and path. */
    static List<LoggedRequest> received(int port) {
        return gateway(port).find(anyRequestedFor(anyUrl()));
    }

    static NotificationStatus awaitSmsStatus(TopicProbe statuses, Citizen citizen, DeliveryStatus status) {
        ConsumerRecord<String, String> record = statuses.await(forCitizen(citizen).and(r -> {
            NotificationStatus s = EventJson.read(r.value(), NotificationStatus.class);
            return s.channel() == NotificationChannel.SMS && s.status() == status;
        }), PATIENCE);
        return EventJson.read(record.value(), NotificationStatus.class);
    }

    static Predicate<ConsumerRecord<String, String>> forCitizen(Citizen citizen) {
        return TopicProbe.ofType("id.go.dukcapil.ikd.notification.status.v1")
                .and(r -> citizen.registrationId().toString().equals(r.key()));
    }

    /** A form body as the gateway decodes it, fields in their order. */
    static Map<String, String> formFields(String body) {
        assertThat(body).doesNotContain(" ", "\n", "\"");
        Map<String, String> fields = new LinkedHashMap<>();
        Arrays.stream(body.split("&")).map(pair -> pair.split("=", 2)).forEach(pair -> assertThat(
                fields.put(URLDecoder.decode(pair[0], StandardCharsets.UTF_8),
                        URLDecoder.decode(pair[1], StandardCharsets.UTF_8))).as("field %s only once", pair[0]).isNull());
        return fields;
    }

    /** The field names of a JSON object, in order. */
    static List<String> fieldNames(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }
}

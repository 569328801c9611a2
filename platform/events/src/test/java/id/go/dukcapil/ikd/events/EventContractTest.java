package id.go.dukcapil.ikd.events;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Every sample event against its JSON Schema and its Java record: both must tell the same contract. */
class EventContractTest {

    private static final ObjectMapper PLAIN = new ObjectMapper();

    static Stream<Arguments> samples() {
        return EventFixtures.all().stream().map(event -> Arguments.of(label(event), event));
    }

    /** One case per (sample, required top-level field). */
    static Stream<Arguments> requiredFields() {
        List<Arguments> cases = new ArrayList<>();
        for (IkdEvent event : EventFixtures.all()) {
            for (JsonNode field : EventSchemas.document(event.eventType()).get("required")) {
                cases.add(Arguments.of(label(event), event, field.asText()));
            }
        }
        return cases.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("samples")
    void sampleIsValidAgainstItsSchema(String label, IkdEvent event) {
        String json = EventJson.write(event);

        assertThat(EventSchemas.validate(event.eventType(), json)).as(json).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("samples")
    void roundTripGivesTheSameEvent(String label, IkdEvent event) {
        IkdEvent read = EventJson.read(EventJson.write(event), event.getClass());

        assertThat(read).isEqualTo(event).isNotSameAs(event);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("samples")
    void writesExactlyTheNonNullRecordComponents(String label, IkdEvent event) throws Exception {
        Set<String> expected = new TreeSet<>();
        for (RecordComponent component : event.getClass().getRecordComponents()) {
            if (component.getAccessor().invoke(event) != null) {
                expected.add(component.getName());
            }
        }

        assertThat(fieldNames(PLAIN.readTree(EventJson.write(event)))).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("samples")
    void unknownTopLevelFieldIsTolerated(String label, IkdEvent event) throws Exception {
        ObjectNode json = (ObjectNode) PLAIN.readTree(EventJson.write(event));
        json.put("addedInALaterVersion", "x");
        json.putObject("anotherNewObject").put("nested", 1);

        assertThat(EventSchemas.validate(event.eventType(), json.toString())).isEmpty();
        assertThat(EventJson.read(json.toString(), event.getClass())).isEqualTo(event);
    }

    @ParameterizedTest(name = "{0} without {2}")
    @MethodSource("requiredFields")
    void missingRequiredFieldFailsSchemaAndRecord(String label, IkdEvent event, String field) throws Exception {
        ObjectNode json = (ObjectNode) PLAIN.readTree(EventJson.write(event));
        assertThat(json.remove(field)).as("sample carries %s", field).isNotNull();

        assertThat(EventSchemas.validate(event.eventType(), json.toString()))
                .as("schema errors")
                .isNotEmpty();
        assertThatThrownBy(() -> EventJson.read(json.toString(), event.getClass()))
                .isInstanceOf(MalformedEventException.class)
                .hasMessageContaining(event.eventType().type())
                .hasMessageContaining(field);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("samples")
    void schemaDescribesExactlyTheRecordComponents(String label, IkdEvent event) {
        JsonNode properties = EventSchemas.document(event.eventType()).get("properties");
        Set<String> components = new TreeSet<>();
        Arrays.stream(event.getClass().getRecordComponents()).forEach(c -> components.add(c.getName()));

        assertThat(fieldNames(properties)).isEqualTo(components);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("samples")
    void schemaEnumsMatchJavaEnums(String label, IkdEvent event) {
        JsonNode properties = EventSchemas.document(event.eventType()).get("properties");
        for (RecordComponent component : event.getClass().getRecordComponents()) {
            if (!component.getType().isEnum()) {
                continue;
            }
            List<String> javaNames = Arrays.stream(component.getType().getEnumConstants())
                    .map(constant -> ((Enum<?>) constant).name())
                    .toList();
            List<String> schemaNames = new ArrayList<>();
            properties.get(component.getName()).get("enum").forEach(value -> schemaNames.add(value.asText()));

            assertThat(schemaNames).as(component.getName()).isEqualTo(javaNames);
        }
    }

    private static Set<String> fieldNames(JsonNode object) {
        Set<String> names = new TreeSet<>();
        object.fieldNames().forEachRemaining(names::add);
        return names;
    }

    private static String label(IkdEvent event) {
        return event.getClass().getSimpleName() + switch (event) {
            case VerificationDecided decided -> " " + decided.decision();
            case VerificationDecidedV2 decided -> " " + decided.decision();
            case IdentityRevoked revoked -> " " + revoked.reason();
            case IdentityRevokedV2 revoked -> " " + revoked.reason();
            case NotificationStatus status -> " " + status.status();
            case TokenVerified token -> token.valid() ? " valid" : " " + token.reasonCode();
            default -> "";
        };
    }
}

package id.go.dukcapil.ikd.events;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The schema files themselves: present, identified, open to additions, consistent with each other. */
class SchemaDocumentsTest {

    @ParameterizedTest
    @EnumSource(EventType.class)
    void everyEventTypeHasItsSchemaResource(EventType type) {
        assertThat(type.schemaResource()).isEqualTo("schemas/" + type.type() + ".json");
        assertThat(getClass().getClassLoader().getResource(type.schemaResource())).isNotNull();
    }

    @ParameterizedTest
    @EnumSource(EventType.class)
    void schemaIsDraft202012AndIdentifiedByTheDataSchemaUri(EventType type) {
        JsonNode schema = EventSchemas.document(type);

        assertThat(schema.path("$schema").asText()).isEqualTo("https://json-schema.org/draft/2020-12/schema");
        assertThat(schema.path("$id").asText()).isEqualTo(type.dataSchema().toString());
        assertThat(schema.path("title").asText()).isEqualTo(type.eventClass().getSimpleName());
        assertThat(schema.path("type").asText()).isEqualTo("object");
        assertThat(schema.path("required").size()).isPositive();
    }

    @ParameterizedTest
    @EnumSource(EventType.class)
    void noObjectIsClosedToNewFields(EventType type) {
        List<JsonNode> closed = new ArrayList<>();
        collectAdditionalPropertiesFalse(EventSchemas.document(type), closed);

        assertThat(closed).isEmpty();
    }

    @Test
    void sharedDefinitionsAreIdenticalInEverySchema() {
        // Each schema is self-contained (no cross-file $ref to resolve); copies must not drift apart.
        Map<String, JsonNode> firstSeen = new HashMap<>();
        Map<String, EventType> firstSeenIn = new HashMap<>();
        for (EventType type : EventType.values()) {
            for (Map.Entry<String, JsonNode> def : EventSchemas.document(type).path("$defs").properties()) {
                JsonNode earlier = firstSeen.putIfAbsent(def.getKey(), def.getValue());
                firstSeenIn.putIfAbsent(def.getKey(), type);
                if (earlier != null) {
                    assertThat(def.getValue())
                            .as("$defs/%s in %s vs %s", def.getKey(), type, firstSeenIn.get(def.getKey()))
                            .isEqualTo(earlier);
                }
            }
        }
        assertThat(firstSeen).containsKeys("OfficeContact", "VerifiedAttributes", "uuid", "phone", "nik");
    }

    @Test
    void everySchemaLoadsInTheValidator() {
        for (EventType type : EventType.values()) {
            assertThat(EventSchemas.of(type)).as(type.name()).isNotNull();
        }
    }

    private static void collectAdditionalPropertiesFalse(JsonNode node, List<JsonNode> found) {
        if (node.isObject()) {
            JsonNode additional = node.get("additionalProperties");
            if (additional != null && additional.isBoolean() && !additional.booleanValue()) {
                found.add(node);
            }
            JsonNode unevaluated = node.get("unevaluatedProperties");
            if (unevaluated != null && unevaluated.isBoolean() && !unevaluated.booleanValue()) {
                found.add(node);
            }
        }
        node.forEach(child -> collectAdditionalPropertiesFalse(child, found));
    }
}

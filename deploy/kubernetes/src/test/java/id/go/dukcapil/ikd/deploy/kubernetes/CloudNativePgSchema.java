package id.go.dukcapil.ikd.deploy.kubernetes;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Strict check of the CloudNativePG resources (and the Barman Cloud plugin's ObjectStore) against
 * the field list in {@code cloudnative-pg-fields.yaml}: every field known, every scalar of its
 * type. See that file for why the list is written here and not taken from a package.
 */
final class CloudNativePgSchema {

    static final String GROUP = "postgresql.cnpg.io/";
    static final String PLUGIN_GROUP = "barmancloud.cnpg.io/";

    private static final JsonNode FIELDS = load();
    private static final Set<String> METADATA = Set.of("name", "namespace", "labels", "annotations");

    private CloudNativePgSchema() {
    }

    static boolean handles(String apiVersion) {
        return apiVersion.startsWith(GROUP) || apiVersion.startsWith(PLUGIN_GROUP);
    }

    static List<String> problems(JsonNode resource) {
        JsonNode spec = FIELDS.path(resource.path("apiVersion").asText()).path(resource.path("kind").asText());
        if (spec.isMissingNode()) {
            return List.of("no pinned CloudNativePG API serves this apiVersion and kind");
        }
        List<String> problems = new ArrayList<>();
        resource.fieldNames().forEachRemaining(field -> {
            if (!Set.of("apiVersion", "kind", "metadata", "spec").contains(field)) {
                problems.add("unknown field ." + field);
            }
        });
        resource.path("metadata").fieldNames().forEachRemaining(field -> {
            if (!METADATA.contains(field)) {
                problems.add("unknown field .metadata." + field);
            }
        });
        check(resource.path("spec"), spec, ".spec", problems);
        return problems;
    }

    private static void check(JsonNode value, JsonNode type, String path, List<String> problems) {
        if (type.isTextual()) {
            boolean ok = switch (type.asText()) {
                case "string" -> value.isTextual();
                case "integer" -> value.isIntegralNumber();
                case "boolean" -> value.isBoolean();
                case "object" -> value.isObject();
                case "list" -> value.isArray();
                default -> throw new IllegalStateException("unknown type " + type + " in cloudnative-pg-fields.yaml");
            };
            if (!ok) {
                problems.add(path + " must be a " + type.asText());
            }
        } else if (type.isArray()) {
            if (!value.isArray()) {
                problems.add(path + " must be a list");
                return;
            }
            int i = 0;
            for (JsonNode item : value) {
                check(item, type.get(0), path + "[" + i++ + "]", problems);
            }
        } else if (!value.isObject()) {
            problems.add(path + " must be a mapping");
        } else {
            value.properties().forEach(field -> {
                JsonNode fieldType = type.get(field.getKey());
                if (fieldType == null) {
                    problems.add("unknown field " + path + "." + field.getKey());
                } else {
                    check(field.getValue(), fieldType, path + "." + field.getKey(), problems);
                }
            });
        }
    }

    private static JsonNode load() {
        try (InputStream in = CloudNativePgSchema.class.getResourceAsStream("/cloudnative-pg-fields.yaml")) {
            return Kustomize.YAML.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

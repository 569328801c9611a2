package id.go.dukcapil.ikd.testing;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * What every service's OpenAPI document must hold, written once: each operation has a unique
 * {@code operationId}; each 4xx/5xx answer is problem+json with the {@code Problem} schema; no
 * framework type (Qute, Vert.x, Mutiny, JAX-RS) appears among the schemas; every {@code $ref}
 * resolves; one bearer scheme, named {@code bearer}; every 2xx JSON answer has an example (see
 * {@link #hasExample}). A service's {@code @QuarkusTest} extends this (the document is read from
 * the running service at {@code /q/openapi}).
 */
public abstract class OpenApiContract {

    private static final Set<String> HTTP_METHODS = Set.of("get", "put", "post", "delete", "options", "head", "patch", "trace");
    private static final Pattern FRAMEWORK_TYPE = Pattern.compile(
            ".*Impl|Engine.*|Template.*|.*Qute.*|SectionHelper.*|ValueResolver.*|Expression.*|Evaluat.*|Vertx|Buffer|Uni|Multi"
                    + "|RoutingContext|HttpServer.*|Mutiny.*|Variant|Locale|Charset|Class|Annotation.*|Type"
                    + "|JsonNode.*|ObjectNode|ArrayNode|.*SseEvent.*|Sse.*|MediaType");
    /** SmallRye's name for a second type whose simple name was taken: {@code OfficeView1}. */
    private static final Pattern NUMBERED = Pattern.compile("(.*[A-Za-z])[0-9]+");

    @Test
    void theDocumentFollowsTheSuitesConventions() throws Exception {
        String json = given().queryParam("format", "json").get("/q/openapi").then().statusCode(200).extract().asString();
        // kept for reading and diffing (the module's target/openapi.json)
        java.nio.file.Files.writeString(java.nio.file.Path.of("target", "openapi.json"), json);
        assertThat(violations(new ObjectMapper().readTree(json))).isEmpty();
    }

    /** Every way {@code document} breaks the conventions; empty when it follows them. */
    public static List<String> violations(JsonNode document) {
        List<String> violations = new ArrayList<>();
        Set<String> operationIds = new HashSet<>();
        JsonNode schemas = document.path("components").path("schemas");
        int operations = 0;
        for (Map.Entry<String, JsonNode> path : document.path("paths").properties()) {
            for (Map.Entry<String, JsonNode> method : path.getValue().properties()) {
                if (!HTTP_METHODS.contains(method.getKey())) {
                    continue;
                }
                operations++;
                String where = method.getKey().toUpperCase() + " " + path.getKey();
                JsonNode operation = method.getValue();
                String id = operation.path("operationId").asText("");
                if (id.isBlank()) {
                    violations.add(where + ": no operationId");
                } else if (!operationIds.add(id)) {
                    violations.add(where + ": operationId " + id + " is used twice");
                }
                for (Map.Entry<String, JsonNode> response : operation.path("responses").properties()) {
                    if (response.getKey().startsWith("2")) {
                        for (Map.Entry<String, JsonNode> media : response.getValue().path("content").properties()) {
                            if (isJson(media.getKey()) && !hasExample(media.getValue(), schemas)) {
                                violations.add(where + " " + response.getKey() + " " + media.getKey() + ": no example");
                            }
                        }
                    }
                    if (response.getKey().startsWith("4") || response.getKey().startsWith("5")) {
                        JsonNode content = response.getValue().path("content");
                        if (content.size() != 1 || !content.path("application/problem+json").path("schema").path("$ref")
                                .asText().equals("#/components/schemas/Problem")) {
                            violations.add(where + " " + response.getKey() + ": not problem+json with the Problem schema");
                        }
                    }
                }
            }
        }
        if (operations == 0) {
            violations.add("the document has no operation");
        }
        schemas.fieldNames().forEachRemaining(name -> {
            if (FRAMEWORK_TYPE.matcher(name).matches()) {
                violations.add("schema " + name + " looks like a framework type, not part of the API");
            }
            java.util.regex.Matcher numbered = NUMBERED.matcher(name);
            if (numbered.matches() && schemas.has(numbered.group(1))) {
                violations.add("schema " + name + ": two types are named " + numbered.group(1)
                        + "; give one a name of its own (@Schema(name = ...))");
            }
        });
        collectRefs(document, schemas, violations);
        JsonNode schemes = document.path("components").path("securitySchemes");
        schemes.properties().forEach(scheme -> {
            boolean bearer = "http".equals(scheme.getValue().path("type").asText())
                    && "bearer".equalsIgnoreCase(scheme.getValue().path("scheme").asText());
            if (bearer && !scheme.getKey().equals("bearer")) {
                violations.add("bearer scheme named " + scheme.getKey() + ", not bearer");
            }
        });
        securityRequirements(document, schemes, violations);
        return violations;
    }

    /** {@code application/json} or a {@code +json} type, other than problem+json (whose examples the platform writes). */
    static boolean isJson(String mediaType) {
        String type = mediaType.split(";", 2)[0].strip().toLowerCase(java.util.Locale.ROOT);
        return !type.equals("application/problem+json") && (type.equals("application/json") || type.endsWith("+json"));
    }

    /**
     * Whether a reader (or Swagger UI) finds an example for a media type: {@code example} or
     * {@code examples} on the media type itself, or an example its schema carries.
     */
    static boolean hasExample(JsonNode media, JsonNode schemas) {
        return media.has("example") || !media.path("examples").isEmpty()
                || media.has("schema") && schemaHasExample(media.get("schema"), schemas, new HashSet<>());
    }

    /**
     * A schema carries an example when it has one itself ({@code example}, a non-empty
     * {@code examples}, or its {@code enum}/{@code const} values); through {@code $ref}, the
     * component it names; an array, when its items do; one of {@code allOf}/{@code anyOf}/{@code oneOf},
     * when a part other than {@code null} does; an object with properties, when each required
     * property (each property, if none is required) does. A map, a bare object or a bare scalar needs
     * an example of its own.
     */
    private static boolean schemaHasExample(JsonNode schema, JsonNode schemas, Set<String> followed) {
        if (schema.has("example") || !schema.path("examples").isEmpty() || !schema.path("enum").isEmpty()
                || schema.has("const")) {
            return true;
        }
        String ref = schema.path("$ref").asText("");
        if (ref.startsWith("#/components/schemas/")) {
            String name = ref.substring("#/components/schemas/".length());
            // a cycle counts as covered here: the component is judged where it was first followed
            return !followed.add(name) || schemas.has(name) && schemaHasExample(schemas.get(name), schemas, followed);
        }
        if (schema.has("items")) {
            return schemaHasExample(schema.get("items"), schemas, followed);
        }
        for (String composition : List.of("allOf", "anyOf", "oneOf")) {
            for (JsonNode part : schema.path(composition)) {
                if (!"null".equals(part.path("type").asText()) && schemaHasExample(part, schemas, new HashSet<>(followed))) {
                    return true;
                }
            }
        }
        JsonNode properties = schema.path("properties");
        if (properties.isEmpty()) {
            return false;
        }
        List<String> needed = new ArrayList<>();
        schema.path("required").forEach(name -> needed.add(name.asText()));
        if (needed.isEmpty()) {
            properties.fieldNames().forEachRemaining(needed::add);
        }
        for (String name : needed) {
            if (!properties.has(name) || !schemaHasExample(properties.get(name), schemas, new HashSet<>(followed))) {
                return false;
            }
        }
        return true;
    }

    /** Every security requirement, global or per operation, names a scheme the document declares. */
    private static void securityRequirements(JsonNode document, JsonNode schemes, List<String> violations) {
        List<JsonNode> requirements = new ArrayList<>();
        document.path("security").forEach(requirements::add);
        document.path("paths").forEach(path -> path.properties().forEach(method -> {
            if (HTTP_METHODS.contains(method.getKey())) {
                method.getValue().path("security").forEach(requirements::add);
            }
        }));
        for (JsonNode requirement : requirements) {
            requirement.fieldNames().forEachRemaining(name -> {
                if (!schemes.has(name)) {
                    violations.add("security requirement names " + name + ", which no scheme declares");
                }
            });
        }
    }

    private static void collectRefs(JsonNode node, JsonNode schemas, List<String> violations) {
        if (node.isObject()) {
            JsonNode ref = node.get("$ref");
            if (ref != null && ref.asText().startsWith("#/components/schemas/")
                    && !schemas.has(ref.asText().substring("#/components/schemas/".length()))) {
                violations.add("$ref " + ref.asText() + " resolves to nothing");
            }
            node.forEach(child -> collectRefs(child, schemas, violations));
        } else if (node.isArray()) {
            node.forEach(child -> collectRefs(child, schemas, violations));
        }
    }
}

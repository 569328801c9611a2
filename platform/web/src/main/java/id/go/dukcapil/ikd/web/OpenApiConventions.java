package id.go.dukcapil.ikd.web;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.Components;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.media.Content;
import org.eclipse.microprofile.openapi.models.media.MediaType;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;
import org.eclipse.microprofile.openapi.models.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.models.security.SecurityScheme;

import io.quarkus.smallrye.openapi.OpenApiFilter;

/**
 * The conventions every service's OpenAPI document follows, applied once here at build time instead
 * of by annotations on each of the suite's operations:
 * <ul>
 * <li>every 4xx/5xx answer is {@code application/problem+json} with the {@code Problem} schema,
 * and an example per problem code its description names ("CODE: why");</li>
 * <li>pages ({@code text/html}) and event streams ({@code text/event-stream}) are strings, so
 * template-engine and SSE types never appear as schemas, and schemas no operation reaches are
 * dropped;</li>
 * <li>one name, {@value #BEARER}, for the bearer-token scheme, whoever declared it.</li>
 * </ul>
 * Operation ids come from the class and method names ({@code quarkus.smallrye-openapi.operation-id-strategy}
 * in the platform's defaults). {@code OpenApiContract} in platform/testing checks the result.
 */
@OpenApiFilter(OpenApiFilter.RunStage.BUILD)
public class OpenApiConventions implements OASFilter {

    public static final String PROBLEM = "Problem";
    public static final String BEARER = "bearer";
    private static final String PROBLEM_REF = "#/components/schemas/" + PROBLEM;
    private static final String SCHEMA_REF_PREFIX = "#/components/schemas/";
    /** "CODE: …" or "CODE or OTHER_CODE: …" at the start of a response description. */
    private static final Pattern CODES = Pattern.compile("^([A-Z][A-Z0-9_]{2,}(?:\\s*(?:,|or|/)\\s*[A-Z][A-Z0-9_]{2,})*)\\s*[:(]");
    private static final Pattern CODE = Pattern.compile("[A-Z][A-Z0-9_]{2,}");

    @Override
    public void filterOpenAPI(OpenAPI openApi) {
        Components components = openApi.getComponents() == null ? OASFactory.createComponents() : openApi.getComponents();
        openApi.setComponents(components);
        components.addSchema(PROBLEM, problemSchema());
        components.addSchema("FieldError", fieldErrorSchema());
        Set<String> bearerNames = bearerSchemes(components);
        if (openApi.getPaths() != null && openApi.getPaths().getPathItems() != null) {
            for (PathItem item : openApi.getPaths().getPathItems().values()) {
                for (Operation operation : item.getOperations().values()) {
                    problems(operation);
                    pages(operation);
                    renameSecurity(operation.getSecurity(), bearerNames);
                }
            }
        }
        renameSecurity(openApi.getSecurity(), bearerNames);
        dropUnreachableSchemas(openApi, components);
    }

    private static void problems(Operation operation) {
        if (operation.getResponses() == null || operation.getResponses().getAPIResponses() == null) {
            return;
        }
        operation.getResponses().getAPIResponses().forEach((status, response) -> {
            if (!(status.startsWith("4") || status.startsWith("5"))) {
                return;
            }
            MediaType problem = OASFactory.createMediaType().schema(OASFactory.createSchema().ref(PROBLEM_REF));
            examples(status, response.getDescription()).forEach(problem::addExample);
            response.setContent(OASFactory.createContent().addMediaType(Problem.MEDIA_TYPE, problem));
        });
    }

    /** One example per problem code the description names, in the shape the service answers. */
    static Map<String, org.eclipse.microprofile.openapi.models.examples.Example> examples(String status, String description) {
        Map<String, org.eclipse.microprofile.openapi.models.examples.Example> examples = new LinkedHashMap<>();
        Matcher codes = CODES.matcher(description == null ? "" : description.strip());
        if (!codes.find()) {
            return examples;
        }
        Matcher code = CODE.matcher(codes.group(1));
        while (code.find()) {
            Map<String, Object> value = new LinkedHashMap<>();
            value.put("type", "https://ikd.dukcapil.go.id/problems/" + code.group().toLowerCase().replace('_', '-'));
            value.put("status", Integer.parseInt(status));
            value.put("code", code.group());
            examples.put(code.group(), OASFactory.createExample().value(value));
        }
        return examples;
    }

    private static void pages(Operation operation) {
        if (operation.getResponses() == null || operation.getResponses().getAPIResponses() == null) {
            return;
        }
        for (APIResponse response : operation.getResponses().getAPIResponses().values()) {
            Content content = response.getContent();
            if (content == null || content.getMediaTypes() == null) {
                continue;
            }
            content.getMediaTypes().forEach((type, media) -> {
                if (type.startsWith("text/html") || type.startsWith("text/event-stream")) {
                    media.setSchema(OASFactory.createSchema().addType(Schema.SchemaType.STRING));
                }
            });
        }
    }

    /** The names of HTTP bearer schemes, all renamed to {@link #BEARER}. */
    private static Set<String> bearerNames(Components components) {
        Set<String> names = new HashSet<>();
        if (components.getSecuritySchemes() == null) {
            return names;
        }
        components.getSecuritySchemes().forEach((name, scheme) -> {
            if (scheme.getType() == SecurityScheme.Type.HTTP && "bearer".equalsIgnoreCase(scheme.getScheme())) {
                names.add(name);
            }
        });
        return names;
    }

    private static Set<String> bearerSchemes(Components components) {
        Set<String> names = bearerNames(components);
        if (names.isEmpty()) {
            return names;
        }
        SecurityScheme kept = components.getSecuritySchemes().get(names.iterator().next());
        names.forEach(components::removeSecurityScheme);
        components.addSecurityScheme(BEARER, kept.bearerFormat("JWT")
                .description("A token of the suite (ES256 JWT) in the Authorization header"));
        return names;
    }

    private static void renameSecurity(List<SecurityRequirement> requirements, Set<String> bearerNames) {
        if (requirements == null) {
            return;
        }
        for (SecurityRequirement requirement : requirements) {
            if (requirement.getSchemes() == null) {
                continue;
            }
            for (String name : Set.copyOf(requirement.getSchemes().keySet())) {
                if (bearerNames.contains(name) && !BEARER.equals(name)) {
                    List<String> scopes = requirement.getScheme(name);
                    requirement.removeScheme(name);
                    requirement.addScheme(BEARER, scopes == null ? List.of() : scopes);
                }
            }
        }
    }

    /** Drops component schemas that no operation reaches (directly or through other schemas). */
    private static void dropUnreachableSchemas(OpenAPI openApi, Components components) {
        if (components.getSchemas() == null) {
            return;
        }
        Set<String> reached = new HashSet<>();
        Deque<Schema> pending = new ArrayDeque<>();
        if (openApi.getPaths() != null && openApi.getPaths().getPathItems() != null) {
            for (PathItem item : openApi.getPaths().getPathItems().values()) {
                item.getOperations().values().forEach(operation -> schemasOf(operation, pending));
                if (item.getParameters() != null) {
                    item.getParameters().forEach(parameter -> schemasOf(parameter, pending));
                }
            }
        }
        while (!pending.isEmpty()) {
            Schema schema = pending.pop();
            if (schema.getRef() != null && schema.getRef().startsWith(SCHEMA_REF_PREFIX)) {
                String name = schema.getRef().substring(SCHEMA_REF_PREFIX.length());
                Schema named = components.getSchemas().get(name);
                if (reached.add(name) && named != null) {
                    pending.push(named);
                }
            }
            if (schema.getProperties() != null) {
                schema.getProperties().values().forEach(pending::push);
            }
            for (Schema inner : new Schema[] { schema.getItems(), schema.getNot(), schema.getAdditionalPropertiesSchema() }) {
                if (inner != null) {
                    pending.push(inner);
                }
            }
            for (List<Schema> composed : List.of(nonNull(schema.getAllOf()), nonNull(schema.getAnyOf()),
                    nonNull(schema.getOneOf()))) {
                composed.forEach(pending::push);
            }
        }
        for (String name : Set.copyOf(components.getSchemas().keySet())) {
            if (!reached.contains(name)) {
                components.removeSchema(name);
            }
        }
    }

    private static void schemasOf(Operation operation, Deque<Schema> pending) {
        if (operation.getParameters() != null) {
            operation.getParameters().forEach(parameter -> schemasOf(parameter, pending));
        }
        if (operation.getRequestBody() != null) {
            schemasOf(operation.getRequestBody().getContent(), pending);
        }
        if (operation.getResponses() != null && operation.getResponses().getAPIResponses() != null) {
            operation.getResponses().getAPIResponses().values().forEach(response -> schemasOf(response.getContent(), pending));
        }
    }

    private static void schemasOf(org.eclipse.microprofile.openapi.models.parameters.Parameter parameter,
            Deque<Schema> pending) {
        if (parameter.getSchema() != null) {
            pending.push(parameter.getSchema());
        }
        schemasOf(parameter.getContent(), pending);
    }

    private static void schemasOf(Content content, Deque<Schema> pending) {
        if (content != null && content.getMediaTypes() != null) {
            content.getMediaTypes().values().stream().map(MediaType::getSchema).filter(java.util.Objects::nonNull)
                    .forEach(pending::push);
        }
    }

    private static List<Schema> nonNull(List<Schema> schemas) {
        return schemas == null ? List.of() : schemas;
    }

    private static Schema problemSchema() {
        Schema string = OASFactory.createSchema().addType(Schema.SchemaType.STRING);
        return OASFactory.createSchema().addType(Schema.SchemaType.OBJECT)
                .description("An RFC 9457 problem: a stable code, a title in the requested language (Bahasa Indonesia "
                        + "by default, English with Accept-Language: en), and for a server failure the reference to quote")
                .addProperty("type", OASFactory.createSchema().addType(Schema.SchemaType.STRING).format("uri"))
                .addProperty("title", string)
                .addProperty("status", OASFactory.createSchema().addType(Schema.SchemaType.INTEGER))
                .addProperty("detail", string)
                .addProperty("instance", string)
                .addProperty("code", OASFactory.createSchema().addType(Schema.SchemaType.STRING)
                        .description("stable, for programs: e.g. VALIDATION_FAILED, SERVICE_BUSY"))
                .addProperty("reference", OASFactory.createSchema().addType(Schema.SchemaType.STRING)
                        .description("on a 500: the id of the log line, to quote to the help desk"))
                .addProperty("errors", OASFactory.createSchema().addType(Schema.SchemaType.ARRAY)
                        .items(OASFactory.createSchema().ref(SCHEMA_REF_PREFIX + "FieldError")))
                .required(List.of("type", "title", "status", "code"));
    }

    private static Schema fieldErrorSchema() {
        Schema string = OASFactory.createSchema().addType(Schema.SchemaType.STRING);
        return OASFactory.createSchema().addType(Schema.SchemaType.OBJECT)
                .addProperty("field", string).addProperty("code", string).addProperty("message", string);
    }
}

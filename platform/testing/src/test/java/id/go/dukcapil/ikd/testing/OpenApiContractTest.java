package id.go.dukcapil.ikd.testing;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** The contract catches each kind of break it names, and passes a document that follows it. */
class OpenApiContractTest {

    private static final String GOOD = """
            {"paths": {"/a": {"get": {"operationId": "A_get", "security": [{"bearer": []}], "responses": {
                "200": {"content": {"application/json": {"schema": {"$ref": "#/components/schemas/View"}}}},
                "404": {"content": {"application/problem+json": {"schema": {"$ref": "#/components/schemas/Problem"}}}}}}}},
             "components": {"schemas": {"View": {"type": "object", "required": ["id"], "properties": {
                    "id": {"type": "string", "format": "uuid", "example": "0b6f3c1e-5d2a-4f7e-9c1a-2b3c4d5e6f70"},
                    "note": {"type": "string"}}}, "Problem": {"type": "object"}},
                "securitySchemes": {"bearer": {"type": "http", "scheme": "bearer"}}}}
            """;

    @Test
    void aDocumentThatFollowsTheConventionsPasses() throws Exception {
        assertThat(OpenApiContract.violations(json(GOOD))).isEmpty();
    }

    @Test
    void eachBreakIsNamed() throws Exception {
        assertThat(OpenApiContract.violations(json(GOOD.replace("\"operationId\": \"A_get\", ", ""))))
                .containsExactly("GET /a: no operationId");
        assertThat(OpenApiContract.violations(json(GOOD.replace("application/problem+json", "application/json"))))
                .containsExactly("GET /a 404: not problem+json with the Problem schema");
        assertThat(OpenApiContract.violations(json(GOOD.replace("\"View\"", "\"TemplateInstance\"")
                .replace("schemas/View", "schemas/TemplateInstance"))))
                .containsExactly("schema TemplateInstance looks like a framework type, not part of the API");
        assertThat(OpenApiContract.violations(json(GOOD.replace("schemas/View", "schemas/Gone"))))
                .containsExactly("GET /a 200 application/json: no example", "$ref #/components/schemas/Gone resolves to nothing");
        assertThat(OpenApiContract.violations(json(GOOD.replace("{\"bearer\": {", "{\"jwt\": {"))))
                .containsExactly("bearer scheme named jwt, not bearer",
                        "security requirement names bearer, which no scheme declares");
        assertThat(OpenApiContract.violations(json("{\"paths\": {}}"))).containsExactly("the document has no operation");
    }

    @Test
    void sseAndJsonTreeTypesAndASecondTypeOfTheSameNameAreNamed() throws Exception {
        for (String framework : java.util.List.of("OutboundSseEvent", "JsonNode", "MediaType")) {
            assertThat(OpenApiContract.violations(json(GOOD.replace("\"View\"", "\"" + framework + "\"")
                    .replace("schemas/View", "schemas/" + framework))))
                    .containsExactly("schema " + framework + " looks like a framework type, not part of the API");
        }
        String twoViews = GOOD.replace("\"View\": {", "\"View1\": {\"type\": \"string\", \"example\": \"x\"}, \"View\": {");
        assertThat(OpenApiContract.violations(json(twoViews)))
                .containsExactly("schema View1: two types are named View; give one a name of its own (@Schema(name = ...))");
        assertThat(OpenApiContract.violations(json(GOOD.replace("\"View\"", "\"Sha256\"")
                .replace("schemas/View", "schemas/Sha256")))).as("a name ending in a number of its own").isEmpty();
    }

    @Test
    void anOperationIdUsedTwiceIsNamed() throws Exception {
        JsonNode document = json(GOOD);
        ((com.fasterxml.jackson.databind.node.ObjectNode) document.path("paths")).set("/b", document.path("paths").path("/a"));
        assertThat(OpenApiContract.violations(document)).containsExactly("GET /b: operationId A_get is used twice");
    }

    @Test
    void aSuccessAnswerWithoutAnExampleIsNamed() throws Exception {
        assertThat(OpenApiContract.violations(json(GOOD.replace("\"example\": \"0b6f3c1e-5d2a-4f7e-9c1a-2b3c4d5e6f70\"", "\"minLength\": 36"))))
                .containsExactly("GET /a 200 application/json: no example");
        // one required property without an example is enough to miss it
        assertThat(OpenApiContract.violations(json(GOOD.replace("\"required\": [\"id\"]", "\"required\": [\"id\", \"note\"]"))))
                .containsExactly("GET /a 200 application/json: no example");
    }

    /** A view whose properties have no example: only an example elsewhere can cover it. */
    private static final String BARE = "{'type': 'object', 'properties': {'id': {'type': 'string'}}}";
    private static final String VIEW = "{'$ref': '#/components/schemas/View'}";

    @Test
    void anExampleOnTheMediaTypeCounts() throws Exception {
        assertThat(success("application/json", "{'schema': " + BARE + ", 'example': {'id': 'x'}}", BARE)).isEmpty();
        assertThat(success("application/json", "{'schema': " + BARE + ", 'examples': {'one': {'value': {'id': 'x'}}}}", BARE))
                .isEmpty();
        assertThat(success("application/json", "{'schema': " + BARE + ", 'examples': {}}", BARE)).hasSize(1);
    }

    @Test
    void anExampleOnTheSchemaOrOnEachOfItsPropertiesCounts() throws Exception {
        assertThat(success("application/json", "{'schema': " + VIEW + "}", "{'type': 'object', 'example': {'id': 'x'}}"))
                .isEmpty();
        // no property required: every property needs one (an enum's values serve as one)
        assertThat(success("application/json", "{'schema': " + VIEW + "}", "{'type': 'object', 'properties': {"
                + "'id': {'type': 'string', 'example': 'x'}, 'state': {'type': 'string', 'enum': ['OPEN', 'CLOSED']}}}"))
                .isEmpty();
        assertThat(success("application/json", "{'schema': " + VIEW + "}", BARE)).hasSize(1);
        // a view nested in another is looked into
        assertThat(success("application/json", "{'schema': {'type': 'object', 'properties': {'inner': " + VIEW + "}}}", BARE))
                .hasSize(1);
    }

    @Test
    void arraysAndNullableFormsAreLookedThrough() throws Exception {
        String example = "{'type': 'object', 'example': {'id': 'x'}}";
        assertThat(success("application/json", "{'schema': {'type': 'array', 'items': " + VIEW + "}}", example)).isEmpty();
        assertThat(success("application/json", "{'schema': {'type': 'array', 'items': " + VIEW + "}}", BARE)).hasSize(1);
        assertThat(success("application/json", "{'schema': {'anyOf': [" + VIEW + ", {'type': 'null'}]}}", example)).isEmpty();
        assertThat(success("application/json", "{'schema': {'anyOf': [" + VIEW + ", {'type': 'null'}]}}", BARE)).hasSize(1);
        // a part that failed is not taken for a cycle when another part names the same schema
        assertThat(success("application/json", "{'schema': {'oneOf': [" + VIEW + ", " + VIEW + "]}}", BARE)).hasSize(1);
    }

    @Test
    void aMapOrAnAnswerWithoutSchemaNeedsItsOwnExample() throws Exception {
        assertThat(success("application/json", "{'schema': {'type': 'object', 'additionalProperties': {'type': 'string'}}}",
                BARE)).containsExactly("GET /a 200 application/json: no example");
        assertThat(success("application/json", "{}", BARE)).containsExactly("GET /a 200 application/json: no example");
    }

    @Test
    void onlyJsonSuccessAnswersNeedAnExample() throws Exception {
        String media = "{'schema': " + VIEW + "}";
        assertThat(success("application/jwk-set+json", media, BARE))
                .containsExactly("GET /a 200 application/jwk-set+json: no example");
        assertThat(success("application/json;charset=UTF-8", media, BARE)).hasSize(1);
        for (String other : new String[] { "text/html", "text/plain", "text/csv", "text/event-stream", "application/pdf",
                "image/png", "application/octet-stream" }) {
            assertThat(success(other, media, BARE)).as(other).isEmpty();
        }
    }

    /** The violations of a document whose one operation answers 200 with {@code media} as {@code type} (quotes as '). */
    private static java.util.List<String> success(String type, String media, String view) throws Exception {
        return OpenApiContract.violations(json(("{'paths': {'/a': {'get': {'operationId': 'A_get', 'responses': {'200': "
                + "{'content': {'" + type + "': " + media + "}}}}}}, 'components': {'schemas': {'View': " + view + "}}}")
                .replace('\'', '"')));
    }

    private static JsonNode json(String text) throws Exception {
        return new ObjectMapper().readTree(text);
    }
}

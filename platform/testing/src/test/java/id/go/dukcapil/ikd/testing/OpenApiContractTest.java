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
             "components": {"schemas": {"View": {"type": "object"}, "Problem": {"type": "object"}},
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
                .containsExactly("$ref #/components/schemas/Gone resolves to nothing");
        assertThat(OpenApiContract.violations(json(GOOD.replace("{\"bearer\": {", "{\"jwt\": {"))))
                .containsExactly("bearer scheme named jwt, not bearer",
                        "security requirement names bearer, which no scheme declares");
        assertThat(OpenApiContract.violations(json("{\"paths\": {}}"))).containsExactly("the document has no operation");
    }

    @Test
    void anOperationIdUsedTwiceIsNamed() throws Exception {
        JsonNode document = json(GOOD);
        ((com.fasterxml.jackson.databind.node.ObjectNode) document.path("paths")).set("/b", document.path("paths").path("/a"));
        assertThat(OpenApiContract.violations(document)).containsExactly("GET /b: operationId A_get is used twice");
    }

    private static JsonNode json(String text) throws Exception {
        return new ObjectMapper().readTree(text);
    }
}

package id.go.dukcapil.ikd.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.security.SecurityScheme;
import org.junit.jupiter.api.Test;

/** The conventions applied to a document as SmallRye hands it over. */
class OpenApiConventionsTest {

    @Test
    void errorsBecomeProblemsWithAnExamplePerNamedCode() {
        OpenAPI document = document(OASFactory.createAPIResponse().description("OFFICE_EXISTS or OFFICE_AREA_TAKEN (problem+json)"));
        new OpenApiConventions().filterOpenAPI(document);

        var problem = operation(document).getResponses().getAPIResponse("409").getContent().getMediaType(Problem.MEDIA_TYPE);
        assertThat(problem.getSchema().getRef()).isEqualTo("#/components/schemas/Problem");
        assertThat(problem.getExamples()).containsOnlyKeys("OFFICE_EXISTS", "OFFICE_AREA_TAKEN");
        assertThat(problem.getExamples().get("OFFICE_AREA_TAKEN").getValue()).isEqualTo(Map.of(
                "type", "https://ikd.dukcapil.go.id/problems/office-area-taken", "status", 409, "code", "OFFICE_AREA_TAKEN"));
        assertThat(document.getComponents().getSchemas()).containsKeys("Problem", "FieldError");
    }

    @Test
    void pagesAreStringsAndUnreachedTemplateTypesAreDropped() {
        OpenAPI document = document(OASFactory.createAPIResponse().description("no code named here"));
        operation(document).getResponses().addAPIResponse("200", OASFactory.createAPIResponse().content(OASFactory.createContent()
                .addMediaType("text/html", OASFactory.createMediaType().schema(OASFactory.createSchema()
                        .ref("#/components/schemas/TemplateInstance")))));
        document.getComponents().addSchema("TemplateInstance", OASFactory.createSchema()
                .addProperty("engine", OASFactory.createSchema().ref("#/components/schemas/EngineImpl")));
        document.getComponents().addSchema("EngineImpl", OASFactory.createSchema().addType(Schema.SchemaType.OBJECT));
        new OpenApiConventions().filterOpenAPI(document);

        assertThat(operation(document).getResponses().getAPIResponse("200").getContent().getMediaType("text/html").getSchema()
                .getType()).containsExactly(Schema.SchemaType.STRING);
        assertThat(document.getComponents().getSchemas()).containsOnlyKeys("Problem", "FieldError");
        assertThat(operation(document).getResponses().getAPIResponse("409").getContent().getMediaType(Problem.MEDIA_TYPE)
                .getExamples()).isNullOrEmpty();
    }

    @Test
    void everyBearerSchemeIsNamedBearerAndRequirementsFollow() {
        OpenAPI document = document(OASFactory.createAPIResponse().description("FORBIDDEN: admins only"));
        document.getComponents().addSecurityScheme("operatorJwt", OASFactory.createSecurityScheme()
                .type(SecurityScheme.Type.HTTP).scheme("bearer"));
        document.getComponents().addSecurityScheme("registrationSecret", OASFactory.createSecurityScheme()
                .type(SecurityScheme.Type.APIKEY).name("X-Registration-Secret").in(SecurityScheme.In.HEADER));
        operation(document).addSecurityRequirement(OASFactory.createSecurityRequirement().addScheme("operatorJwt"));
        new OpenApiConventions().filterOpenAPI(document);

        assertThat(document.getComponents().getSecuritySchemes()).containsOnlyKeys("bearer", "registrationSecret");
        assertThat(operation(document).getSecurity()).singleElement()
                .satisfies(requirement -> assertThat(requirement.getSchemes()).containsOnlyKeys("bearer"));
    }

    private static OpenAPI document(org.eclipse.microprofile.openapi.models.responses.APIResponse error) {
        Operation operation = OASFactory.createOperation().operationId("OfficeResource_create")
                .responses(OASFactory.createAPIResponses().addAPIResponse("409", error));
        return OASFactory.createOpenAPI().components(OASFactory.createComponents())
                .paths(OASFactory.createPaths().addPathItem("/offices", OASFactory.createPathItem().POST(operation)))
                .security(List.of());
    }

    private static Operation operation(OpenAPI document) {
        return document.getPaths().getPathItem("/offices").getPOST();
    }
}

package org.communityscheduler.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.ParseOptions;
import io.swagger.v3.parser.core.models.SwaggerParseResult;

import org.communityscheduler.server.http.AccessFilters;
import org.junit.jupiter.api.Test;

/** openapi.yaml and the routes the server registers agree both ways, and the document is served with its UI. */
class OpenApiContractTest {

    @Test
    void theDocumentAndTheRoutesAgreeBothWays() {
        try (TestServer api = new TestServer()) {
            HttpResponse<String> served = api.get("/openapi.yaml");
            assertThat(served.statusCode()).isEqualTo(200);
            SwaggerParseResult parsed = new OpenAPIV3Parser().readContents(served.body());
            assertThat(parsed.getMessages()).isEmpty();
            OpenAPI document = parsed.getOpenAPI();

            Set<String> documented = new TreeSet<>();
            document.getPaths().forEach((path, item) -> item.readOperationsMap()
                    .forEach((method, operation) -> documented.add(method.name() + " " + path)));
            Set<String> registered = new TreeSet<>(api.server.routes());

            assertThat(registered).as("routes the document leaves out").isSubsetOf(documented);
            assertThat(documented).as("documented operations the server lacks").isSubsetOf(registered);
            assertThat(registered).contains("POST /api/schedules", "GET /api/schedules/{id}/events");
        }
    }

    @Test
    void thePlanIsDescribedOnceByDocsPlanSchemaWhichTheServerPublishes() throws Exception {
        try (TestServer api = new TestServer()) {
            HttpResponse<String> schema = api.get("/plan.schema.json");
            assertThat(schema.statusCode()).isEqualTo(200);
            assertThat(schema.headers().firstValue("Content-Type")).hasValue("application/schema+json; charset=utf-8");
            assertThat(schema.body()).isEqualTo(Files.readString(Path.of("../docs/plan.schema.json")));

            // The document's Plan is a reference to it, which a client reading the document from the server resolves.
            JsonNode yaml = new YAMLMapper().readTree(resource("/openapi.yaml"));
            assertThat(yaml.get("openapi").asText()).as("JSON Schema 2020-12 is OpenAPI 3.1's").startsWith("3.1");
            assertThat(yaml.at("/components/schemas/Plan").toString()).isEqualTo("{\"$ref\":\"/plan.schema.json\"}");
            ParseOptions resolving = new ParseOptions();
            resolving.setResolve(true);
            SwaggerParseResult resolved = new OpenAPIV3Parser().readLocation(api.uri("/openapi.yaml").toString(), null,
                    resolving);
            assertThat(resolved.getMessages()).isEmpty();
            Schema<?> plan = resolved.getOpenAPI().getComponents().getSchemas().get("Plan");
            assertThat(plan.getProperties()).containsKeys("week", "sites", "rooms", "activities", "constraintWeights");
            assertThat(plan.getRequired()).containsExactlyInAnyOrder("sites", "rooms");
        }
    }

    @Test
    void everyOperationHasAnIdASummaryAndItsErrorAnswers() {
        OpenAPI document = new OpenAPIV3Parser().readContents(resource("/openapi.yaml")).getOpenAPI();
        document.getPaths().forEach((path, item) -> item.readOperationsMap().forEach((method, operation) -> {
            assertThat(operation.getOperationId()).as(method + " " + path).isNotBlank();
            assertThat(operation.getSummary()).as(method + " " + path).isNotBlank();
            if (path.contains("{id}")) {
                assertThat(operation.getResponses()).as(method + " " + path).containsKey("404");
            }
            if (method == PathItem.HttpMethod.POST) {
                assertThat(operation.getResponses()).as(method + " " + path).containsKeys("413", "415");
            }
            if (path.startsWith("/api/")) {
                assertThat(operation.getResponses()).as(method + " " + path).containsKeys("414", "431");
            }
            if (path.endsWith("/events")) {
                assertThat(operation.getResponses()).as(method + " " + path).containsKeys("429", "503");
            }
        }));
    }

    private static String resource(String name) {
        try (var in = OpenApiContractTest.class.getResourceAsStream(name)) {
            return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Test
    void swaggerUiIsServedFromTheBundledWebjar() {
        try (TestServer api = new TestServer()) {
            HttpResponse<String> page = api.get("/api-docs");
            assertThat(page.statusCode()).isEqualTo(200);
            assertThat(page.body()).contains("src=\"/api-docs.js\"").doesNotContain("{{");
            // The Content-Security-Policy allows no inline script: Swagger UI starts from a file of its own.
            assertThat(page.body().replaceAll("<script src=\"[^\"]+\"></script>", "")).doesNotContain("<script");
            assertThat(page.headers().firstValue("Content-Security-Policy")).contains(AccessFilters.CONTENT_SECURITY_POLICY);
            HttpResponse<String> start = api.get("/api-docs.js");
            assertThat(start.statusCode()).isEqualTo(200);
            assertThat(start.body()).contains("SwaggerUIBundle").contains("/openapi.yaml");

            String script = page.body().replaceAll("(?s).*src=\"([^\"]+swagger-ui-bundle\\.js)\".*", "$1");
            assertThat(script).startsWith("/webjars/swagger-ui/");
            assertThat(api.get(script).statusCode()).isEqualTo(200);
            assertThat(api.get(script.replace("swagger-ui-bundle.js", "swagger-ui.css")).statusCode()).isEqualTo(200);
        }
    }
}

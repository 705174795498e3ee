package org.communityscheduler.plan;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.util.Arrays;
import java.util.List;
import java.util.ResourceBundle;

import com.fasterxml.jackson.databind.JsonNode;

import org.junit.jupiter.api.Test;

/**
 * docs/plan.schema.json itself: it names the constraints the engine has, and the reader's refusals it leaves to the
 * reader are real ones. That it agrees with the reader plan by plan, {@link PlanSchema} checks in PlanReaderTest.
 */
class PlanSchemaTest {

    @Test
    void itNamesEveryConstraintAndNoOther() throws Exception {
        JsonNode schema = Json.MAPPER.readTree(Files.readString(PlanSchema.FILE));

        List<String> names = Json.MAPPER.convertValue(schema.at("/properties/constraintWeights/propertyNames/enum"),
                Json.MAPPER.getTypeFactory().constructCollectionType(List.class, String.class));

        assertThat(names).containsExactlyElementsOf(Arrays.stream(Rule.values()).map(Rule::title).toList());
    }

    @Test
    void whatItLeavesToTheReaderAreTheReadersOwnRefusals() {
        ResourceBundle messages = ResourceBundle.getBundle("org.communityscheduler.text.messages");

        assertThat(PlanSchema.BEYOND_A_SCHEMA.keySet()).allSatisfy(code -> assertThat(messages.containsKey(code))
                .as(code).isTrue());
    }

    @Test
    void itsExampleIsAPlan() throws Exception {
        JsonNode example = Json.MAPPER.readTree(Files.readString(PlanSchema.FILE)).at("/examples/0");

        assertThat(PlanSchema.read(Json.write(example)).problems()).isEmpty();
    }

    @Test
    void theMinimalPlanOfTheDocsIsTakenAndCapacityZeroIsNot() {
        String minimal = """
                {
                  "sites": [{ "id": "huanghe", "openingHours": { "MON": ["08:30-12:00"] } }],
                  "rooms": [{ "id": "hall", "capacity": 40 }],
                  "activities": [{ "id": "health-talk", "durationMinutes": 60 }]
                }
                """;

        assertThat(PlanSchema.errors(Json.MAPPER.valueToTree(PlanSchema.read(minimal).orThrow()))).isEmpty();
        assertThat(PlanSchema.read(minimal.replace("\"capacity\": 40", "\"capacity\": 0")).problems())
                .extracting(Problem::toString).containsExactly("rooms[0].capacity: must be between 1 and 100000, not 0");
    }
}

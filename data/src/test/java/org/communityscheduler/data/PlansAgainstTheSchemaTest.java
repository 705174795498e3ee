package org.communityscheduler.data;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.communityscheduler.data.itc2007.Itc2007;
import org.communityscheduler.plan.Json;
import org.communityscheduler.plan.PlanSchema;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Every plan this project ships or makes is taken by docs/plan.schema.json as by the plan reader ({@link PlanSchema}):
 * the bundled ones, generated weeks of every shape, and the ITC2007 instances stated as plans.
 */
class PlansAgainstTheSchemaTest {

    @Test
    void everyBundledPlan() {
        assertThat(DemoPlans.names()).isNotEmpty().allSatisfy(name ->
                assertThat(PlanSchema.read(DemoPlans.json(name).orElseThrow()).problems()).as(name).isEmpty());
    }

    @Tag("slow") // generates a dozen weeks, half of them of hundreds of sessions
    @ParameterizedTest
    @EnumSource(InstanceShape.class)
    void generatedWeeksOfEveryShape(InstanceShape shape) {
        for (InstanceSize size : List.of(InstanceSize.S, InstanceSize.M)) {
            for (long seed = 1; seed <= 2; seed++) {
                GeneratedInstance week = InstanceGenerator.generate(GeneratorOptions.of(size, seed).withShape(shape)
                        .withOverfullPercent(20));
                assertThat(PlanSchema.read(week.planJson()).problems()).as(shape + " " + size + " " + seed).isEmpty();
            }
        }
    }

    @Test
    void theItc2007InstancesAsPlans() throws IOException {
        try (Stream<Path> files = Files.list(Path.of("..", "benchmarks", "itc2007"))) {
            List<Path> instances = files.filter(file -> file.toString().endsWith(".ctt")).sorted().toList();
            assertThat(instances).hasSizeGreaterThanOrEqualTo(21).allSatisfy(file -> assertThat(
                    PlanSchema.read(Json.write(Itc2007.readPlan(file))).problems()).as(file.toString()).isEmpty());
        }
    }
}

package org.communityscheduler.data;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;

/**
 * The generated plans in the source tree are byte for byte what the generator gives today. After a
 * change to the generator, write them again with
 * <pre>
 * mvn -q -pl data test -Dtest=CommittedPlansTest -Dplans.regenerate=true
 * </pre>
 */
class CommittedPlansTest {

    private static final Path PLANS = Path.of("src/main/resources/plans");
    private static final String REGENERATE = "write them again with: mvn -q -pl data test -Dtest=CommittedPlansTest"
            + " -Dplans.regenerate=true";

    @Test
    void theCommittedPlansAreTheGeneratorsOutput() throws IOException {
        if (Boolean.getBoolean("plans.regenerate")) {
            CommittedPlans.main(new String[] { PLANS.toString() });
        }
        for (Map.Entry<String, String> file : CommittedPlans.files().entrySet()) {
            Path committed = PLANS.resolve(file.getKey());

            assertThat(committed).as("%s is missing; %s", committed, REGENERATE).exists();
            assertThat(Files.readAllBytes(committed)).as("%s is not what the generator gives; %s", committed, REGENERATE)
                    .isEqualTo(file.getValue().getBytes(StandardCharsets.UTF_8));
        }
    }
}

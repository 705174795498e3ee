package org.communityscheduler.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.communityscheduler.data.InstanceSize;
import org.junit.jupiter.api.Test;

class ModelCostTest {

    @Test
    void aWeekWithinTheLimitIsBuiltAndOneBeyondItIsRefusedBeforeItsModel() {
        ModelCost.Row small = ModelCost.measure("S-seed1", new Dataset(InstanceSize.S, 1).generate().plan());
        ModelCost.Row wide = ModelCost.measure("wide-2000-rooms", ModelCost.wideWeek(2_000, 20, 1, false));

        assertThat(small.accepted()).isTrue();
        assertThat(small.modelMillis()).isNotNull();
        assertThat(wide.accepted()).isFalse();
        assertThat(wide.placements()).isEqualTo(20 * (2_000 + 2_000 * 7 * (1_440 - 60 + 1L)));
        assertThat(wide.validateMillis()).as("refused before any model is built").isLessThan(500);
        assertThat(ModelCost.markdown(List.of(small, wide), Machine.current(), "1.00 1.00 1.00", "1.00 1.00 1.00"))
                .contains("at most 200,000,000 candidate placements")
                .contains("| wide-2000-rooms | 136 KB | 20 | 2,000 | 1 min | 386,720,000 | **refused** | ")
                .endsWith(" | – |\n");
    }
}

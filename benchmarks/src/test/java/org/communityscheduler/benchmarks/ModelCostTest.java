package org.communityscheduler.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.communityscheduler.data.InstanceSize;
import org.junit.jupiter.api.Test;

class ModelCostTest {

    @Test
    void aWeekWithinTheLimitIsBuiltAndOneBeyondItIsRefusedBeforeItsModel() {
        ModelCost.Row small = ModelCost.measure("S-seed1", new Dataset(InstanceSize.S, 1).generate().plan());
        ModelCost.Row wide = ModelCost.measure("wide-1000-rooms", ModelCost.wideWeek(1_000, 20, 1, false));

        assertThat(small.accepted()).isTrue();
        assertThat(small.modelMillis()).isNotNull();
        assertThat(wide.accepted()).isFalse();
        assertThat(wide.placements()).isEqualTo(20 * (1_000 + 1_000 * 7 * (1_440 - 60 + 1L)));
        assertThat(wide.validateMillis()).as("refused before any model is built").isLessThan(500);
        assertThat(ModelCost.markdown(List.of(small, wide), Machine.current(), "1.00 1.00 1.00", "1.00 1.00 1.00"))
                .contains("at most 150,000,000 candidate placements")
                .contains("| wide-1000-rooms | 68 KB | 20 | 1,000 | 1 min | 193,360,000 | **refused** |");
    }
}

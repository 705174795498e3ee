package org.communityscheduler.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import org.communityscheduler.data.GeneratedInstance;
import org.communityscheduler.data.InstanceShape;
import org.communityscheduler.data.InstanceSize;
import org.communityscheduler.data.Occupancy;
import org.junit.jupiter.api.Test;

class DatasetTest {

    @Test
    void aWeekIsASizeWithItsShapeAndTightnessAroundIt() {
        assertThat(Dataset.parse("S, S-tight, course-M, course-L-tight, enrolment-M, S", 3)).containsExactly(
                new Dataset(InstanceSize.S, 3),
                new Dataset(InstanceSize.S, 3, InstanceShape.COMMUNITY, Dataset.TIGHT),
                new Dataset(InstanceSize.M, 3, InstanceShape.COURSE, 0.5),
                new Dataset(InstanceSize.L, 3, InstanceShape.COURSE, Dataset.TIGHT),
                new Dataset(InstanceSize.M, 3, InstanceShape.ENROLMENT, 0.5));
        assertThat(new Dataset(InstanceSize.M, 3, InstanceShape.ENROLMENT, 0.5).week()).isEqualTo("enrolment-M");
        assertThat(new Dataset(InstanceSize.M, 1, InstanceShape.COURSE, 0.7).name()).isEqualTo("course-M-tightness0.7-seed1");
    }

    @Test
    void aTightWeekKeepsItsPlantedOptimumForTheGap() {
        GeneratedInstance tight = Dataset.parse("S-tight", 1).get(0).generate();

        assertThat(tight.planted().score()).isEqualTo("0hard/0medium/0soft");
        assertThat(Occupancy.of(tight).share()).isGreaterThanOrEqualTo(0.9);
        assertThat(tight.plantedSessions()).isGreaterThan(new Dataset(InstanceSize.S, 1).generate().plantedSessions());
    }
}

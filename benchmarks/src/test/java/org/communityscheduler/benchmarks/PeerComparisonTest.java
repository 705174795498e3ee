package org.communityscheduler.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;

import org.communityscheduler.solve.SchedulingEngine;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

@Tag("slow") // the peer solvers, each solving for seconds
class PeerComparisonTest {

    /** comp05 is the ITC2007 instance whose last lecture the engine used to leave out. */
    @Test
    void bothSolversPlaceEveryLectureOfComp05() {
        PeerComparison.Week comp05 = PeerComparison.Week.itc2007(Path.of("itc2007", "comp05.ctt"));

        PeerComparison.Row row;
        try (SchedulingEngine engine = SchedulingEngine.shipped()) {
            row = PeerComparison.measure(comp05, CpSatPlacement.Options.of(Duration.ofSeconds(20)), engine,
                    Duration.ofSeconds(8));
        }

        assertThat(row.week()).isEqualTo("comp05");
        assertThat(row.sessions()).isEqualTo(152);
        assertThat(row.cpSatCompleteMillis()).as("CP-SAT placed every lecture").isNotNull();
        assertThat(row.cpSatScore().hardScore()).isZero();
        assertThat(row.timefoldCompleteMillis()).as("the engine placed every lecture").isNotNull();
        assertThat(row.timefoldScore().hardScore()).isZero();
        assertThat(row.timefoldScore().mediumScore()).isZero();
    }
}

package org.communityscheduler.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;

import org.communityscheduler.data.InstanceSize;
import org.junit.jupiter.api.Test;

class MoveSpeedTest {

    @Test
    void aWeekAndAnItc2007InstanceAreMeasuredInMovesPerCpuSecond() {
        ByteArrayOutputStream progress = new ByteArrayOutputStream();

        List<MoveSpeed.Row> rows = MoveSpeed.measure(List.of(new Dataset(InstanceSize.S, 1)),
                List.of(Path.of("itc2007/comp01.ctt")), 2_000, new PrintStream(progress, true));

        assertThat(rows).extracting(MoveSpeed.Row::week).containsExactly("S-seed1", "comp01.ctt");
        assertThat(rows).extracting(MoveSpeed.Row::sessions).containsExactly(40, 160);
        assertThat(rows).allSatisfy(row -> {
            assertThat(row.rounds()).hasSize(3);
            assertThat(min(row.rounds())).isPositive();
            assertThat(row.median()).isBetween(min(row.rounds()), max(row.rounds()));
        });
        assertThat(progress.toString()).contains("S-seed1: ").contains(" moves per CPU second (rounds [");
        assertThat(MoveSpeed.markdown(rows, Machine.current(), "1.00 1.00 1.00", "1.00 1.00 1.00"))
                .contains("2,000 moves a round").contains("| S-seed1 | 40 | ");
    }

    private static long min(long[] values) {
        return java.util.Arrays.stream(values).min().orElseThrow();
    }

    private static long max(long[] values) {
        return java.util.Arrays.stream(values).max().orElseThrow();
    }
}

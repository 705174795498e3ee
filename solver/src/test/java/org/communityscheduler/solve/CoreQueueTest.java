package org.communityscheduler.solve;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Solves get a core in the order they were started, however their threads come. */
class CoreQueueTest {

    @Test
    void solvesGetACoreInTheOrderTheyQueuedForIt() throws InterruptedException {
        ParallelSolve.Core core = new ParallelSolve.Core(null, 1);
        Object first = core.queue();
        Object second = core.queue();
        Object third = core.queue();

        assertThat(core.enter(third, 1)).as("not its turn").isFalse();
        assertThat(core.enter(second, 1)).as("not its turn").isFalse();
        assertThat(core.enter(first, 1)).isTrue();
        assertThat(core.enter(second, 1)).as("the only permit is held").isFalse();

        core.release();
        core.leaveQueue(second); // stopped while it waited
        assertThat(core.enter(third, 1)).isTrue();
    }

    @Test
    void aCoreForTwoSolvesLetsTheFirstTwoIn() throws InterruptedException {
        ParallelSolve.Core core = new ParallelSolve.Core(null, 2);
        Object first = core.queue();
        Object second = core.queue();
        Object third = core.queue();

        assertThat(core.enter(first, 1)).isTrue();
        assertThat(core.enter(second, 1)).isTrue();
        assertThat(core.enter(third, 1)).isFalse();
        core.release();
        assertThat(core.enter(third, 1)).isTrue();
    }
}

package org.communityscheduler.solve;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

/** Solves get a core in the order they were started, however their threads come. */
class CoreQueueTest {

    @Test
    void solvesGetACoreInTheOrderTheyQueuedForIt() throws InterruptedException {
        ParallelSolve.Core core = new ParallelSolve.Core(null, 1);
        List<Object> tickets = List.of(core.queue(), core.queue(), core.queue());
        Object first = tickets.get(0);
        Object second = tickets.get(1);
        Object third = tickets.get(2);

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
        List<Object> tickets = List.of(core.queue(), core.queue(), core.queue());

        assertThat(core.enter(tickets.get(0), 1)).isTrue();
        assertThat(core.enter(tickets.get(1), 1)).isTrue();
        assertThat(core.enter(tickets.get(2), 1)).isFalse();
        core.release();
        assertThat(core.enter(tickets.get(2), 1)).isTrue();
    }
}

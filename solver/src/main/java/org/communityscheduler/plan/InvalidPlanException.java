package org.communityscheduler.plan;

import java.util.List;
import java.util.stream.Collectors;

/** The one error type for bad input: it carries every problem found, never just the first. */
public class InvalidPlanException extends RuntimeException {

    private final List<Problem> problems;

    public InvalidPlanException(List<Problem> problems) {
        super(problems.stream().map(Problem::toString).collect(Collectors.joining("\n")));
        this.problems = List.copyOf(problems);
    }

    public List<Problem> problems() {
        return problems;
    }
}

package org.communityscheduler.benchmarks;

import java.util.function.Supplier;

import ai.timefold.solver.core.config.solver.SolverConfig;

/**
 * A named solver configuration under comparison: the model, the constraints and the phases, without
 * termination (each run gets the benchmark's).
 *
 * @param name what {@code --configs} and the results call it
 * @param description one line for the README and the command's help
 * @param solverConfig a fresh configuration on every call: the Benchmarker changes what it is given
 */
public record Configuration(String name, String description, Supplier<SolverConfig> solverConfig) {

    public SolverConfig build() {
        return solverConfig.get();
    }
}

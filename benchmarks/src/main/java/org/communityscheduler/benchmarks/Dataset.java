package org.communityscheduler.benchmarks;

import java.util.ArrayList;
import java.util.List;

import org.communityscheduler.data.GeneratedInstance;
import org.communityscheduler.data.GeneratorOptions;
import org.communityscheduler.data.InstanceGenerator;
import org.communityscheduler.data.InstanceSize;

/**
 * One generated week the configurations are compared on: a size and a fixed seed, so every run and
 * every machine solves the same plan. Its planted schedule is the known optimum.
 */
public record Dataset(InstanceSize size, long seed) {

    public static final long DEFAULT_SEED = 1;

    /** {@code S-seed1}: the file name of the plan and the problem's name in the Benchmarker's report. */
    public String name() {
        return size + "-seed" + seed;
    }

    public GeneratedInstance generate() {
        return InstanceGenerator.generate(GeneratorOptions.of(size, seed));
    }

    /** {@code S,M,L} with one seed. */
    public static List<Dataset> parse(String commaSeparatedSizes, long seed) {
        List<Dataset> datasets = new ArrayList<>();
        for (String size : commaSeparatedSizes.split(",")) {
            if (size.isBlank()) {
                continue;
            }
            Dataset dataset = new Dataset(InstanceSize.parse(size), seed);
            if (!datasets.contains(dataset)) {
                datasets.add(dataset);
            }
        }
        if (datasets.isEmpty()) {
            throw new IllegalArgumentException("name at least one size (S, M, L, XL)");
        }
        return datasets;
    }
}

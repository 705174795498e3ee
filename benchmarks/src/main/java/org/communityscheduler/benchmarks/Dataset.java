package org.communityscheduler.benchmarks;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.communityscheduler.data.GeneratedInstance;
import org.communityscheduler.data.GeneratorOptions;
import org.communityscheduler.data.InstanceGenerator;
import org.communityscheduler.data.InstanceShape;
import org.communityscheduler.data.InstanceSize;

/**
 * One generated week the configurations are compared on: a size, shape and tightness and a fixed seed,
 * so every run and every machine solves the same plan. Its planted schedule is the known optimum.
 *
 * @param tightness the generator's tightness: the default, or 1 for a tight week whose rooms are booked
 *        out (about 90 to 95 % of their open hours)
 */
public record Dataset(InstanceSize size, long seed, InstanceShape shape, double tightness) {

    public static final long DEFAULT_SEED = 1;
    public static final double TIGHT = 1;
    private static final String COURSE = "course-";
    private static final String ENROLMENT = "enrolment-";
    private static final String TIGHT_SUFFIX = "-tight";

    public Dataset {
        options(size, seed, shape, tightness); // refuses what the generator would
    }

    /** A community week of the size at the default tightness. */
    public Dataset(InstanceSize size, long seed) {
        this(size, seed, InstanceShape.COMMUNITY, GeneratorOptions.DEFAULT_TIGHTNESS);
    }

    /** {@code S}, {@code S-tight}, {@code course-M}, {@code enrolment-M}: how {@code --sizes} names the week. */
    public String week() {
        String week = switch (shape) {
            case COURSE -> COURSE;
            case ENROLMENT -> ENROLMENT;
            case COMMUNITY -> "";
        } + size;
        if (tightness == TIGHT) {
            return week + TIGHT_SUFFIX;
        }
        return tightness == GeneratorOptions.DEFAULT_TIGHTNESS ? week : week + "-tightness" + tightness;
    }

    /** {@code S-seed1}, {@code M-tight-seed1}: the file name of the plan and the problem's name in the Benchmarker's report. */
    public String name() {
        return week() + "-seed" + seed;
    }

    public GeneratedInstance generate() {
        return InstanceGenerator.generate(options(size, seed, shape, tightness));
    }

    private static GeneratorOptions options(InstanceSize size, long seed, InstanceShape shape, double tightness) {
        return GeneratorOptions.of(size, seed).withShape(shape).withTightness(tightness);
    }

    /**
     * {@code S,M-tight,course-M,enrolment-M} with one seed: a size, {@code course-} or {@code enrolment-} before it
     * for those shapes, {@code -tight} after it for booked-out rooms.
     */
    public static List<Dataset> parse(String commaSeparatedWeeks, long seed) {
        List<Dataset> datasets = new ArrayList<>();
        for (String week : commaSeparatedWeeks.split(",")) {
            if (week.isBlank()) {
                continue;
            }
            Dataset dataset = week(week.strip(), seed);
            if (!datasets.contains(dataset)) {
                datasets.add(dataset);
            }
        }
        if (datasets.isEmpty()) {
            throw new IllegalArgumentException("name at least one week: a size (S, M, L, XL), S-tight, course-M...");
        }
        return datasets;
    }

    private static Dataset week(String text, long seed) {
        String size = text.toLowerCase(Locale.ROOT);
        InstanceShape shape = InstanceShape.COMMUNITY;
        double tightness = GeneratorOptions.DEFAULT_TIGHTNESS;
        if (size.startsWith(COURSE)) {
            shape = InstanceShape.COURSE;
            size = size.substring(COURSE.length());
        } else if (size.startsWith(ENROLMENT)) {
            shape = InstanceShape.ENROLMENT;
            size = size.substring(ENROLMENT.length());
        }
        if (size.endsWith(TIGHT_SUFFIX)) {
            tightness = TIGHT;
            size = size.substring(0, size.length() - TIGHT_SUFFIX.length());
        }
        try {
            return new Dataset(InstanceSize.parse(size), seed, shape, tightness);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(e.getMessage() + " (in the week \"" + text
                    + "\"; weeks are named like S, S-tight, course-M)");
        }
    }
}

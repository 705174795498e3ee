package org.communityscheduler.data;

import java.util.Objects;

/**
 * What to generate.
 *
 * @param size how big the week is
 * @param seed the same size, seed and options always give the same plan, byte for byte
 * @param tightness 0..1, how little spare room and time surrounds the planted schedule. It scales the
 *        sessions asked for (0.8 to 1.2 times the size's target; at the top XL and CITY stop where their
 *        workers are full), the share of activities whose allowed times are cut down to the planted days
 *        (and how closely: from 2 hours either side at 0 to exactly the planted sessions at 1), how often
 *        and how closely preferred times are stated, how far groups fill their rooms, and how many workers
 *        get a daily limit equal to their planted busiest day and a free stretch marked unavailable
 * @param overfullPercent 0..100: this many percent more sessions are requested than the planted schedule
 *        holds (see {@link InstanceGenerator} for why they provably cannot fit)
 */
public record GeneratorOptions(InstanceSize size, long seed, double tightness, int overfullPercent) {

    public static final double DEFAULT_TIGHTNESS = 0.5;
    public static final int MAX_OVERFULL_PERCENT = 100;

    public GeneratorOptions {
        Objects.requireNonNull(size, "size");
        if (!(tightness >= 0 && tightness <= 1)) {
            throw new IllegalArgumentException("tightness must lie between 0 and 1, not " + tightness);
        }
        if (overfullPercent < 0 || overfullPercent > MAX_OVERFULL_PERCENT) {
            throw new IllegalArgumentException("overfull must lie between 0 and " + MAX_OVERFULL_PERCENT
                    + " percent, not " + overfullPercent);
        }
    }

    /** The default tightness, nothing overfull: the optimum is 0hard/0medium/0soft. */
    public static GeneratorOptions of(InstanceSize size, long seed) {
        return new GeneratorOptions(size, seed, DEFAULT_TIGHTNESS, 0);
    }

    public GeneratorOptions withTightness(double newTightness) {
        return new GeneratorOptions(size, seed, newTightness, overfullPercent);
    }

    public GeneratorOptions withOverfullPercent(int newOverfullPercent) {
        return new GeneratorOptions(size, seed, tightness, newOverfullPercent);
    }
}

package org.communityscheduler.data;

import java.util.Objects;

import org.communityscheduler.text.TextException;

/**
 * What to generate.
 *
 * @param size how big the week is
 * @param seed the same size, seed and options always give the same plan, byte for byte
 * @param tightness 0..1, how little spare room and time surrounds the planted schedule. It scales the
 *        sessions asked for (0.8 to 1.2 times the size's target; at the top XL and CITY stop where their
 *        workers are full), how often and how closely preferred times are stated, how far groups fill their
 *        rooms, and how many workers get a daily limit equal to their planted busiest day and a free stretch
 *        marked unavailable. Up to the default ½ it also cuts more activities' allowed times down to the
 *        planted days, more closely (from 2 hours either side at 0 to 1 hour at ½). Above ½ it books the rooms
 *        out instead: the rooms are filled to {@link #occupancyGoal} of their open hours, 95 % at 1 (see
 *        {@link Occupancy}), hiring staff where the centre's own are all busy
 * @param overfullPercent 0..100: this many percent more sessions are requested than the planted schedule
 *        holds (see {@link InstanceGenerator} for why they provably cannot fit)
 * @param shape community centres' weeks, or a course timetable ({@link InstanceShape})
 */
public record GeneratorOptions(InstanceSize size, long seed, double tightness, int overfullPercent, InstanceShape shape) {

    public static final double DEFAULT_TIGHTNESS = 0.5;
    public static final int MAX_OVERFULL_PERCENT = 100;
    /** The occupancy the rooms are booked to at tightness 1: full but for a few spare slots to move into. */
    public static final double MAX_OCCUPANCY = 0.95;

    public GeneratorOptions {
        Objects.requireNonNull(size, "size");
        Objects.requireNonNull(shape, "shape");
        if (!(tightness >= 0 && tightness <= 1)) {
            throw new TextException("generate.tightness", String.valueOf(tightness));
        }
        if (overfullPercent < 0 || overfullPercent > MAX_OVERFULL_PERCENT) {
            throw new TextException("generate.overfull", MAX_OVERFULL_PERCENT, overfullPercent);
        }
        shape.check(size);
    }

    /** Community centres, the default tightness, nothing overfull: the optimum is 0hard/0medium/0soft. */
    public static GeneratorOptions of(InstanceSize size, long seed) {
        return new GeneratorOptions(size, seed, DEFAULT_TIGHTNESS, 0, InstanceShape.COMMUNITY);
    }

    /**
     * The share of each room's open hours the planted schedule books at this tightness: none asked for
     * up to the default (the rooms keep what the planted activities take), rising to {@link #MAX_OCCUPANCY} at 1.
     */
    public static double occupancyGoal(double tightness) {
        return MAX_OCCUPANCY * Math.max(0, tightness - DEFAULT_TIGHTNESS) / (1 - DEFAULT_TIGHTNESS);
    }

    public GeneratorOptions withTightness(double newTightness) {
        return new GeneratorOptions(size, seed, newTightness, overfullPercent, shape);
    }

    public GeneratorOptions withOverfullPercent(int newOverfullPercent) {
        return new GeneratorOptions(size, seed, tightness, newOverfullPercent, shape);
    }

    public GeneratorOptions withShape(InstanceShape newShape) {
        return new GeneratorOptions(size, seed, tightness, overfullPercent, newShape);
    }
}

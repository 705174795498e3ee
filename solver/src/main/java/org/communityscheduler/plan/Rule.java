package org.communityscheduler.plan;

import java.util.Optional;

import ai.timefold.solver.core.api.score.buildin.hardmediumsoftlong.HardMediumSoftLongScore;

import org.communityscheduler.text.Text;
import org.communityscheduler.text.TextException;

/**
 * Every constraint of the engine: its public name (used in {@code constraintWeights}, the analysis,
 * the web page and the README), its default weight and what one unit of penalty is. The one place
 * where default weights live.
 */
public enum Rule {
    ROOM_CLASH("Room clash", HardMediumSoftLongScore.ofHard(1), "overlap minutes"),
    WORKER_CLASH("Worker clash", HardMediumSoftLongScore.ofHard(1), "overlap minutes per shared worker"),
    AUDIENCE_CLASH("Audience clash", HardMediumSoftLongScore.ofHard(1), "overlap minutes"),
    LOCKED_DOORS("Locked doors", HardMediumSoftLongScore.ofHard(1), "minutes outside opening and on-request hours"),
    ROOM_CAPACITY("Room capacity", HardMediumSoftLongScore.ofHard(1), "participants over capacity"),
    MISSING_FEATURE("Missing feature", HardMediumSoftLongScore.ofHard(1), "missing features"),
    WORKER_UNAVAILABLE("Worker unavailable", HardMediumSoftLongScore.ofHard(1), "minutes, per worker"),
    OUTSIDE_ALLOWED_TIMES("Outside allowed times", HardMediumSoftLongScore.ofHard(1), "minutes outside"),
    WRONG_SITE("Wrong site", HardMediumSoftLongScore.ofHard(1), "1 per session and worker"),
    OUT_OF_ORDER("Out of order", HardMediumSoftLongScore.ofHard(1), "pairs of sessions"),
    UNASSIGNED_SESSION("Unassigned session", HardMediumSoftLongScore.ofMedium(1), "activity priority"),
    NOISE_BESIDE_QUIET("Noise beside quiet", HardMediumSoftLongScore.ofSoft(10), "overlap minutes"),
    NOISE_DURING_QUIET_HOURS("Noise during quiet hours", HardMediumSoftLongScore.ofSoft(5), "minutes"),
    DOORS_ON_REQUEST("Doors on request", HardMediumSoftLongScore.ofSoft(2), "minutes"),
    OVERTIME("Overtime outside working hours", HardMediumSoftLongScore.ofSoft(3), "minutes, per worker"),
    OVER_DAILY_LIMIT("Over daily limit", HardMediumSoftLongScore.ofSoft(3), "minutes over the limit"),
    FAIR_OVERTIME("Fair overtime", HardMediumSoftLongScore.ofSoft(1), "unfairness of overtime minutes"),
    NOT_PREFERRED_TIME("Not preferred time", HardMediumSoftLongScore.ofSoft(1), "minutes outside preferred times"),
    ROOM_STABILITY("Room stability", HardMediumSoftLongScore.ofSoft(30), "extra rooms"),
    SAME_DAY_REPEAT("Same-day repeat", HardMediumSoftLongScore.ofSoft(60), "pairs"),
    TOO_FEW_DAYS("Too few days", HardMediumSoftLongScore.ofSoft(60), "days missing"),
    LONG_STRETCH("Long stretch", HardMediumSoftLongScore.ofSoft(2), "minutes beyond the longest run"),
    SINGLE_SESSION_DAY("Single-session day", HardMediumSoftLongScore.ofSoft(60), "days"),
    ISOLATED_SESSION("Isolated session", HardMediumSoftLongScore.ofSoft(30), "sessions, per worker or audience"),
    WORKER_SITE_CHANGES("Worker site changes", HardMediumSoftLongScore.ofSoft(60), "changes"),
    DISRUPTION("Disruption", HardMediumSoftLongScore.ofSoft(100), "moved sessions");

    private final String title;
    private final HardMediumSoftLongScore defaultWeight;
    private final String unit;

    Rule(String title, HardMediumSoftLongScore defaultWeight, String unit) {
        this.title = title;
        this.defaultWeight = defaultWeight;
        this.unit = unit;
    }

    /** The constraint's public name, a plain sentence such as "Room clash". */
    public String title() {
        return title;
    }

    /** The constraint's name as a person reads it, in their language; {@link #title()} stays the identifier. */
    public Text displayName() {
        return Text.of("schedule.constraint." + name());
    }

    /** A constraint's name as a person reads it: a rule's {@link #displayName()}, any other name as written. */
    public static Text displayNameOf(String title) {
        return byTitle(title).map(Rule::displayName).orElse(Text.of("plan.asWritten", title));
    }

    public HardMediumSoftLongScore defaultWeight() {
        return defaultWeight;
    }

    public String unit() {
        return unit;
    }

    /** "hard", "medium" or "soft": the level of the default weight. */
    public String level() {
        return levelOf(defaultWeight);
    }

    public static String levelOf(HardMediumSoftLongScore weight) {
        if (weight.hardScore() != 0) {
            return "hard";
        }
        return weight.mediumScore() != 0 ? "medium" : "soft";
    }

    public static Optional<Rule> byTitle(String title) {
        for (Rule rule : values()) {
            if (rule.title.equals(title)) {
                return Optional.of(rule);
            }
        }
        return Optional.empty();
    }

    /**
     * Reads a weight from a plan: a score such as {@code "0hard/0medium/5soft"}, or a plain number
     * that keeps this rule's level ({@code "5"} is 5 soft for a soft rule; {@code "0"} switches it off).
     */
    public HardMediumSoftLongScore parseWeight(String text) {
        String trimmed = text.strip();
        HardMediumSoftLongScore weight;
        if (trimmed.matches("-?\\d{1,15}")) {
            long amount = Long.parseLong(trimmed);
            weight = switch (level()) {
                case "hard" -> HardMediumSoftLongScore.ofHard(amount);
                case "medium" -> HardMediumSoftLongScore.ofMedium(amount);
                default -> HardMediumSoftLongScore.ofSoft(amount);
            };
        } else {
            try {
                weight = HardMediumSoftLongScore.parseScore(trimmed);
            } catch (RuntimeException e) {
                throw new TextException("plan.weightUnreadable", text);
            }
        }
        if (weight.hardScore() < 0 || weight.mediumScore() < 0 || weight.softScore() < 0) {
            throw new TextException("plan.weightNegative", text);
        }
        if (weight.hardScore() > Plan.MAX_WEIGHT || weight.mediumScore() > Plan.MAX_WEIGHT
                || weight.softScore() > Plan.MAX_WEIGHT) {
            throw new TextException("plan.weightTooLarge", text, Plan.MAX_WEIGHT);
        }
        return weight;
    }
}

package org.communityscheduler.data;

import java.util.Arrays;
import java.util.Locale;

import org.communityscheduler.text.TextException;

/**
 * How big a generated week is: from one community centre (S) to a whole city (CITY). Counts of
 * sessions are targets at the default tightness; the generator plants as many as fit, usually
 * within a few percent.
 */
public enum InstanceSize {
    S(1, 5, 8, 6, 10, 2, 5, 40),
    M(10, 60, 60, 50, 50, 12, 12, 500),
    L(30, 200, 200, 150, 150, 30, 30, 2_000),
    XL(100, 600, 600, 500, 500, 80, 80, 8_000),
    CITY(300, 1_800, 1_800, 1_500, 1_500, 200, 200, 25_000);

    final int sites;
    final int minRooms;
    final int maxRooms;
    final int minWorkers;
    final int maxWorkers;
    final int minOrganizations;
    final int maxOrganizations;
    final int sessions;

    InstanceSize(int sites, int minRooms, int maxRooms, int minWorkers, int maxWorkers, int minOrganizations,
            int maxOrganizations, int sessions) {
        this.sites = sites;
        this.minRooms = minRooms;
        this.maxRooms = maxRooms;
        this.minWorkers = minWorkers;
        this.maxWorkers = maxWorkers;
        this.minOrganizations = minOrganizations;
        this.maxOrganizations = maxOrganizations;
        this.sessions = sessions;
    }

    /** Roughly how many sessions a week of this size asks for (at the default tightness). */
    public int targetSessions() {
        return sessions;
    }

    /** {@code S}, {@code m}, {@code city}...; the message lists the sizes. */
    public static InstanceSize parse(String text) {
        for (InstanceSize size : values()) {
            if (size.name().equals(text.strip().toUpperCase(Locale.ROOT))) {
                return size;
            }
        }
        throw new TextException("generate.unknownSize", text,
                String.join(", ", Arrays.stream(values()).map(Enum::name).toList()));
    }
}

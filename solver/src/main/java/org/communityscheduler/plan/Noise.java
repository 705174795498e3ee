package org.communityscheduler.plan;

/** How much an activity disturbs (LOUD) or is disturbed (QUIET). */
public enum Noise {
    QUIET, NORMAL, LOUD
}

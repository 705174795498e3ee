package org.communityscheduler.constraints;

import ai.timefold.solver.core.api.score.stream.ConstraintJustification;

import org.communityscheduler.model.Session;
import org.communityscheduler.text.Text;

/** Why a constraint matched, in words a coordinator can read, and which sessions it is about. */
public interface Justification extends ConstraintJustification {

    Text description();

    /** Whether this match is about the given session (used to highlight sessions on the page). */
    boolean concerns(Session session);
}

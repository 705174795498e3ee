package org.communityscheduler.model;

/** Someone who attends sessions and has a day: a worker, or an audience (a participant group). */
public interface Attendee {

    String getId();

    String getName();

    DayShape getDayShape();
}

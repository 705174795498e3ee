package org.communityscheduler.model;

import java.util.List;

import ai.timefold.solver.core.api.domain.entity.PlanningEntity;
import ai.timefold.solver.core.api.domain.entity.PlanningPin;
import ai.timefold.solver.core.api.domain.lookup.PlanningId;
import ai.timefold.solver.core.api.domain.valuerange.ValueRangeProvider;
import ai.timefold.solver.core.api.domain.variable.PlanningVariable;

import org.communityscheduler.plan.Day;
import org.communityscheduler.plan.SessionKey;

/**
 * One occurrence of an activity in the week: the planning entity. The solver picks its start (a
 * minute of the week on the slot grid) and its room; either may stay unassigned, and a session
 * counts as placed only when both are set.
 */
@PlanningEntity(comparatorClass = SessionDifficulty.class)
public class Session {

    @PlanningId
    private String id;
    private Activity activity;
    /** 1 for the activity's first session of the week. */
    private int number;
    /** Fixed by the coordinator. */
    private boolean pinned;
    /** Pinned by the coordinator, or impossible to place: the solver never touches it. */
    @PlanningPin
    private boolean locked;
    /** Taken out of the week by a coordinator, as a schedule sent back says: its reason says so. */
    private boolean takenOut;
    private Room previousRoom;
    private Integer previousStart;
    /** Starts where the session fits in some candidate room, its allowed times and its workers' availability. */
    private List<Integer> startRange;
    /** Rooms with enough seats and every required feature, at a site the activity and its workers may use. */
    private List<Room> roomRange;
    /** Each of the activity's workers at this session. */
    private List<Attendance> attendances;
    /** Each of the activity's audiences at this session. */
    private List<Attendance> audienceAttendances;
    /** The attendances of workers, then of audiences. */
    private List<Attendance> everyAttendance;

    @PlanningVariable(allowsUnassigned = true, valueRangeProviderRefs = "startRange")
    private Integer start;
    @PlanningVariable(allowsUnassigned = true, valueRangeProviderRefs = "roomRange")
    private Room room;

    /** For Timefold's cloning. */
    public Session() {
    }

    public Session(Activity activity, int number, List<Integer> startRange, List<Room> roomRange) {
        this.id = SessionKey.of(activity.getId(), number).toString();
        this.activity = activity;
        this.number = number;
        this.startRange = startRange;
        this.roomRange = roomRange;
        attend();
    }

    /** The attendances of this session's workers and audiences, made anew (for a copy of its own). */
    private void attend() {
        attendances = activity.getWorkers().stream().map(worker -> new Attendance(this, worker)).toList();
        audienceAttendances = activity.getAudiences().stream().map(audience -> new Attendance(this, audience)).toList();
        List<Attendance> every = new java.util.ArrayList<>(attendances);
        every.addAll(audienceAttendances);
        everyAttendance = List.copyOf(every);
    }

    /** A copy with its own attendances, for a solver that must not share the original. */
    Session copy() {
        Session copy = new Session();
        copy.id = id;
        copy.activity = activity;
        copy.number = number;
        copy.pinned = pinned;
        copy.locked = locked;
        copy.takenOut = takenOut;
        copy.previousRoom = previousRoom;
        copy.previousStart = previousStart;
        copy.startRange = startRange;
        copy.roomRange = roomRange;
        copy.attend();
        copy.start = start;
        copy.room = room;
        return copy;
    }

    /** Fixes the session where the coordinator put it. */
    public void pin(Room pinnedRoom, int pinnedStart) {
        place(pinnedRoom, pinnedStart);
        this.pinned = true;
        this.locked = true;
    }

    /**
     * Puts the session in a room at a start chosen by a person (pinned, or edited by hand). Such a
     * placement may break rules the ranges leave out, so this session's ranges are widened to hold it:
     * the constraints then say what it breaks.
     */
    public void place(Room chosenRoom, int chosenStart) {
        Integer boxedStart = WeekTime.boxed(chosenStart);
        if (!startRange.contains(boxedStart)) {
            startRange = widened(startRange, boxedStart);
        }
        if (!roomRange.contains(chosenRoom)) {
            roomRange = widened(roomRange, chosenRoom);
        }
        this.room = chosenRoom;
        this.start = boxedStart;
        this.takenOut = false;
    }

    /** Out of the week, unpinned, as a schedule sent back leaves it; {@code byHand} when a coordinator took it out. */
    public void leaveOut(boolean byHand) {
        unpin();
        this.room = null;
        this.start = null;
        this.takenOut = byHand;
    }

    /** Whether a coordinator took this session out of the week by hand. */
    public boolean isTakenOut() {
        return takenOut && !isAssigned();
    }

    private static <T> List<T> widened(List<T> range, T value) {
        List<T> copy = new java.util.ArrayList<>(range.size() + 1);
        copy.addAll(range);
        copy.add(value);
        return List.copyOf(copy);
    }

    /** No longer fixed: a coordinator took the pin off (a session with nowhere to go stays out of the solver's way). */
    public void unpin() {
        this.pinned = false;
        this.locked = activity.getUnplaceableReason() != null;
    }

    /** A session with nowhere to go is kept out of the solver's way. */
    void lockUnplaceable() {
        this.locked = true;
    }

    public void setPrevious(Room previousRoom, int previousStart) {
        this.previousRoom = previousRoom;
        this.previousStart = WeekTime.boxed(previousStart);
    }

    /**
     * A session not placed yet starts where the published week had it, when its ranges still hold that place: the
     * solver then starts from that week rather than from nothing, and leaves it only where that pays.
     */
    public void startAtPrevious() {
        if (!locked && !isAssigned() && previousStart != null && roomRange.contains(previousRoom)
                && startRange.contains(previousStart)) {
            this.room = previousRoom;
            this.start = previousStart;
        }
    }

    @ValueRangeProvider(id = "startRange")
    public List<Integer> getStartRange() {
        return startRange;
    }

    @ValueRangeProvider(id = "roomRange")
    public List<Room> getRoomRange() {
        return roomRange;
    }

    /** The workers at this session. */
    public List<Attendance> getAttendances() {
        return attendances;
    }

    public List<Attendance> getAudienceAttendances() {
        return audienceAttendances;
    }

    public List<Attendance> getEveryAttendance() {
        return everyAttendance;
    }

    public boolean isPlaceable() {
        return !startRange.isEmpty() && !roomRange.isEmpty();
    }

    public boolean isAssigned() {
        return start != null && room != null;
    }

    public String getId() {
        return id;
    }

    public Activity getActivity() {
        return activity;
    }

    public int getNumber() {
        return number;
    }

    public boolean isPinned() {
        return pinned;
    }

    public boolean isLocked() {
        return locked;
    }

    public Integer getStart() {
        return start;
    }

    public void setStart(Integer start) {
        this.start = start;
    }

    /** The minute the session ends; only for assigned sessions. */
    public Integer getEnd() {
        return WeekTime.boxed(start + activity.getDurationMinutes());
    }

    /** 0 for Monday; only for assigned sessions. */
    public int getDay() {
        return start / Day.MINUTES_PER_DAY;
    }

    public Room getRoom() {
        return room;
    }

    public void setRoom(Room room) {
        this.room = room;
    }

    public Site getSite() {
        return room.getSite();
    }

    public Room getPreviousRoom() {
        return previousRoom;
    }

    public Integer getPreviousStart() {
        return previousStart;
    }

    public boolean hasPrevious() {
        return previousStart != null;
    }

    /** Moved from, or no longer at, the published placement. */
    public boolean isMovedFromPrevious() {
        return previousStart != null && (room != previousRoom || !previousStart.equals(start));
    }

    public int overlapMinutes(Session other) {
        return Math.min(start + activity.getDurationMinutes(), other.start + other.activity.getDurationMinutes())
                - Math.max(start, other.start);
    }

    @Override
    public String toString() {
        return id + (isAssigned() ? " (" + room + " " + WeekTime.format(start) + ")" : " (unassigned)");
    }
}

package org.communityscheduler.server.publish;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

import com.fasterxml.jackson.annotation.JsonAlias;

import org.communityscheduler.plan.TimeOfDay;

/**
 * The published weeks that calendar feeds serve, and the secret their feed keys derive from; kept apart from the
 * jobs, which are pruned, so that a published week outlives the job it came from.
 * {@link PublicationFiles} keeps them in the data directory, {@link PublicationDatabase} in the database that
 * several replicas share.
 */
public interface Publications {

    /** Every published week, earliest first. */
    List<PublishedWeek> weeks();

    /**
     * Makes {@code revise(the week now published for startDate, if any)} the published week for {@code startDate},
     * in one step: two publications of one week at once do not interleave.
     */
    PublishedWeek publish(LocalDate startDate, Function<Optional<PublishedWeek>, PublishedWeek> revise);

    /** Takes a week out of the feeds; false when it was not published. */
    boolean unpublish(LocalDate startDate);

    /** When a week was last published or taken out; null before the first publication. */
    Instant changed();

    /** The secret every feed key derives from, made on first use (at least 256 random bits). */
    byte[] feedSecret();

    /** Replaces the feed secret: every feed URL handed out so far stops working. */
    byte[] rotateFeedSecret();

    /**
     * One week as its feeds show it: a copy of what the calendar needs, not a reference to a job.
     *
     * @param job the job whose schedule was published
     * @param published when it was (last) published
     * @param workers the plan's workers, also those without a session this week (each has a feed)
     */
    record PublishedWeek(LocalDate startDate, ZoneId timeZone, String name, String job, Instant published,
            List<PublishedSession> sessions, List<Named> workers, List<Named> rooms, List<Named> organizations) {

        public PublishedWeek {
            sessions = List.copyOf(sessions);
            workers = List.copyOf(workers);
            rooms = List.copyOf(rooms);
            organizations = List.copyOf(organizations);
        }

        /** This week, which a publication for {@code startDate} made: it must start then. */
        PublishedWeek requireStartsOn(LocalDate startDate) {
            if (!startDate.equals(startDate())) {
                throw new IllegalArgumentException("a week published for " + startDate + " starts on " + startDate());
            }
            return this;
        }
    }

    /** A worker, room or organisation of a published week's plan. */
    record Named(String id, String name) {
    }

    /**
     * One placed session of a published week, with what its calendar event says; {@code sequence} and
     * {@code modified} change only when the event does, so that calendars update it rather than add another.
     */
    record PublishedSession(String activity, int session, Event event, int sequence, Instant created,
            Instant modified) {
    }

    /**
     * The facts of a session's calendar event, in the plan's own words (names, not ids, where a person reads them);
     * its texts are written from them in each reader's language ({@link CalendarEvents}).
     *
     * @param activityName a week published before the title was written from facts stored its title, already
     *     numbered ({@code 剪纸 #2}), as {@code title}: it is read as the name, and shown as it was until the week is
     *     published again
     * @param numbered whether the title counts the session ({@code 剪纸 第2场}): the activity has more than one a week
     */
    record Event(@JsonAlias("title") String activityName, LocalDate date, TimeOfDay start, TimeOfDay end, String room,
            String roomName, String siteName, String organization, String organizationName, List<String> workers,
            List<String> workerNames, int participants, boolean pinned, boolean numbered) {

        public Event {
            workers = List.copyOf(workers);
            workerNames = List.copyOf(workerNames);
        }
    }
}

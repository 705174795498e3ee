package org.communityscheduler.plan;

import java.util.Optional;

/**
 * Names one session of a week: {@code teen-club#2} is the second session of activity {@code teen-club}.
 * Sessions are numbered from 1 within their activity; this is the id the planning model and the
 * schedule documents use for a session.
 */
public record SessionKey(String activity, int number) {

    public static SessionKey of(String activity, int number) {
        return new SessionKey(activity, number);
    }

    /** Reads {@code activity#n}; activity ids may themselves hold a {@code #}, so the last one splits. */
    public static Optional<SessionKey> parse(String text) {
        int hash = text.lastIndexOf('#');
        if (hash <= 0 || hash == text.length() - 1) {
            return Optional.empty();
        }
        try {
            int number = Integer.parseInt(text.substring(hash + 1));
            return number < 1 ? Optional.empty() : Optional.of(new SessionKey(text.substring(0, hash), number));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    @Override
    public String toString() {
        return activity + "#" + number;
    }
}

package org.communityscheduler.solve;

import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.communityscheduler.text.TextException;

/** Reads time limits as people write them: {@code 30s}, {@code 2m}, {@code 1m30s}, {@code 500ms}, {@code 45}. */
public final class TimeLimit {

    private static final Pattern PART = Pattern.compile("(\\d+)(ms|s|m|h)");

    private TimeLimit() {
    }

    /** @throws IllegalArgumentException saying what a time limit looks like */
    public static Duration parse(String text) {
        String trimmed = text.strip().toLowerCase(java.util.Locale.ROOT);
        if (trimmed.matches("\\d{1,9}")) {
            return Duration.ofSeconds(Long.parseLong(trimmed));
        }
        Matcher part = PART.matcher(trimmed);
        Duration total = Duration.ZERO;
        int position = 0;
        while (part.find() && part.start() == position && part.group(1).length() <= 9) {
            long amount = Long.parseLong(part.group(1));
            total = total.plus(switch (part.group(2)) {
                case "ms" -> Duration.ofMillis(amount);
                case "s" -> Duration.ofSeconds(amount);
                case "m" -> Duration.ofMinutes(amount);
                default -> Duration.ofHours(amount);
            });
            position = part.end();
        }
        if (trimmed.isEmpty() || position != trimmed.length()) {
            throw new TextException("server.timeLimitUnreadable", text);
        }
        if (total.isZero()) {
            throw new TextException("server.timeLimitZero");
        }
        return total;
    }

    /** {@code "30s"}, {@code "2m"}, {@code "1.5s"}. */
    public static String format(Duration duration) {
        long millis = duration.toMillis();
        if (millis % 60_000 == 0) {
            return (millis / 60_000) + "m";
        }
        if (millis % 1000 == 0) {
            return (millis / 1000) + "s";
        }
        return String.format(java.util.Locale.ROOT, "%.1fs", millis / 1000.0);
    }
}

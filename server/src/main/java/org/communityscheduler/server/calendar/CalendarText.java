package org.communityscheduler.server.calendar;

import biweekly.Biweekly;
import biweekly.ICalendar;

/**
 * An iCalendar document as text, the same for the feeds and the .ics export: its lines folded at 75 octets of UTF-8
 * (RFC 5545, 3.1), never inside a character. biweekly folds at 75 characters, and a line of Chinese is three octets
 * a character: calendar clients that hold to the octets (vdirsyncer, khal) took its 104-octet lines for broken.
 */
public final class CalendarText {

    /** The longest line, in octets, line break not counted. */
    static final int LINE_OCTETS = 75;
    private static final String BREAK = "\r\n";

    private CalendarText() {
    }

    public static String write(ICalendar calendar) {
        return fold(Biweekly.write(calendar).foldLines(false).go());
    }

    /**
     * Folds each line longer than {@link #LINE_OCTETS} octets: a line break and a space before the character that
     * would pass the limit (the space counts in the next line's octets). A character is a code point: a surrogate
     * pair is never split.
     */
    static String fold(String text) {
        StringBuilder folded = new StringBuilder(text.length() + text.length() / 32);
        int octets = 0;
        for (int i = 0; i < text.length(); ) {
            if (text.startsWith(BREAK, i)) {
                folded.append(BREAK);
                octets = 0;
                i += BREAK.length();
                continue;
            }
            int character = text.codePointAt(i);
            int length = utf8Octets(character);
            if (octets + length > LINE_OCTETS) {
                folded.append(BREAK).append(' ');
                octets = 1;
            }
            folded.appendCodePoint(character);
            octets += length;
            i += Character.charCount(character);
        }
        return folded.toString();
    }

    private static int utf8Octets(int character) {
        if (character < 0x80) {
            return 1;
        }
        if (character < 0x800) {
            return 2;
        }
        return character < 0x10000 ? 3 : 4;
    }
}

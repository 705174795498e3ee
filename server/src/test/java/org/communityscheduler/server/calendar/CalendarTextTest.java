package org.communityscheduler.server.calendar;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;

import biweekly.ICalendar;
import biweekly.component.VEvent;
import org.junit.jupiter.api.Test;

/** Lines of at most 75 octets (RFC 5545, 3.1), folded between characters, that unfold to the text written. */
class CalendarTextTest {

    @Test
    void aLineIsFoldedAt75OctetsNotAt75Characters() {
        String line = "DESCRIPTION:" + "社".repeat(30); // 42 characters, 102 octets

        String folded = CalendarText.fold(line + "\r\n");

        assertThat(folded).isEqualTo("DESCRIPTION:" + "社".repeat(21) + "\r\n " + "社".repeat(9) + "\r\n");
        assertThat(octets("DESCRIPTION:" + "社".repeat(21))).isEqualTo(75);
    }

    @Test
    void atEveryOffsetNoCharacterIsSplitAndUnfoldingGivesTheTextBack() {
        // One, two, three and four octets a character; 🎵 is a surrogate pair in Java.
        for (String character : List.of("a", "é", "社", "🎵")) {
            for (int prefix = 0; prefix < 80; prefix++) {
                String line = "X-WR-CALNAME:" + "x".repeat(prefix) + character.repeat(40) + "!";

                String folded = CalendarText.fold(line + "\r\n" + line + "\r\n");

                for (String physical : folded.split("\r\n")) {
                    assertThat(octets(physical)).as(physical).isLessThanOrEqualTo(75);
                    assertThat(physical.codePoints().filter(c -> Character.getType(c) == Character.SURROGATE).count()).as(physical).isZero();
                }
                assertThat(folded.replace("\r\n ", "")).isEqualTo(line + "\r\n" + line + "\r\n");
            }
        }
    }

    @Test
    void shortLinesAreLeftAsTheyAre() {
        String text = "BEGIN:VCALENDAR\r\n" + "X:" + "a".repeat(73) + "\r\nEND:VCALENDAR\r\n";

        assertThat(CalendarText.fold(text)).isEqualTo(text);
    }

    @Test
    void aCalendarIsWrittenFolded() {
        ICalendar calendar = new ICalendar();
        VEvent event = new VEvent();
        event.setSummary("滨州市乐助社会工作服务中心 · 青少年成长小组 第2场");
        calendar.addEvent(event);

        String written = CalendarText.write(calendar);

        assertThat(written.split("\r\n")).allSatisfy(line -> assertThat(octets(line)).isLessThanOrEqualTo(75));
        assertThat(written.replace("\r\n ", "")).contains("\r\nSUMMARY:滨州市乐助社会工作服务中心 · 青少年成长小组 第2场\r\n");
    }

    private static int octets(String text) {
        return text.getBytes(StandardCharsets.UTF_8).length;
    }
}

package org.communityscheduler.plan;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonProperty;

import org.communityscheduler.text.Language;
import org.communityscheduler.text.Text;

/**
 * One thing wrong with the input: where (a JSON path such as {@code activities[3].workers[0]};
 * {@code $} for the document itself) and what, as a catalogue {@link Text} rendered in the reader's language.
 * Always bad input: Timefold's "planning problem" is called the planning model here ({@code WeeklySchedule}),
 * so the two never meet.
 */
public record Problem(String path, @JsonIgnore Text text) {

    /** A message not yet in the catalogue, English only; the catalogue's {@code untranslated} code carries it. */
    public Problem(String path, String message) {
        this(path, Text.of("untranslated", message));
    }

    @JsonProperty
    public String code() {
        return text.code();
    }

    /** The message in English. */
    @JsonProperty
    public String message() {
        return text.in(Language.EN);
    }

    public String message(Language language) {
        return text.in(language);
    }

    /** The same problem with its path inside a bigger document ({@code plan.} + path). */
    public Problem under(String prefix) {
        return new Problem("$".equals(path) ? prefix : prefix + "." + path, text);
    }

    @Override
    public String toString() {
        return path + ": " + message();
    }
}

package org.communityscheduler.plan;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.annotation.JsonUnwrapped;
import com.fasterxml.jackson.databind.JsonNode;

import org.communityscheduler.text.Language;
import org.communityscheduler.text.Text;

/**
 * One thing wrong with the input: where (a JSON path such as {@code activities[3].workers[0]};
 * {@code $} for the document itself) and what, as a catalogue {@link Text} rendered in the reader's language.
 * In JSON: {@code {"path", "code", "message", "args"}}. Always bad input: Timefold's "planning problem" is
 * called the planning model here ({@code WeeklySchedule}), so the two never meet.
 */
@JsonPropertyOrder({"path", "text"})
public record Problem(String path, @JsonUnwrapped Text text) {

    @JsonCreator
    static Problem read(@JsonProperty("path") String path, @JsonProperty("code") String code,
            @JsonProperty("message") String message, @JsonProperty("args") JsonNode args) {
        return new Problem(path, TextJson.read(code, message, args));
    }

    public String code() {
        return text.code();
    }

    /** The message in English. */
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

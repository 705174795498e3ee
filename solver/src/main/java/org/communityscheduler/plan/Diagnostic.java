package org.communityscheduler.plan;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.annotation.JsonUnwrapped;
import com.fasterxml.jackson.databind.JsonNode;

import org.communityscheduler.text.Language;
import org.communityscheduler.text.Text;

/**
 * Something a coordinator should know about a valid plan, such as a session that can never be
 * placed and why. Plans with diagnostics still solve. In JSON: {@code {"severity", "path", "code", "message", "args"}}.
 */
@JsonPropertyOrder({"severity", "path", "text"})
public record Diagnostic(String severity, String path, @JsonUnwrapped Text text) {

    public static final String WARNING = "warning";
    public static final String INFO = "info";

    /** Read back from a job's file; a diagnostic stored before it had a code keeps its words. */
    @JsonCreator
    static Diagnostic read(@JsonProperty("severity") String severity, @JsonProperty("path") String path,
            @JsonProperty("code") String code, @JsonProperty("message") String message,
            @JsonProperty("args") JsonNode args) {
        return new Diagnostic(severity, path, TextJson.read(code, message, args));
    }

    public static Diagnostic warning(String path, Text text) {
        return new Diagnostic(WARNING, path, text);
    }

    public static Diagnostic info(String path, Text text) {
        return new Diagnostic(INFO, path, text);
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

    @Override
    public String toString() {
        return severity + " " + path + ": " + message();
    }
}

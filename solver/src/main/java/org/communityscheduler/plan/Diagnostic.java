package org.communityscheduler.plan;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonProperty;

import org.communityscheduler.text.Language;
import org.communityscheduler.text.Text;

/**
 * Something a coordinator should know about a valid plan, such as a session that can never be
 * placed and why. Plans with diagnostics still solve.
 */
public record Diagnostic(String severity, String path, @JsonIgnore Text text) {

    public static final String WARNING = "warning";
    public static final String INFO = "info";

    /** A message not yet in the catalogue, English only. */
    public Diagnostic(String severity, String path, String message) {
        this(severity, path, Text.of("untranslated", message));
    }

    /**
     * A diagnostic as a kept job wrote it (the server's files or database): the English message as written, since
     * the message's arguments are not kept.
     */
    @JsonCreator
    static Diagnostic read(@JsonProperty("severity") String severity, @JsonProperty("path") String path,
            @JsonProperty("code") String code, @JsonProperty("message") String message) {
        return new Diagnostic(severity, path, message);
    }

    public static Diagnostic warning(String path, Text text) {
        return new Diagnostic(WARNING, path, text);
    }

    public static Diagnostic info(String path, Text text) {
        return new Diagnostic(INFO, path, text);
    }

    public static Diagnostic warning(String path, String message) {
        return new Diagnostic(WARNING, path, message);
    }

    public static Diagnostic info(String path, String message) {
        return new Diagnostic(INFO, path, message);
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

    @Override
    public String toString() {
        return severity + " " + path + ": " + message();
    }
}

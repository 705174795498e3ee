package org.communityscheduler.plan;

/**
 * Something a coordinator should know about a valid plan, such as a session that can never be
 * placed and why. Plans with diagnostics still solve.
 */
public record Diagnostic(String severity, String path, String message) {

    public static final String WARNING = "warning";
    public static final String INFO = "info";

    public static Diagnostic warning(String path, String message) {
        return new Diagnostic(WARNING, path, message);
    }

    public static Diagnostic info(String path, String message) {
        return new Diagnostic(INFO, path, message);
    }

    @Override
    public String toString() {
        return severity + " " + path + ": " + message;
    }
}

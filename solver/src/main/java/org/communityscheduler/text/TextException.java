package org.communityscheduler.text;

/**
 * A value that cannot be read, with why as a catalogue {@link Text}: thrown by parsers (times, ranges, weights)
 * whose callers turn it into a problem at the value's path. Its plain message is the English text.
 */
public final class TextException extends IllegalArgumentException {

    private final transient Text text;

    public TextException(Text text) {
        super(text.in(Language.EN), null);
        this.text = text;
    }

    public TextException(String code, Object... args) {
        this(Text.of(code, args));
    }

    public Text text() {
        return text;
    }
}

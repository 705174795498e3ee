package org.communityscheduler.text;

import java.text.MessageFormat;
import java.util.Arrays;
import java.util.List;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

/**
 * A message to a person, not yet in a language: a stable code from the catalogue and its arguments.
 * The catalogue is {@code messages.properties} (English) and {@code messages_zh.properties} (Chinese)
 * beside this class; each text is a {@link MessageFormat} pattern ({@code {0}} is the first argument).
 * Codes never change once shipped: the page and API clients render by them.
 */
public record Text(String code, List<Object> args) {

    private static final String CATALOGUE = "org.communityscheduler.text.messages";

    public Text {
        args = List.copyOf(args);
    }

    public static Text of(String code, Object... args) {
        return new Text(code, Arrays.asList(args));
    }

    /** The text in the language asked for. */
    public String in(Language language) {
        return format(pattern(code, language), language);
    }

    /** The text in English, for logs and tests. */
    @Override
    public String toString() {
        return in(Language.EN);
    }

    private String format(String pattern, Language language) {
        Object[] rendered = args.stream().map(arg -> arg instanceof Text text ? text.in(language) : arg).toArray();
        return new MessageFormat(pattern, language.locale()).format(rendered);
    }

    /** The pattern of a code; a code missing from the catalogue is a bug the tests catch ({@code TextCatalogueTest}). */
    static String pattern(String code, Language language) {
        try {
            return ResourceBundle.getBundle(CATALOGUE, language.locale(), NO_FALLBACK_TO_PLATFORM).getString(code);
        } catch (MissingResourceException missing) {
            throw new IllegalArgumentException("no message " + code + " in the catalogue", missing);
        }
    }

    /** English is the base bundle: never fall back to the machine's default locale. */
    private static final ResourceBundle.Control NO_FALLBACK_TO_PLATFORM =
            ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES);
}

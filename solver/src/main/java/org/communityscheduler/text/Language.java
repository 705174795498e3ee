package org.communityscheduler.text;

import java.util.Locale;

/**
 * The languages every message a person reads exists in. Chinese first: it is the coordinators' language;
 * English is for everyone else and the default when nothing is asked for.
 */
public enum Language {
    ZH(Locale.SIMPLIFIED_CHINESE),
    EN(Locale.ENGLISH);

    private final Locale locale;

    Language(Locale locale) {
        this.locale = locale;
    }

    public Locale locale() {
        return locale;
    }

    /** The tag used on the wire: {@code zh} or {@code en}. */
    public String tag() {
        return locale.getLanguage();
    }

    /**
     * The language a tag or an HTTP {@code Accept-Language} header asks for, {@link #EN} when it asks for
     * none of ours. {@code zh-CN,zh;q=0.9,en;q=0.8} is Chinese; {@code en-US} and {@code fr} are English.
     * Weights are honoured: the first of our languages in order of preference wins.
     */
    public static Language of(String tagOrHeader) {
        if (tagOrHeader == null || tagOrHeader.isBlank()) {
            return EN;
        }
        try {
            for (Locale.LanguageRange range : Locale.LanguageRange.parse(tagOrHeader)) {
                String wanted = range.getRange().toLowerCase(Locale.ROOT);
                for (Language language : values()) {
                    if (wanted.equals(language.tag()) || wanted.startsWith(language.tag() + "-")) {
                        return language;
                    }
                }
            }
        } catch (IllegalArgumentException unreadable) {
            // A header no one can read asks for nothing: the default, as for none.
        }
        return EN;
    }

    /** The language of the environment ({@code LC_ALL}, {@code LC_MESSAGES}, {@code LANG}, as POSIX orders them). */
    public static Language fromEnvironment() {
        for (String name : new String[] {"LC_ALL", "LC_MESSAGES", "LANG"}) {
            String value = System.getenv(name);
            if (value != null && !value.isBlank()) {
                // zh_CN.UTF-8 → zh-CN
                return of(value.split("[.@]")[0].replace('_', '-'));
            }
        }
        return EN;
    }
}

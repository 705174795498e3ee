package org.communityscheduler.cli;

import picocli.CommandLine;
import picocli.CommandLine.Option;

import org.communityscheduler.text.Language;
import org.communityscheduler.text.TextException;

/** {@code --lang zh|en}: the language of a command's messages; without it, the environment's (LANG). */
final class LanguageOption {

    @Option(names = "--lang", paramLabel = "zh|en",
            description = "Language of the messages: zh or en (default: from LANG, else en).")
    String lang;

    Language language() {
        return lang == null ? Language.fromEnvironment() : parse(lang, "cli.unknownLanguage");
    }

    /** zh or en, any case; else bad input, said with the code given ({@code --lang} or {@code --sheets}). */
    static Language parse(String tag, String unknownCode) {
        for (Language language : Language.values()) {
            if (language.tag().equalsIgnoreCase(tag.strip())) {
                return language;
            }
        }
        throw new TextException(unknownCode, tag);
    }

    /** The language of a command that has this option; the environment's for the others. */
    static Language of(CommandLine command) {
        for (CommandLine.Model.CommandSpec mixin : command.getCommandSpec().mixins().values()) {
            if (mixin.userObject() instanceof LanguageOption option) {
                try {
                    return option.language();
                } catch (IllegalArgumentException unknown) {
                    return Language.fromEnvironment();
                }
            }
        }
        return Language.fromEnvironment();
    }

    /**
     * As {@link #of(CommandLine)} when the command line could not be parsed: a {@code --lang} among the arguments
     * counts even if picocli stopped before it.
     */
    static Language of(CommandLine command, String[] args) {
        boolean hasOption = command.getCommandSpec().findOption("--lang") != null;
        for (int i = args.length - 1; hasOption && i >= 0; i--) {
            String tag = args[i].startsWith("--lang=") ? args[i].substring("--lang=".length())
                    : args[i].equals("--lang") && i + 1 < args.length ? args[i + 1] : null;
            if (tag != null) {
                try {
                    return parse(tag, "cli.unknownLanguage");
                } catch (TextException unknown) {
                    break;
                }
            }
        }
        return of(command);
    }
}

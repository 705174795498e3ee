package org.communityscheduler.cli;

import picocli.CommandLine;
import picocli.CommandLine.Option;

import org.communityscheduler.text.Language;
import org.communityscheduler.text.Text;

/** {@code --lang zh|en}: the language of a command's messages; without it, the environment's (LANG). */
final class LanguageOption {

    @Option(names = "--lang", paramLabel = "zh|en",
            description = "Language of the messages: zh or en (default: from LANG, else en).")
    String lang;

    Language language() {
        if (lang == null) {
            return Language.fromEnvironment();
        }
        for (Language language : Language.values()) {
            if (language.tag().equalsIgnoreCase(lang.strip())) {
                return language;
            }
        }
        throw new IllegalArgumentException(Text.of("cli.unknownLanguage", lang).in(Language.fromEnvironment()));
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
}

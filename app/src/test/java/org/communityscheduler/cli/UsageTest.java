package org.communityscheduler.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import picocli.CommandLine;
import picocli.CommandLine.Model.OptionSpec;

/** Every command's usage comes from its declarations: --help and help COMMAND list its options; a typo is one line. */
class UsageTest extends CommandTest {

    private static final Map<String, CommandLine> COMMANDS = Main.commandLine(System.out, System.err, Map.of())
            .getSubcommands();

    @Test
    void everyCommandsHelpExitsWithZeroAndListsEachOfItsOptions() {
        assertThat(COMMANDS).containsKeys("solve", "validate", "next-week", "serve", "generate", "benchmark", "import-itc2007",
                "export-itc2007", "completion", "help");
        COMMANDS.forEach((name, command) -> {
            clearStdout();
            assertThat(run(name, "--help")).as(name).isZero();
            String help = stdout();
            assertThat(help).as(name).contains("Usage: scheduler " + name);
            for (OptionSpec option : command.getCommandSpec().options()) {
                assertThat(help).as(name).contains(option.longestName());
            }
            clearStdout();
            assertThat(run("help", name)).as("help " + name).isZero();
            assertThat(stdout()).as("help " + name).isEqualTo(help);
        });
        assertThat(stderr()).isEmpty();
    }

    @Test
    void theCommandListNamesEveryCommandAndTheExitCodes() {
        assertThat(run("--help")).isZero();
        assertThat(stdout()).contains("solve", "validate", "next-week", "serve", "generate", "benchmark", "import-itc2007",
                "export-itc2007", "completion", "Exit codes: 0 ok, 1 hard rules still broken (solve), 2 bad input.");
        clearStdout();
        assertThat(run()).as("no command").isEqualTo(Main.BAD_INPUT);
        assertThat(stdout()).startsWith("Usage: scheduler [-h] COMMAND");
    }

    @Test
    void aMistypedOptionIsOneLineNamingItAndTheHelpAndExitsWithTwo() {
        for (String name : List.of("solve", "validate", "serve", "generate", "benchmark", "import-itc2007", "completion")) {
            clearStderr();
            assertThat(run(name, "--tiem-limit", "3s")).as(name).isEqualTo(Main.BAD_INPUT);
            assertThat(stderr().lines()).as(name).singleElement().asString()
                    .startsWith("error: unknown option --tiem-limit").endsWith("see ./scheduler " + name + " --help");
        }
        clearStderr();
        assertThat(run("solve", "--time-limt", "3s")).isEqualTo(Main.BAD_INPUT);
        assertThat(stderr()).isEqualTo("error: unknown option --time-limt (did you mean --time-limit?); see ./scheduler"
                + " solve --help" + System.lineSeparator());
        assertThat(stdout()).isEmpty();
    }

    @Test
    void picocliErrorsAreOurOwnLinesInTheCommandsLanguage() {
        assertThat(run("solve", "--time-limt", "3s", "--lang", "zh")).isEqualTo(Main.BAD_INPUT);
        assertThat(run("solve", "--lang", "zh", "--threads", "two")).isEqualTo(Main.BAD_INPUT);
        assertThat(run("validate", "--lang=zh")).isEqualTo(Main.BAD_INPUT);
        assertThat(run("validate", "a.json", "b.json")).isEqualTo(Main.BAD_INPUT);
        assertThat(run("plan-my-week")).isEqualTo(Main.BAD_INPUT);
        assertThat(run("solve", "--time-limit")).isEqualTo(Main.BAD_INPUT);

        assertThat(stderr().lines()).containsExactly(
                "错误：未知选项 --time-limt（是否想用 --time-limit？）；见 ./scheduler solve --help",
                "错误：--threads 必须是整数，而不是“two”；见 ./scheduler solve --help",
                "错误：缺少 PLAN；见 ./scheduler validate --help",
                "error: unexpected argument \"b.json\"; see ./scheduler validate --help",
                "error: unknown command \"plan-my-week\"; see ./scheduler --help",
                "error: --time-limit needs a value (TIME); see ./scheduler solve --help");
    }

    @Test
    void completionIsABashScriptForEveryCommandAndOption() {
        assertThat(run("completion")).isZero();
        assertThat(stdout()).startsWith("#!/usr/bin/env bash").contains("complete -F")
                .contains("import-itc2007").contains("--time-limit").contains("--max-time-limit");
    }
}

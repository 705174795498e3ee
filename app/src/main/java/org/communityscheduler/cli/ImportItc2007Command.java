package org.communityscheduler.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;

import org.communityscheduler.data.itc2007.Itc2007;
import org.communityscheduler.data.itc2007.Itc2007Instance;
import org.communityscheduler.plan.InvalidPlanException;
import org.communityscheduler.plan.Json;
import org.communityscheduler.text.Language;
import org.communityscheduler.text.Text;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code ./scheduler import-itc2007 FILE.ctt [--output plan.json]}: an ITC2007 track 3 instance as a weekly plan. */
@Command(name = "import-itc2007", description = { "An ITC2007 track 3 instance as a weekly plan.",
        "Curriculum-based course timetabling, on stdout or to FILE. Exit 0, 2 bad input." })
final class ImportItc2007Command implements Callable<Integer> {

    private final PrintStream out;
    private final PrintStream err;

    @Mixin
    HelpOption help;

    @Mixin
    LanguageOption language;

    @Parameters(paramLabel = "FILE.ctt", description = "The instance.")
    Path instanceFile;

    @Option(names = "--output", paramLabel = "FILE", description = "Write the plan to FILE instead of stdout.")
    Path output;

    ImportItc2007Command(PrintStream out, PrintStream err) {
        this.out = out;
        this.err = err;
    }

    @Override
    public Integer call() {
        Language language = this.language.language();
        Itc2007Instance instance;
        try {
            instance = Itc2007.read(instanceFile);
        } catch (InvalidPlanException e) {
            e.problems().forEach(problem -> err.println(problem.path() + ": " + problem.message(language)));
            err.println(Text.of("cli.errorCount", e.problems().size(), Text.of("cli.nothingWritten")).in(language));
            return Main.BAD_INPUT;
        }
        String json = Json.write(Itc2007.plan(instance));
        Object[] summary = { instance.name(), instance.courses().size(), instance.lectures(), instance.rooms().size(),
                instance.curricula().size(), instance.days(), instance.periodsPerDay(), String.valueOf(output) };
        if (output == null) {
            out.print(json);
            err.println(Text.of("cli.itc2007Summary", summary).in(language));
            return Main.OK;
        }
        try {
            Files.writeString(output, json, StandardCharsets.UTF_8);
        } catch (IOException e) {
            err.println(Text.of("cli.error", Text.of("cli.cannotWrite", output.toString(), String.valueOf(e.getMessage())))
                    .in(language));
            return Main.BAD_INPUT;
        }
        err.println(Text.of("cli.itc2007Written", summary).in(language));
        return Main.OK;
    }
}

package org.communityscheduler.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;

import org.communityscheduler.data.itc2007.Itc2007;
import org.communityscheduler.data.itc2007.Itc2007Instance;
import org.communityscheduler.plan.InvalidPlanException;
import org.communityscheduler.plan.Json;

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
        Itc2007Instance instance;
        try {
            instance = Itc2007.read(instanceFile);
        } catch (InvalidPlanException e) {
            e.problems().forEach(err::println);
            err.println(e.problems().size() + " error(s): nothing was written.");
            return Main.BAD_INPUT;
        }
        String json = Json.write(Itc2007.plan(instance));
        String summary = String.format(Locale.ROOT, "%s: %d courses, %d lectures, %d rooms, %d curricula, %d days of %d periods",
                instance.name(), instance.courses().size(), instance.lectures(), instance.rooms().size(),
                instance.curricula().size(), instance.days(), instance.periodsPerDay());
        if (output == null) {
            out.print(json);
            err.println(summary);
            return Main.OK;
        }
        try {
            Files.writeString(output, json, StandardCharsets.UTF_8);
        } catch (IOException e) {
            err.println("error: cannot write " + output + ": " + e.getMessage());
            return Main.BAD_INPUT;
        }
        err.println(summary + "; plan written to " + output);
        return Main.OK;
    }
}

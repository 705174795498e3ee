package org.communityscheduler.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

import org.communityscheduler.data.itc2007.Itc2007;
import org.communityscheduler.data.itc2007.Itc2007Instance;
import org.communityscheduler.plan.InvalidPlanException;
import org.communityscheduler.plan.Json;

/** {@code ./scheduler import-itc2007 FILE.ctt [--output plan.json]}: an ITC2007 track 3 instance as a weekly plan. */
final class ImportItc2007Command {

    private final PrintStream out;
    private final PrintStream err;

    ImportItc2007Command(PrintStream out, PrintStream err) {
        this.out = out;
        this.err = err;
    }

    int run(Arguments arguments) {
        arguments.allowing("output");
        if (arguments.positional().size() != 1) {
            throw new IllegalArgumentException("import-itc2007 needs one .ctt file");
        }
        Itc2007Instance instance;
        try {
            instance = Itc2007.read(Path.of(arguments.positional().get(0)));
        } catch (InvalidPlanException e) {
            e.problems().forEach(err::println);
            err.println(e.problems().size() + " error(s): nothing was written.");
            return Main.BAD_INPUT;
        }
        String json = Json.write(Itc2007.plan(instance));
        String summary = String.format(Locale.ROOT, "%s: %d courses, %d lectures, %d rooms, %d curricula, %d days of %d periods",
                instance.name(), instance.courses().size(), instance.lectures(), instance.rooms().size(),
                instance.curricula().size(), instance.days(), instance.periodsPerDay());
        if (!arguments.options().containsKey("output")) {
            out.print(json);
            err.println(summary);
            return Main.OK;
        }
        Path output = Path.of(arguments.option("output", null));
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

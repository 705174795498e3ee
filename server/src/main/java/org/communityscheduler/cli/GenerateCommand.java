package org.communityscheduler.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.communityscheduler.data.GeneratedInstance;
import org.communityscheduler.data.GeneratorOptions;
import org.communityscheduler.data.InstanceGenerator;
import org.communityscheduler.data.InstanceShape;
import org.communityscheduler.data.InstanceSize;
import org.communityscheduler.data.Occupancy;

/**
 * {@code ./scheduler generate --size S|M|L|XL|CITY --seed N [--planted FILE] [--tightness T] [--overfull P]
 * [--shape community|course]}.
 */
final class GenerateCommand {

    private final PrintStream out;
    private final PrintStream err;

    GenerateCommand(PrintStream out, PrintStream err) {
        this.out = out;
        this.err = err;
    }

    int run(Arguments arguments) {
        arguments.allowing("size", "seed", "planted", "tightness", "overfull", "shape");
        if (!arguments.positional().isEmpty()) {
            throw new IllegalArgumentException("generate takes no PLAN; say --size and --seed");
        }
        InstanceSize size = InstanceSize.parse(arguments.option("size", "S"));
        GeneratorOptions options = GeneratorOptions.of(size, number("seed", arguments.option("seed", "1")))
                .withTightness(decimal("tightness", arguments.option("tightness",
                        Double.toString(GeneratorOptions.DEFAULT_TIGHTNESS))))
                .withOverfullPercent((int) number("overfull", arguments.option("overfull", "0")))
                .withShape(InstanceShape.parse(arguments.option("shape", "community")));
        GeneratedInstance instance = InstanceGenerator.generate(options);
        if (arguments.options().containsKey("planted")) {
            Path planted = Path.of(arguments.option("planted", null));
            try {
                Files.writeString(planted, instance.plantedJson(), StandardCharsets.UTF_8);
            } catch (IOException e) {
                err.println("error: cannot write " + planted + ": " + e.getMessage());
                return Main.BAD_INPUT;
            }
        }
        out.print(instance.planJson());
        err.printf("Generated %s%s, seed %d: %d sessions requested, %d in the planted schedule, rooms %s occupied%n",
                options.shape() == InstanceShape.COURSE ? "course timetable " : "", size, options.seed(), instance.requestedSessions(), instance.plantedSessions(), Occupancy.of(instance));
        return Main.OK;
    }

    private static long number(String option, String text) {
        try {
            return Long.parseLong(text.strip());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--" + option + " must be a whole number, not \"" + text + "\"");
        }
    }

    private static double decimal(String option, String text) {
        try {
            return Double.parseDouble(text.strip());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--" + option + " must be a number, not \"" + text + "\"");
        }
    }
}

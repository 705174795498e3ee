package org.communityscheduler.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;

import org.communityscheduler.data.GeneratedInstance;
import org.communityscheduler.data.GeneratorOptions;
import org.communityscheduler.data.InstanceGenerator;
import org.communityscheduler.data.InstanceShape;
import org.communityscheduler.data.InstanceSize;
import org.communityscheduler.data.Occupancy;

import org.communityscheduler.text.Language;
import org.communityscheduler.text.Text;
import org.communityscheduler.text.TextException;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code ./scheduler generate --size S|M|L|XL|CITY --seed N [--planted FILE] [--tightness T] [--overfull P]
 * [--shape community|course|enrolment]}.
 */
@Command(name = "generate", description = { "A generated plan on stdout (same options, same bytes).",
        "Its planted schedule, which costs 0hard/0medium/0soft, to FILE. Tightness 1 books the rooms out (about 95 %%"
                + " of open hours); the course shape is a college timetable of 45-minute lessons, the enrolment shape the"
                + " same college with every student choosing their own lessons (both sizes S, M, L)." })
final class GenerateCommand implements Callable<Integer> {

    private final PrintStream out;
    private final PrintStream err;

    @Mixin
    HelpOption help;

    @Mixin
    LanguageOption language;

    @Option(names = "--size", paramLabel = "S|M|L|XL|CITY", description = "How big a week (default ${DEFAULT-VALUE}).")
    String size = "S";

    @Option(names = "--seed", paramLabel = "N", description = "The random seed (default ${DEFAULT-VALUE}).")
    long seed = 1;

    @Option(names = "--planted", paramLabel = "FILE", description = "Write the planted schedule to FILE.")
    Path planted;

    @Option(names = "--tightness", paramLabel = "T", description = "0 to 1: how full the rooms are (default ${DEFAULT-VALUE}).")
    String tightness = Double.toString(GeneratorOptions.DEFAULT_TIGHTNESS);

    @Option(names = "--overfull", paramLabel = "P", description = "Percent more sessions than fit (default ${DEFAULT-VALUE}).")
    int overfull;

    @Option(names = "--shape", paramLabel = "community|course|enrolment", description = "The week's shape (default ${DEFAULT-VALUE}).")
    String shape = "community";

    GenerateCommand(PrintStream out, PrintStream err) {
        this.out = out;
        this.err = err;
    }

    @Override
    public Integer call() {
        Language language = this.language.language();
        InstanceSize size = InstanceSize.parse(this.size);
        GeneratorOptions options = GeneratorOptions.of(size, seed)
                .withTightness(decimal("tightness", tightness))
                .withOverfullPercent(overfull)
                .withShape(InstanceShape.parse(shape));
        GeneratedInstance instance = InstanceGenerator.generate(options);
        if (planted != null) {
            try {
                Files.writeString(planted, instance.plantedJson(), StandardCharsets.UTF_8);
            } catch (IOException e) {
                err.println(Text.of("cli.error", Text.of("cli.cannotWrite", planted.toString(),
                        String.valueOf(e.getMessage()))).in(language));
                return Main.BAD_INPUT;
            }
        }
        out.print(instance.planJson());
        String message = switch (options.shape()) {
            case COURSE -> "cli.generatedCourse";
            case ENROLMENT -> "cli.generatedEnrolment";
            case COMMUNITY -> "cli.generated";
        };
        err.println(Text.of(message,
                size.toString(), options.seed(), instance.requestedSessions(), instance.plantedSessions(),
                Occupancy.of(instance).toString()).in(language));
        return Main.OK;
    }

    private static double decimal(String option, String text) {
        try {
            return Double.parseDouble(text.strip());
        } catch (NumberFormatException e) {
            throw new TextException("cli.notANumber", "--" + option, text);
        }
    }
}

package org.communityscheduler.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

import org.communityscheduler.model.PlanIntake;
import org.communityscheduler.plan.Json;
import org.communityscheduler.text.Language;
import org.communityscheduler.text.Text;
import org.communityscheduler.text.TextException;
import org.communityscheduler.workbook.PlanWorkbook;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code ./scheduler convert IN OUT}: a plan JSON as a workbook, or a workbook as plan JSON, by the extensions. */
@Command(name = "convert", description = { "A plan's JSON as an Excel/WPS workbook (.xlsx), or a workbook as JSON, "
        + "by the files' extensions; the plan is validated on the way.",
        "--template OUT writes the bundled sample week as a workbook to start from. Exit 0, 2 bad input." })
final class ConvertCommand implements Callable<Integer> {

    private final PrintStream out;
    private final PrintStream err;

    @Mixin
    HelpOption help;

    @Parameters(arity = "1..2", paramLabel = "FILE",
            description = "IN and OUT (.json and .xlsx); OUT alone with --template.")
    List<String> files;

    @Option(names = "--template", description = "Write the bundled sample week as a workbook to OUT.")
    boolean template;

    @Mixin
    LanguageOption language;

    @Option(names = "--sheets", paramLabel = "zh|en", description = "The language of the workbook's sheets and headers "
            + "(default ${DEFAULT-VALUE}); both are read.")
    String sheets = "zh";

    ConvertCommand(PrintStream out, PrintStream err) {
        this.out = out;
        this.err = err;
    }

    @Override
    public Integer call() {
        Language messages = language.language();
        Language sheetLanguage = LanguageOption.parse(sheets, "cli.unknownSheets");
        if (files.size() != (template ? 1 : 2)) {
            throw new TextException(template ? "workbook.convert.templateTakesOut" : "workbook.convert.takesInAndOut");
        }
        String in = template ? null : files.get(0);
        String target = files.get(files.size() - 1);
        boolean toWorkbook = PlanWorkbook.isWorkbook(target);
        boolean fromWorkbook = in != null && PlanWorkbook.isWorkbook(in);
        boolean toJson = target.toLowerCase(Locale.ROOT).endsWith(".json");
        if (toWorkbook == fromWorkbook || !toWorkbook && !toJson) {
            throw new TextException("workbook.convert.kinds", extension(in), extension(target));
        }
        PlanIntake reading = PlanInput.readValid(in, err, err, Text.of("workbook.convert.nothingConverted"), messages);
        if (reading == null) {
            return Main.BAD_INPUT;
        }
        try {
            if (toWorkbook) {
                Files.write(Path.of(target), PlanWorkbook.write(reading.plan(), sheetLanguage));
            } else {
                Files.writeString(Path.of(target), Json.write(reading.plan()), StandardCharsets.UTF_8);
            }
        } catch (IOException e) {
            err.println(Text.of("cli.error", Text.of("cli.cannotWrite", target, String.valueOf(e.getMessage())))
                    .in(messages));
            return Main.BAD_INPUT;
        }
        reading.diagnostics().forEach(diagnostic -> err.println(PlanInput.line(diagnostic, messages)));
        out.println(Text.of("workbook.convert.written", target).in(messages));
        return Main.OK;
    }

    private static Object extension(String file) {
        if (file == null) {
            return Text.of("cli.theSample");
        }
        int dot = file.lastIndexOf('.');
        return dot < 0 ? file : file.substring(dot);
    }
}

package org.communityscheduler.cli;

import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.MissingParameterException;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;
import picocli.CommandLine.TypeConversionException;
import picocli.CommandLine.UnmatchedArgumentException;

import org.communityscheduler.text.Language;
import org.communityscheduler.text.Text;
import org.communityscheduler.text.TextException;

/**
 * {@code ./scheduler COMMAND ...}: solve, validate, serve, generate, benchmark, import-itc2007, export-itc2007.
 * Each command says what went wrong in a line, never with a stack trace; its usage comes from its option
 * declarations.
 */
@Command(name = "scheduler", description = "Weekly schedules for shared community spaces.",
        synopsisSubcommandLabel = "COMMAND", subcommands = CommandLine.HelpCommand.class,
        footer = { "", "./scheduler help COMMAND (or COMMAND --help) lists a command's options.",
                "Exit codes: 0 ok, 1 hard rules still broken (solve), 2 bad input." })
public final class Main implements Callable<Integer> {

    /** Exit codes, as README.md lists them for each command. */
    public static final int OK = 0;
    public static final int HARD_RULES_BROKEN = 1;
    public static final int BAD_INPUT = 2;

    @Mixin
    HelpOption help;

    @Spec
    CommandSpec spec;

    private Main() {
    }

    public static void main(String[] args) {
        PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
        PrintStream err = new PrintStream(System.err, true, StandardCharsets.UTF_8);
        System.exit(run(args, out, err));
    }

    /** Runs one command and returns its exit code; for tests as much as for {@link #main}. */
    public static int run(String[] args, PrintStream out, PrintStream err) {
        return run(args, out, err, System.getenv());
    }

    /** As {@link #run(String[], PrintStream, PrintStream)}, with the environment serve reads its settings from. */
    static int run(String[] args, PrintStream out, PrintStream err, Map<String, String> environment) {
        return commandLine(out, err, environment).execute(args);
    }

    /** Without a command: the list of commands, and bad input. */
    @Override
    public Integer call() {
        spec.commandLine().usage(spec.commandLine().getOut());
        return BAD_INPUT;
    }

    /** Every command, with its streams, picocli's errors as one line and exit code 2. */
    static CommandLine commandLine(PrintStream out, PrintStream err, Map<String, String> environment) {
        CommandLine root = new CommandLine(new Main())
                .addSubcommand(new SolveCommand(out, err))
                .addSubcommand(new ValidateCommand(out, err))
                .addSubcommand(new NextWeekCommand(out, err))
                .addSubcommand(new ConvertCommand(out, err))
                .addSubcommand(new ServeCommand(err))
                .addSubcommand(new GenerateCommand(out, err))
                .addSubcommand(new BenchmarkCommand(out, err))
                .addSubcommand(new ImportItc2007Command(out, err))
                .addSubcommand(new ExportItc2007Command(out, err))
                .addSubcommand(new CompletionCommand(out));
        root.getSubcommands().get("serve").setDefaultValueProvider(new ServeCommand.Environment(environment));
        root.registerConverter(Integer.class, text -> (int) wholeNumber(text));
        root.registerConverter(int.class, text -> (int) wholeNumber(text));
        root.registerConverter(Long.class, Main::wholeNumber);
        root.registerConverter(long.class, Main::wholeNumber);
        for (CommandLine command : root.getSubcommands().values()) {
            if (!(command.getCommand() instanceof CommandLine.HelpCommand)) {
                command.getCommandSpec().usageMessage().parameterListHeading("%n").optionListHeading("%nOptions:%n");
            }
        }
        // An option given twice takes its last value, so a script can add to a command line it was handed.
        root.setOverwrittenOptionsAllowed(true);
        root.setOut(new PrintWriter(out, true, StandardCharsets.UTF_8));
        root.setErr(new PrintWriter(err, true, StandardCharsets.UTF_8));
        root.setParameterExceptionHandler((e, args) -> {
            String command = e.getCommandLine() == root ? "./scheduler"
                    : "./scheduler " + e.getCommandLine().getCommandName();
            err.println(Text.of("cli.error", Text.of("cli.seeHelp", message(e, root), command))
                    .in(LanguageOption.of(e.getCommandLine(), args)));
            return BAD_INPUT;
        });
        root.setExecutionExceptionHandler((e, command, parsed) -> {
            if (e instanceof TextException bad) {
                Language language = LanguageOption.of(command);
                err.println(Text.of("cli.error", bad.text()).in(language));
                return BAD_INPUT;
            }
            if (e instanceof IllegalArgumentException) {
                err.println(Text.of("cli.error", e.getMessage()).in(LanguageOption.of(command)));
                return BAD_INPUT;
            }
            throw e;
        });
        return root;
    }

    /**
     * Our own line from picocli's facts: an unknown command or option named alone (with picocli's guess at what was
     * meant), a missing or unexpected argument, a value that does not convert; picocli's English text otherwise.
     */
    private static Object message(ParameterException e, CommandLine root) {
        if (e instanceof UnmatchedArgumentException unmatched && !unmatched.getUnmatched().isEmpty()) {
            String first = unmatched.getUnmatched().get(0);
            if (first.startsWith("-")) {
                List<String> suggestions = unmatched.getSuggestions();
                return suggestions.isEmpty() ? Text.of("cli.unknownOption", first)
                        : Text.of("cli.unknownOptionGuess", first, String.join(", ", suggestions));
            }
            return unmatched.getCommandLine() == root ? Text.of("cli.unknownCommand", first)
                    : Text.of("cli.unexpectedArgument", first);
        }
        if (e instanceof MissingParameterException missing && !missing.getMissing().isEmpty()) {
            // An option among the missing is one given without its value; a parameter is one not given at all.
            ArgSpec first = missing.getMissing().get(0);
            return first instanceof OptionSpec option ? Text.of("cli.missingValue", option.longestName(), option.paramLabel())
                    : Text.of("cli.missingParameter",
                            String.join(", ", missing.getMissing().stream().map(Main::name).toList()));
        }
        if (e.getArgSpec() != null && e.getValue() != null) {
            return e.getCause() instanceof NotAWholeNumber
                    ? Text.of("cli.notAWholeNumber", name(e.getArgSpec()), e.getValue())
                    : Text.of("cli.invalidValue", name(e.getArgSpec()), e.getValue());
        }
        return e.getMessage();
    }

    /** An option by its longest name, a parameter by its label. */
    private static String name(ArgSpec argument) {
        return argument instanceof OptionSpec option ? option.longestName() : argument.paramLabel();
    }

    /** What the whole-number converter throws, so the error line can say so in the command's language. */
    private static final class NotAWholeNumber extends TypeConversionException {
        NotAWholeNumber(String text) {
            super("must be a whole number, not \"" + text + "\"");
        }
    }

    private static long wholeNumber(String text) {
        try {
            return Long.parseLong(text.strip());
        } catch (NumberFormatException e) {
            throw new NotAWholeNumber(text);
        }
    }
}

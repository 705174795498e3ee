package org.communityscheduler.cli;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

/**
 * {@code ./scheduler COMMAND ...}: solve, validate, serve, generate, benchmark, import-itc2007. Each command says
 * what went wrong in a line, never with a stack trace.
 */
public final class Main {

    /** Exit codes, as README.md lists them for each command. */
    public static final int OK = 0;
    public static final int HARD_RULES_BROKEN = 1;
    public static final int BAD_INPUT = 2;

    private static final String USAGE = """
            Usage: ./scheduler COMMAND [OPTIONS]

              solve [PLAN] [--time-limit 30s] [--output FILE] [--threads N] [--verbose]
                  Solve PLAN (the bundled sample without one) on N cores (all of them by default). Progress on
                  stderr, a readable schedule on stdout, the JSON schedule to FILE.
                  Exit 0 feasible, 1 hard rules still broken, 2 bad input.
              validate PLAN
                  Every error (path: message) and diagnostic; nothing is solved. Exit 0 valid, 2 invalid.
              serve [--port 7070] [--data-dir DIR|none] [--solvers N] [--threads N] [--max-time-limit 10m] [--max-request-size 10MB]
                    [--max-jobs N] [--max-sessions 5000] [--keep-finished 500] [--keep-for 30d]
                    [--token TOKEN] [--cors-origin https://...]
                  The HTTP API until stopped. Jobs are kept in DIR (~/.community-scheduler/jobs) and go on after
                  a restart; one server holds DIR at a time (exit 2 if another does). Ctrl-C or SIGTERM stops
                  solves early with their best on disk and exits 0. At most --max-jobs jobs wait or solve at
                  once (8 per solver by default). With a token (or
                  SCHEDULER_API_TOKEN) every /api request needs Authorization: Bearer TOKEN.
                  Up to --solvers solves run at once (one per core by default). A solve running alone uses
                  --threads cores (all by default); one started while k others run gets a (k+1)-th of them.
                  Give only one of the two and the other fills the cores (--threads 2 on 8 cores: 4 at once).
                  API docs at http://localhost:7070/api-docs.
              generate --size S|M|L|XL|CITY --seed N [--planted FILE] [--tightness 0.5] [--overfull P]
                       [--shape community|course]
                  A generated plan on stdout (same options, same bytes); the planted schedule, which costs
                  0hard/0medium/0soft, to FILE. Tightness 1 books the rooms out (about 95 % of open hours);
                  the course shape is a college timetable of 45-minute lessons (sizes S, M, L).
              benchmark [--quick | --peer [--itc2007 DIR]] [--sizes S,M-tight,course-M] [--configs shipped,default,greedy,...] [--time 60s] [--runs 3]
                        [--warm-up 30s] [--scaling S,M,L,XL|none] [--seed 1] [--output DIR] [--report DIR]
                  Compare solver configurations on generated weeks (Timefold Benchmarker) against the
                  baselines and the planted optimum; tables on stdout, files in DIR (local/benchmarks).
                  With --peer: OR-Tools CP-SAT beside the shipped engine, time to a complete placement
                  on each of --sizes (and with --itc2007 DIR each instance there) within --time (peer.md,
                  peer.csv in DIR).
              benchmark --itc2007 DIR [--time 10s] [--runs 3] [--output DIR]
                  The shipped solver on every ITC2007 track 3 instance (.ctt) in DIR, scored as the
                  competition scores them; a table on stdout, itc2007.md and itc2007.csv in the output folder.
              import-itc2007 FILE.ctt [--output plan.json]
                  An ITC2007 track 3 instance (curriculum-based course timetabling) as a weekly plan, on
                  stdout or to plan.json. Exit 0, 2 bad input.
              help
                  This text.
            """;

    private Main() {
    }

    public static void main(String[] args) {
        PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
        PrintStream err = new PrintStream(System.err, true, StandardCharsets.UTF_8);
        System.exit(run(args, out, err));
    }

    /** Runs one command and returns its exit code; for tests as much as for {@link #main}. */
    public static int run(String[] args, PrintStream out, PrintStream err) {
        if (args.length == 0 || List.of("help", "--help", "-h").contains(args[0])) {
            out.print(USAGE);
            return args.length == 0 ? BAD_INPUT : OK;
        }
        Arguments arguments;
        try {
            arguments = Arguments.parse(Arrays.copyOfRange(args, 1, args.length));
        } catch (IllegalArgumentException e) {
            err.println("error: " + e.getMessage());
            return BAD_INPUT;
        }
        try {
            return switch (args[0]) {
                case "solve" -> new SolveCommand(out, err).run(arguments);
                case "validate" -> new ValidateCommand(out, err).run(arguments);
                case "generate" -> new GenerateCommand(out, err).run(arguments);
                case "serve" -> new ServeCommand(err).run(arguments);
                case "benchmark" -> new BenchmarkCommand(out, err).run(arguments);
                case "import-itc2007" -> new ImportItc2007Command(out, err).run(arguments);
                default -> {
                    err.println("error: unknown command \"" + args[0] + "\"\n");
                    err.print(USAGE);
                    yield BAD_INPUT;
                }
            };
        } catch (IllegalArgumentException e) {
            err.println("error: " + e.getMessage());
            return BAD_INPUT;
        }
    }
}

package org.communityscheduler.cli;

import java.io.PrintStream;
import java.util.concurrent.Callable;

import picocli.AutoComplete;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code ./scheduler completion}: a bash completion script for every command and option. */
@Command(name = "completion", description = { "A bash completion script on stdout.",
        "source <(./scheduler completion), or save it as /etc/bash_completion.d/scheduler." })
final class CompletionCommand implements Callable<Integer> {

    private final PrintStream out;

    @Mixin
    HelpOption help;

    @Spec
    CommandSpec spec;

    CompletionCommand(PrintStream out) {
        this.out = out;
    }

    @Override
    public Integer call() {
        out.print(AutoComplete.bash("scheduler", spec.root().commandLine()));
        return Main.OK;
    }
}

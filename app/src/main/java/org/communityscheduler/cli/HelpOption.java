package org.communityscheduler.cli;

import picocli.CommandLine.Option;

/** {@code -h}, {@code --help} on every command: its usage, from its declarations, and exit 0. */
final class HelpOption {

    @Option(names = { "-h", "--help" }, usageHelp = true, description = "This help.")
    boolean help;
}

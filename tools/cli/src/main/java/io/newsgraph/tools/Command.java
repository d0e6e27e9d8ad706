package io.newsgraph.tools;

import java.util.List;

/** One subcommand of {@code ./newsgraph}. */
public interface Command {
    /** One line for the usage text: arguments and what it does. */
    String usage();

    /** Runs the command; the return value is the process exit code. */
    int run(List<String> args) throws Exception;
}

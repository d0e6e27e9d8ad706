package io.newsgraph.tools;

import java.util.List;

/** Scaffold: replaced by its issue's implementation. */
final class ExtractCommand implements Command {
    @Override
    public String usage() {
        return "(not built yet)";
    }

    @Override
    public int run(List<String> args) {
        System.err.println("extract: not built yet");
        return 2;
    }
}

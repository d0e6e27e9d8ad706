package io.newsgraph.tools;

import java.util.List;

/** Scaffold: replaced by its issue's implementation. */
final class EvalCommand implements Command {
    @Override
    public String usage() {
        return "(not built yet)";
    }

    @Override
    public int run(List<String> args) {
        System.err.println("eval: not built yet");
        return 2;
    }
}

package io.newsgraph.tools;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

/** Entry point of {@code ./newsgraph}: dispatches to one subcommand. */
public final class Main {
    private static final Map<String, Supplier<Command>> COMMANDS = new LinkedHashMap<>();

    static {
        COMMANDS.put("local", LocalCommand::new);
        COMMANDS.put("extract", ExtractCommand::new);
        COMMANDS.put("eval", EvalCommand::new);
        COMMANDS.put("bench", BenchCommand::new);
    }

    private Main() {
    }

    public static void main(String[] args) throws Exception {
        System.exit(run(args));
    }

    static int run(String[] args) throws Exception {
        if (args.length == 0 || !COMMANDS.containsKey(args[0])) {
            System.err.println("usage: ./newsgraph <command> [args]");
            COMMANDS.forEach((name, command) -> System.err.println("  " + name + " " + command.get().usage()));
            return args.length == 0 || "help".equals(args[0]) || "--help".equals(args[0]) ? 0 : 2;
        }
        return COMMANDS.get(args[0]).get().run(Arrays.asList(args).subList(1, args.length));
    }
}

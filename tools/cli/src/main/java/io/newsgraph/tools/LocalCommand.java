package io.newsgraph.tools;

import io.newsgraph.emulators.EmulatorPaths;
import io.newsgraph.tools.local.IngestOnce;
import io.newsgraph.tools.local.LocalOptions;
import io.newsgraph.tools.local.LocalRunner;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;

/**
 * {@code ./newsgraph local}: the whole pipeline on 127.0.0.1 until Ctrl-C (see {@link LocalRunner}), or,
 * with {@code --exit-after-seed}, ingest the bucket's articles, print, and stop.
 */
final class LocalCommand implements Command {
    @Override
    public String usage() {
        return LocalOptions.USAGE;
    }

    @Override
    public int run(List<String> args) throws Exception {
        if (args.contains("--help") || args.contains("-h")) {
            System.out.println("usage: ./newsgraph local " + usage());
            return 0;
        }
        LocalOptions options;
        try {
            options = LocalOptions.parse(EmulatorPaths.repositoryRoot(), args);
        } catch (IllegalArgumentException e) {
            System.err.println("local: " + e.getMessage());
            System.err.println("usage: ./newsgraph local " + usage());
            return 2;
        }
        if (options.ingestOnceKey() != null) {
            return IngestOnce.run(options, System.out);
        }
        long started = System.nanoTime();
        LocalRunner runner;
        try {
            runner = LocalRunner.start(options, System.out);
        } catch (IllegalStateException e) {
            System.err.println("local: " + e.getMessage());
            return 1;
        }
        Duration startup = Duration.ofNanos(System.nanoTime() - started);
        if (options.exitAfterSeed()) {
            System.out.printf("ingested the bucket's articles in %.1f s; stopping (--exit-after-seed)%n",
                    startup.toMillis() / 1000.0);
            runner.close();
            return 0;
        }
        System.out.println(runner.banner(startup));
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            System.out.println("stopping...");
            runner.close();
            stopped.countDown();
        }, "newsgraph-local-shutdown"));
        stopped.await();
        return 0;
    }
}

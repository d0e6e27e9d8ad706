package io.newsgraph.tools;

import io.newsgraph.core.Extractor;
import io.newsgraph.core.eval.GoldLoader;
import io.newsgraph.core.model.Article;
import io.newsgraph.core.model.Extraction;
import io.newsgraph.core.read.ArticleReader;
import io.newsgraph.core.read.UnreadableArticleException;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * {@code bench [--warmup N] [--warmup-seconds S] [--iterations N] [--cold-runs N] [DIR]}: a plain harness (no JMH) measuring, on this
 * machine, single-thread warm throughput over the articles in DIR (tokens/s and ms per 1,000 tokens, min and
 * median over the measured passes), the time from starting a fresh JVM to its first article extracted (median of
 * several child processes), the heap the loaded pipeline holds, and the machine's load while measuring.
 */
final class BenchCommand implements Command {

    /** The line a cold-start child prints once its first article is extracted. */
    static final String COLD_START_REPORT = "NEWSGRAPH-COLD-START";

    @Override
    public String usage() {
        return "[--warmup N] [--warmup-seconds S] [--iterations N] [--cold-runs N] [DIR]  throughput, cold start and heap of the pipeline";
    }

    @Override
    public int run(List<String> args) throws Exception {
        int warmup = 3;
        // passes alone do not warm a small corpus: the JIT needs seconds of work, whatever the corpus size
        double warmupSeconds = 3;
        int iterations = 10;
        int coldRuns = 5;
        Path dir = null;
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            try {
                switch (arg) {
                    case "--warmup" -> warmup = Integer.parseInt(args.get(++i));
                    case "--warmup-seconds" -> warmupSeconds = Double.parseDouble(args.get(++i));
                    case "--iterations" -> iterations = Integer.parseInt(args.get(++i));
                    case "--cold-runs" -> coldRuns = Integer.parseInt(args.get(++i));
                    default -> {
                        if (arg.startsWith("--") || dir != null) {
                            throw new IllegalArgumentException(arg);
                        }
                        dir = Path.of(arg);
                    }
                }
            } catch (RuntimeException e) {
                System.err.println("usage: ./newsgraph bench " + usage());
                return 2;
            }
        }
        if (warmup < 0 || warmupSeconds < 0 || iterations < 1 || coldRuns < 0) {
            System.err.println("usage: ./newsgraph bench " + usage() + " (iterations >= 1)");
            return 2;
        }
        if (dir == null) {
            dir = defaultDirectory();
        }
        List<Path> files = BenchCorpus.files(dir);
        List<Article> articles = BenchCorpus.read(files);
        if (articles.isEmpty()) {
            System.err.println("bench: no readable articles under " + dir);
            return 2;
        }

        System.out.println("machine: " + BenchMachine.describe());
        System.out.println("load before: " + BenchMachine.loadAverage());
        System.out.printf(Locale.ROOT, "articles: %s (%d files, %d read)%n", dir, files.size(), articles.size());

        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        long heapBefore = settledHeapUsed(memory);
        long loadStart = System.nanoTime();
        Extractor extractor = Extractor.loadDefault();
        long loadMillis = (System.nanoTime() - loadStart) / 1_000_000;
        long heapAfter = settledHeapUsed(memory);
        System.out.printf(Locale.ROOT, "pipeline load: %d ms in this JVM; heap held by the loaded pipeline: %.1f MB"
                + " (heap used after load minus before, each after System.gc())%n", loadMillis,
                (heapAfter - heapBefore) / 1048576.0);

        long tokens = 0;
        long scannedTokens = 0;
        for (Article article : articles) {
            tokens += extractor.analyze(article).tokenCount();
            scannedTokens += BenchCorpus.scanTokens(article.fullText());
        }
        System.out.printf(Locale.ROOT, "tokens: %d (the pipeline's own tokens, Extractor.analyze(article).tokenCount();"
                + " a plain word-and-punctuation scan counts %d)%n", tokens, scannedTokens);

        long warmupEnd = System.nanoTime() + (long) (warmupSeconds * 1e9);
        int warmupPasses = 0;
        while (warmupPasses < warmup || System.nanoTime() < warmupEnd) {
            extractAll(extractor, articles);
            warmupPasses++;
        }
        long heapWarm = settledHeapUsed(memory);
        System.out.printf(Locale.ROOT, "heap held after warm-up (pipeline plus anything it caches while extracting): "
                + "%.1f MB%n", (heapWarm - heapBefore) / 1048576.0);
        List<Double> msPerThousand = new ArrayList<>();
        List<Double> tokensPerSecond = new ArrayList<>();
        for (int pass = 0; pass < iterations; pass++) {
            long nanos = extractAll(extractor, articles);
            double ms = nanos / 1e6;
            msPerThousand.add(ms / (tokens / 1000.0));
            tokensPerSecond.add(tokens / (nanos / 1e9));
        }
        Collections.sort(msPerThousand);
        Collections.sort(tokensPerSecond);
        System.out.printf(Locale.ROOT, "warm throughput, single thread (%d warm-up passes in >= %.1f s, %d measured passes over %d"
                        + " articles):%n  ms per 1,000 tokens: min %.3f  median %.3f  max %.3f%n"
                        + "  tokens/s:            max %.0f  median %.0f  min %.0f%n"
                        + "  ms per article:      median %.3f%n",
                warmupPasses, warmupSeconds, iterations, articles.size(), msPerThousand.get(0), median(msPerThousand),
                msPerThousand.get(msPerThousand.size() - 1), tokensPerSecond.get(tokensPerSecond.size() - 1),
                median(tokensPerSecond), tokensPerSecond.get(0),
                median(msPerThousand) * tokens / 1000.0 / articles.size());

        if (coldRuns > 0) {
            Path first = files.stream().filter(BenchCorpus::readable).findFirst().orElseThrow();
            List<Double> wall = new ArrayList<>();
            List<Double> uptime = new ArrayList<>();
            for (int run = 0; run < coldRuns; run++) {
                double[] measured = coldStart(first);
                if (measured == null) {
                    System.err.println("bench: cold-start run " + (run + 1) + " did not report; stopping the cold-start"
                            + " runs here");
                    break;
                }
                wall.add(measured[0]);
                uptime.add(measured[1]);
            }
            if (!wall.isEmpty()) {
                List<Double> sortedWall = new ArrayList<>(wall);
                Collections.sort(sortedWall);
                System.out.printf(Locale.ROOT, "fresh JVM to first article extracted (%s, %d runs): median %.0f ms"
                                + " (min %.0f, max %.0f), from spawning `java` to the child's report;"
                                + " child JVM uptime at report: median %.0f ms%n",
                        first.getFileName(), wall.size(), median(wall), sortedWall.get(0),
                        sortedWall.get(sortedWall.size() - 1), median(uptime));
            }
        }
        System.out.println("load after: " + BenchMachine.loadAverage());
        return 0;
    }

    private static long extractAll(Extractor extractor, List<Article> articles) {
        long start = System.nanoTime();
        long sink = 0;
        for (Article article : articles) {
            Extraction extraction = extractor.extract(article);
            sink += extraction.entities().size() + extraction.relations().size();
        }
        long nanos = System.nanoTime() - start;
        if (sink < 0) {
            throw new IllegalStateException("unreachable; keeps the results alive");
        }
        return nanos;
    }

    /** [wall ms from spawn to report, child JVM uptime ms at report], or null when the child failed. */
    private static double[] coldStart(Path article) throws IOException, InterruptedException {
        String java = ProcessHandle.current().info().command()
                .orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        ProcessBuilder builder = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                ColdStart.class.getName(), article.toString());
        Path errors = Files.createTempFile("newsgraph-cold-start", ".err");
        builder.redirectError(errors.toFile());
        long start = System.nanoTime();
        Process process = builder.start();
        double[] result = null;
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(process.getInputStream(),
                StandardCharsets.UTF_8))) {
            String line;
            while ((line = lines.readLine()) != null) {
                if (line.startsWith(COLD_START_REPORT)) {
                    double wall = (System.nanoTime() - start) / 1e6;
                    double uptime = Double.parseDouble(line.substring(COLD_START_REPORT.length()).trim().split(" ")[0]);
                    result = new double[] {wall, uptime};
                }
            }
        }
        process.waitFor();
        try {
            if (process.exitValue() != 0 || result == null) {
                List<String> lines = Files.readAllLines(errors, StandardCharsets.UTF_8);
                System.err.println("bench: cold-start child exited with " + process.exitValue() + "; its last error lines:");
                lines.subList(Math.max(0, lines.size() - 5), lines.size()).forEach(l -> System.err.println("  " + l));
                return null;
            }
            return result;
        } finally {
            Files.deleteIfExists(errors);
        }
    }

    private static long settledHeapUsed(MemoryMXBean memory) throws InterruptedException {
        for (int i = 0; i < 4; i++) {
            System.gc();
            Thread.sleep(50);
        }
        return memory.getHeapMemoryUsage().getUsed();
    }

    private static double median(List<Double> values) {
        List<Double> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    }

    /** The dev gold set beside the repository when present, else the sample articles. */
    static Path defaultDirectory() {
        Path root = Path.of(System.getProperty("newsgraph.root", ".")).toAbsolutePath().normalize();
        Path dev = root.resolve("../shared/eval/dev").normalize();
        return Files.isDirectory(dev) ? dev : root.resolve("events/articles");
    }

    /**
     * The cold-start probe, run in a fresh JVM: reads one article, loads the pipeline, extracts, and reports the
     * JVM's uptime at that moment.
     */
    public static final class ColdStart {
        private ColdStart() {
        }

        public static void main(String[] args) throws Exception {
            Path file = Path.of(args[0]);
            Article article = new ArticleReader().read(Files.readAllBytes(file), file.getFileName().toString(), null);
            Extraction extraction = Extractor.loadDefault().extract(article);
            long uptime = ManagementFactory.getRuntimeMXBean().getUptime();
            System.out.println(COLD_START_REPORT + " " + uptime + " entities=" + extraction.entities().size()
                    + " relations=" + extraction.relations().size());
        }
    }

    /** Listing and reading the bench articles. */
    static final class BenchCorpus {
        private BenchCorpus() {
        }

        static List<Path> files(Path dir) throws IOException {
            if (Files.isRegularFile(dir)) {
                return List.of(dir);
            }
            try (Stream<Path> walk = Files.walk(dir)) {
                return walk.filter(Files::isRegularFile).filter(BenchCorpus::readable).sorted().toList();
            }
        }

        static boolean readable(Path file) {
            return ExtractCommand.isArticleFile(file) || file.getFileName().toString().endsWith(".jsonl");
        }

        static List<Article> read(List<Path> files) throws IOException {
            ArticleReader reader = new ArticleReader();
            GoldLoader gold = new GoldLoader();
            List<Article> articles = new ArrayList<>();
            for (Path file : files) {
                if (file.getFileName().toString().endsWith(".jsonl")) {
                    gold.loadFile(file).forEach(g -> articles.add(g.article()));
                    continue;
                }
                try {
                    articles.add(reader.read(Files.readAllBytes(file), file.getFileName().toString(), null));
                } catch (UnreadableArticleException e) {
                    System.err.println(file + ": skipped, unreadable (" + e.reason() + "): " + e.getMessage());
                }
            }
            return articles;
        }

        /** Words (letters and digits, joined by inner apostrophes, hyphens or dots) and punctuation marks. */
        static long scanTokens(String text) {
            long tokens = 0;
            int i = 0;
            int n = text.length();
            while (i < n) {
                char c = text.charAt(i);
                if (Character.isWhitespace(c)) {
                    i++;
                } else if (Character.isLetterOrDigit(c)) {
                    tokens++;
                    i++;
                    while (i < n && (Character.isLetterOrDigit(text.charAt(i))
                            || (isJoiner(text.charAt(i)) && i + 1 < n && Character.isLetterOrDigit(text.charAt(i + 1))))) {
                        i++;
                    }
                } else {
                    tokens++;
                    i++;
                }
            }
            return tokens;
        }

        private static boolean isJoiner(char c) {
            return c == '\'' || c == '\u2019' || c == '-' || c == '.';
        }
    }

    /** Cores, Java, heap limit and load average, for reading the figures in context. */
    static final class BenchMachine {
        private BenchMachine() {
        }

        static String describe() {
            Runtime runtime = Runtime.getRuntime();
            return String.format(Locale.ROOT, "%d cores, Java %s (%s), max heap %d MB, %s %s", runtime.availableProcessors(),
                    System.getProperty("java.version"), System.getProperty("java.vm.name"),
                    runtime.maxMemory() / 1048576, System.getProperty("os.name"), System.getProperty("os.arch"));
        }

        static String loadAverage() {
            try {
                String[] fields = Files.readString(Path.of("/proc/loadavg")).trim().split(" ");
                return fields[0] + " " + fields[1] + " " + fields[2] + " (1/5/15 min), running/total tasks "
                        + fields[3];
            } catch (IOException | RuntimeException e) {
                return "n/a (" + ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage() + " from the JVM)";
            }
        }
    }
}

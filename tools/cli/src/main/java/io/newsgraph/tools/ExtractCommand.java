package io.newsgraph.tools;

import io.newsgraph.core.Extractor;
import io.newsgraph.core.model.Article;
import io.newsgraph.core.model.Extraction;
import io.newsgraph.core.read.ArticleReader;
import io.newsgraph.core.read.UnreadableArticleException;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Stream;

/**
 * {@code extract --out DIR FILE...}: reads each article (.txt, .html, .md, .json; a gold JSON through its
 * "text"), runs the pipeline and writes {@code DIR/<name without extension>.json} in the gold shape.
 * A directory argument stands for the article files under it. Unreadable inputs are reported on stderr and
 * skipped; the exit code is then 1.
 */
final class ExtractCommand implements Command {

    static final Set<String> ARTICLE_EXTENSIONS = Set.of("txt", "text", "html", "htm", "md", "markdown", "json");

    private final Supplier<Function<Article, Extraction>> pipeline;
    private final PrintStream out;
    private final PrintStream err;

    ExtractCommand() {
        this(() -> Extractor.loadDefault()::extract, System.out, System.err);
    }

    /** For tests: any pipeline, any output streams. */
    ExtractCommand(Supplier<Function<Article, Extraction>> pipeline, PrintStream out, PrintStream err) {
        this.pipeline = pipeline;
        this.out = out;
        this.err = err;
    }

    @Override
    public String usage() {
        return "--out DIR FILE...  extract entities and relations from article files into DIR/<name>.json";
    }

    @Override
    public int run(List<String> args) throws IOException {
        Path outDir = null;
        List<Path> inputs = new ArrayList<>();
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            if (arg.equals("--out") && i + 1 < args.size()) {
                outDir = Path.of(args.get(++i));
            } else if (arg.startsWith("--out=")) {
                outDir = Path.of(arg.substring("--out=".length()));
            } else if (arg.startsWith("--")) {
                err.println("extract: unknown option " + arg);
                err.println("usage: ./newsgraph extract " + usage());
                return 2;
            } else {
                inputs.add(Path.of(arg));
            }
        }
        if (outDir == null || inputs.isEmpty()) {
            err.println("usage: ./newsgraph extract " + usage());
            return 2;
        }
        Files.createDirectories(outDir);
        List<Path> files = expand(inputs);
        ArticleReader reader = new ArticleReader();
        GoldShapeWriter writer = new GoldShapeWriter();
        Function<Article, Extraction> extractor = null;
        Set<String> written = new HashSet<>();
        int failures = 0;
        for (Path file : files) {
            try {
                Article article = reader.read(Files.readAllBytes(file), file.getFileName().toString(), null);
                if (extractor == null) {
                    extractor = pipeline.get();
                }
                long start = System.nanoTime();
                Extraction extraction = extractor.apply(article);
                long ms = (System.nanoTime() - start) / 1_000_000;
                Path target = outDir.resolve(stem(file) + ".json");
                if (!written.add(target.toString())) {
                    err.println(file + ": warning: overwrites " + target + " written from another input");
                }
                writer.write(extraction, target);
                out.printf(Locale.ROOT, "%s -> %s (%d entities, %d relations, %d ms)%n", file, target,
                        extraction.entities().size(), extraction.relations().size(), ms);
            } catch (UnreadableArticleException e) {
                failures++;
                err.println(file + ": unreadable (" + e.reason() + "): " + e.getMessage());
            } catch (IOException e) {
                failures++;
                err.println(file + ": cannot read: " + e.getMessage());
            } catch (RuntimeException e) {
                failures++;
                err.println(file + ": extraction failed: " + e);
            }
        }
        return failures == 0 ? 0 : 1;
    }

    /** Files as given; a directory becomes the article files under it, in path order. */
    static List<Path> expand(List<Path> inputs) throws IOException {
        List<Path> files = new ArrayList<>();
        for (Path input : inputs) {
            if (Files.isDirectory(input)) {
                try (Stream<Path> walk = Files.walk(input)) {
                    walk.filter(Files::isRegularFile).filter(ExtractCommand::isArticleFile).sorted().forEach(files::add);
                }
            } else {
                files.add(input);
            }
        }
        return files;
    }

    static boolean isArticleFile(Path file) {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        int dot = name.lastIndexOf('.');
        return dot > 0 && ARTICLE_EXTENSIONS.contains(name.substring(dot + 1));
    }

    static String stem(Path file) {
        String name = file.getFileName().toString();
        int dot = name.lastIndexOf('.');
        return dot > 0 ? name.substring(0, dot) : name;
    }
}

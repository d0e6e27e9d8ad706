package io.newsgraph.ingest;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Figures the reliability tests measure (events re-delivered, inputs tried, rows lost or duplicated),
 * printed to stdout and appended to target/reliability-figures.txt for docs/reliability.md.
 */
final class Figures {
    private static final Path FILE = Path.of("target", "reliability-figures.txt");

    static {
        try {
            Files.deleteIfExists(FILE); // one run's figures only
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private Figures() {
    }

    static synchronized void record(String test, String figure, Object value) {
        String line = "FIGURE " + test + " " + figure + "=" + value;
        System.out.println(line);
        try {
            Files.createDirectories(FILE.getParent());
            Files.writeString(FILE, line + System.lineSeparator(), StandardCharsets.UTF_8,
                    StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

package io.newsgraph.emulators;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Where the npm-installed dynalite lives. Order: system property {@code newsgraph.dynalite.dir},
 * env {@code NEWSGRAPH_DYNALITE_DIR}, {@code <newsgraph.root>/tools/emulators/dynalite}, then the first
 * {@code tools/emulators/dynalite} found walking up from the working directory.
 */
public final class EmulatorPaths {
    private static final String RELATIVE = "tools/emulators/dynalite";

    private EmulatorPaths() {
    }

    public static Path dynaliteDir() {
        String explicit = System.getProperty("newsgraph.dynalite.dir", System.getenv("NEWSGRAPH_DYNALITE_DIR"));
        if (explicit != null && !explicit.isBlank()) {
            return Path.of(explicit).toAbsolutePath();
        }
        return repositoryRoot().resolve(RELATIVE);
    }

    /** The repository root: system property {@code newsgraph.root}, else found from the working directory. */
    public static Path repositoryRoot() {
        String root = System.getProperty("newsgraph.root", System.getenv("NEWSGRAPH_ROOT"));
        if (root != null && !root.isBlank() && Files.isDirectory(Path.of(root).resolve(RELATIVE))) {
            return Path.of(root).toAbsolutePath();
        }
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.isDirectory(dir.resolve(RELATIVE))) {
                return dir;
            }
        }
        throw new IllegalStateException("cannot find the NewsGraph repository root (" + RELATIVE
                + "); set -Dnewsgraph.root or NEWSGRAPH_ROOT");
    }

    static String nodeExecutable() {
        String node = System.getenv("NEWSGRAPH_NODE");
        return node == null || node.isBlank() ? "node" : node;
    }
}

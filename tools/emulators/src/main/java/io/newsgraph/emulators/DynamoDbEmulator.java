package io.newsgraph.emulators;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * dynalite (npm, Apache-2.0) as a child process on 127.0.0.1: an open-source DynamoDB emulator.
 * With a data directory it persists to disk, so it can be killed and restarted (fault injection).
 */
public final class DynamoDbEmulator implements AutoCloseable {
    private static final Duration START_TIMEOUT = Duration.ofSeconds(20);

    private final Path dynaliteDir;
    private final Path dataDir;
    private final int requestedPort;
    private Process process;
    private int port;

    private DynamoDbEmulator(Path dynaliteDir, Path dataDir, int requestedPort) {
        this.dynaliteDir = dynaliteDir;
        this.dataDir = dataDir;
        this.requestedPort = requestedPort;
    }

    /** In-memory emulator on a free port. */
    public static DynamoDbEmulator inMemory() {
        return new DynamoDbEmulator(EmulatorPaths.dynaliteDir(), null, 0);
    }

    /** Emulator persisting to {@code dataDir}, on {@code port} (0 picks a free one). */
    public static DynamoDbEmulator persistent(Path dataDir, int port) {
        return new DynamoDbEmulator(EmulatorPaths.dynaliteDir(), dataDir.toAbsolutePath(), port);
    }

    public synchronized DynamoDbEmulator start() {
        if (process != null && process.isAlive()) {
            return this;
        }
        // keep the port across restarts so clients built earlier still reach it
        port = port != 0 ? port : (requestedPort != 0 ? requestedPort : FreePorts.find());
        List<String> command = new ArrayList<>(List.of(
                EmulatorPaths.nodeExecutable(), dynaliteDir.resolve("node_modules/dynalite/cli.js").toString(),
                "--host", "127.0.0.1", "--port", Integer.toString(port),
                "--createTableMs", "0", "--deleteTableMs", "0", "--updateTableMs", "0"));
        try {
            if (dataDir != null) {
                Files.createDirectories(dataDir);
                command.add("--path");
                command.add(dataDir.toString());
            }
            Path log = Files.createTempFile("dynalite-", ".log");
            process = new ProcessBuilder(command)
                    .redirectErrorStream(true)
                    .redirectOutput(log.toFile())
                    .start();
            awaitPort(log);
            return this;
        } catch (IOException e) {
            throw new UncheckedIOException("could not start dynalite from " + dynaliteDir
                    + " (run the Maven build once: it installs dynalite with npm ci)", e);
        }
    }

    private void awaitPort(Path log) throws IOException {
        long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IOException("dynalite exited with " + process.exitValue() + ": " + Files.readString(log));
            }
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress("127.0.0.1", port), 200);
                return;
            } catch (IOException notYet) {
                sleep(50);
            }
        }
        throw new IOException("dynalite did not listen on port " + port + " within " + START_TIMEOUT);
    }

    /** Kills the process at once, as a crash would (no graceful shutdown). */
    public synchronized void kill() {
        if (process != null) {
            process.destroyForcibly();
            waitFor(process);
            process = null;
        }
    }

    public synchronized DynamoDbEmulator restart() {
        kill();
        return start();
    }

    public URI endpoint() {
        return URI.create("http://127.0.0.1:" + port);
    }

    public int port() {
        return port;
    }

    @Override
    public synchronized void close() {
        if (process != null) {
            process.destroy();
            waitFor(process);
            if (process.isAlive()) {
                process.destroyForcibly();
            }
            process = null;
        }
    }

    private static void waitFor(Process p) {
        try {
            p.waitFor(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}

package io.newsgraph.emulators;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import org.gaul.s3proxy.S3Proxy;
import org.gaul.s3proxy.auth.AuthenticationType;
import org.gaul.s3proxy.nio2blob.FilesystemNio2BlobStore;
import org.gaul.s3proxy.nio2blob.TransientNio2BlobStore;

/**
 * S3Proxy (Apache-2.0) embedded in this JVM on 127.0.0.1: a real S3 protocol server, in memory or over a
 * folder where each bucket is a directory (so files copied in by hand become objects).
 */
public final class S3Emulator implements AutoCloseable {
    public static final String ACCESS_KEY = "test";
    public static final String SECRET_KEY = "test";
    private static final java.time.Duration START_TIMEOUT = java.time.Duration.ofSeconds(30);

    private final Path baseDir;
    private final int requestedPort;
    private S3Proxy proxy;

    private S3Emulator(Path baseDir, int requestedPort) {
        this.baseDir = baseDir;
        this.requestedPort = requestedPort;
    }

    public static S3Emulator inMemory() {
        return new S3Emulator(null, 0);
    }

    /** Objects live as files under {@code baseDir}/{bucket}/{key}. */
    public static S3Emulator onDisk(Path baseDir, int port) {
        return new S3Emulator(baseDir.toAbsolutePath(), port);
    }

    public synchronized S3Emulator start() {
        if (proxy != null) {
            return this;
        }
        // S3Proxy logs every request at DEBUG, which slows large uploads tenfold
        System.setProperty("org.slf4j.simpleLogger.log.org.gaul", "warn");
        System.setProperty("org.slf4j.simpleLogger.log.org.eclipse.jetty", "warn");
        try {
            var store = baseDir == null ? new TransientNio2BlobStore() : filesystem(baseDir);
            // port 0 lets Jetty bind a free port itself: no window for another process to take it
            proxy = S3Proxy.builder()
                    .blobStore(store)
                    .endpoint(URI.create("http://127.0.0.1:" + requestedPort))
                    .awsAuthentication(AuthenticationType.AWS_V2_OR_V4, ACCESS_KEY, SECRET_KEY)
                    .build();
            proxy.start();
            long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
            while (!"STARTED".equals(proxy.getState())) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("S3Proxy did not start within " + START_TIMEOUT);
                }
                Thread.sleep(10);
            }
            return this;
        } catch (Exception e) {
            throw new IllegalStateException("could not start S3Proxy", e);
        }
    }

    private static FilesystemNio2BlobStore filesystem(Path dir) throws java.io.IOException {
        Files.createDirectories(dir);
        return new FilesystemNio2BlobStore(dir.toString());
    }

    public URI endpoint() {
        return URI.create("http://127.0.0.1:" + proxy.getPort());
    }

    /** The folder that holds the buckets, or null for the in-memory store. */
    public Path baseDir() {
        return baseDir;
    }

    @Override
    public synchronized void close() {
        if (proxy != null) {
            try {
                proxy.stop();
            } catch (Exception e) {
                throw new IllegalStateException("could not stop S3Proxy", e);
            } finally {
                proxy = null;
            }
        }
    }
}

package io.newsgraph.ingest;

import com.amazonaws.services.lambda.runtime.events.S3Event;
import com.amazonaws.services.lambda.runtime.tests.EventLoader;
import java.lang.management.ManagementFactory;

/**
 * Does in a fresh JVM what Lambda does: builds the handler with its no-argument constructor (configuration,
 * region, credentials and endpoints from the environment only), then handles one S3 event file. Prints the
 * summary and the milliseconds from JVM start to the event fully ingested.
 */
public final class FreshJvmInvoke {
    private FreshJvmInvoke() {
    }

    public static void main(String[] args) {
        long jvmStart = ManagementFactory.getRuntimeMXBean().getStartTime();
        IngestHandler handler = new IngestHandler();
        long initialised = System.currentTimeMillis();
        S3Event event = EventLoader.loadS3Event(args[0]);
        IngestSummary summary = handler.handleRequest(event, null);
        long done = System.currentTimeMillis();
        System.out.println("SUMMARY ingested=" + summary.ingested() + " rejected=" + summary.rejected()
                + " removed=" + summary.removed());
        System.out.println("MILLIS init=" + (initialised - jvmStart) + " total=" + (done - jvmStart));
    }
}

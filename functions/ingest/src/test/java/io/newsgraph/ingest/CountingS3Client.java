package io.newsgraph.ingest;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import software.amazon.awssdk.core.sync.ResponseTransformer;
import software.amazon.awssdk.http.AbortableInputStream;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.GetObjectRequest;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;
import software.amazon.awssdk.services.s3.model.HeadObjectRequest;
import software.amazon.awssdk.services.s3.model.HeadObjectResponse;

/** Delegates to a real S3 client and counts GetObject calls and body bytes the caller actually read. */
final class CountingS3Client implements S3Client {
    private final S3Client delegate;
    final AtomicInteger getObjectCalls = new AtomicInteger();
    final AtomicLong bodyBytesRead = new AtomicLong();

    CountingS3Client(S3Client delegate) {
        this.delegate = delegate;
    }

    @Override
    public <ReturnT> ReturnT getObject(GetObjectRequest request,
                                       ResponseTransformer<GetObjectResponse, ReturnT> transformer) {
        getObjectCalls.incrementAndGet();
        return delegate.getObject(request, (response, body) ->
                transformer.transform(response, AbortableInputStream.create(new Counting(body), body)));
    }

    @Override
    public HeadObjectResponse headObject(HeadObjectRequest request) {
        return delegate.headObject(request);
    }

    @Override
    public String serviceName() {
        return delegate.serviceName();
    }

    @Override
    public void close() {
        delegate.close();
    }

    private final class Counting extends FilterInputStream {
        Counting(InputStream in) {
            super(in);
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                bodyBytesRead.incrementAndGet();
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int off, int len) throws IOException {
            int n = super.read(buffer, off, len);
            if (n > 0) {
                bodyBytesRead.addAndGet(n);
            }
            return n;
        }
    }
}

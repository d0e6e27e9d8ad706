package io.newsgraph.tools;

import io.newsgraph.emulators.DynamoDbEmulator;
import io.newsgraph.emulators.S3Emulator;
import org.junit.jupiter.api.AfterAll;

/** The end-to-end scenario on the local emulators: dynalite and S3Proxy, started on free ports. */
class EndToEndEmulatorTest extends EndToEndScenario {
    private DynamoDbEmulator dynamoDb;
    private S3Emulator s3;

    @Override
    protected Backend backend() {
        dynamoDb = DynamoDbEmulator.inMemory().start();
        s3 = S3Emulator.inMemory().start();
        return new Backend(s3.endpoint(), dynamoDb.endpoint(), S3Emulator.ACCESS_KEY, S3Emulator.SECRET_KEY, "us-east-1");
    }

    @AfterAll
    void stopEmulators() {
        if (s3 != null) {
            s3.close();
        }
        if (dynamoDb != null) {
            dynamoDb.close();
        }
    }
}

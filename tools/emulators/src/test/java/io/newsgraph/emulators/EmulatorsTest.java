package io.newsgraph.emulators;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;

class EmulatorsTest {

    @Test
    void dynaliteKeepsDataAcrossAKillWhenPersistent(@TempDir Path data) {
        try (var dynamo = DynamoDbEmulator.persistent(data, 0).start()) {
            var client = AwsClients.dynamoDb(dynamo.endpoint());
            client.createTable(b -> b.tableName("things")
                    .attributeDefinitions(AttributeDefinition.builder().attributeName("pk")
                            .attributeType(ScalarAttributeType.S).build())
                    .keySchema(KeySchemaElement.builder().attributeName("pk").keyType(KeyType.HASH).build())
                    .billingMode(BillingMode.PAY_PER_REQUEST));
            client.putItem(b -> b.tableName("things").item(java.util.Map.of("pk", AttributeValue.fromS("a"))));

            dynamo.restart();

            var item = client.getItem(b -> b.tableName("things").key(java.util.Map.of("pk", AttributeValue.fromS("a"))));
            assertEquals("a", item.item().get("pk").s());
        }
    }

    @Test
    void s3ProxyStoresObjectsAsFilesInTheBucketFolder(@TempDir Path base) throws Exception {
        try (var s3 = S3Emulator.onDisk(base, 0).start()) {
            var client = AwsClients.s3(s3.endpoint());
            client.createBucket(b -> b.bucket("articles"));
            client.putObject(b -> b.bucket("articles").key("Jan 2024/naïve.txt"),
                    RequestBody.fromString("hello", StandardCharsets.UTF_8));

            assertTrue(Files.exists(base.resolve("articles")), "bucket is a directory");
            String body = client.getObjectAsBytes(b -> b.bucket("articles").key("Jan 2024/naïve.txt")).asUtf8String();
            assertEquals("hello", body);
        }
    }
}

package io.newsgraph.storage;

import java.time.Duration;
import software.amazon.awssdk.core.waiters.WaiterResponse;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.CreateTableRequest;
import software.amazon.awssdk.services.dynamodb.model.DescribeTableResponse;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndex;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.Projection;
import software.amazon.awssdk.services.dynamodb.model.ProjectionType;
import software.amazon.awssdk.services.dynamodb.model.ResourceInUseException;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;

/** The one definition of the NewsGraph table; template.yaml must declare the same (a test compares them). */
public final class GraphTable {
    /** Attributes the name-prefix index carries besides its keys (enough to answer a search). */
    static final String[] NAME_INDEX_ATTRIBUTES = {Rows.ENTITY_ID, Rows.TYPE, Rows.NAME, Rows.CANONICAL};

    private GraphTable() {
    }

    public static CreateTableRequest createTableRequest(String tableName) {
        return CreateTableRequest.builder()
                .tableName(tableName)
                .billingMode(BillingMode.PAY_PER_REQUEST)
                .attributeDefinitions(
                        attribute(Keys.PK), attribute(Keys.SK), attribute(Keys.GSI1PK), attribute(Keys.GSI1SK))
                .keySchema(
                        KeySchemaElement.builder().attributeName(Keys.PK).keyType(KeyType.HASH).build(),
                        KeySchemaElement.builder().attributeName(Keys.SK).keyType(KeyType.RANGE).build())
                .globalSecondaryIndexes(GlobalSecondaryIndex.builder()
                        .indexName(Keys.NAME_PREFIX_INDEX)
                        .keySchema(
                                KeySchemaElement.builder().attributeName(Keys.GSI1PK).keyType(KeyType.HASH).build(),
                                KeySchemaElement.builder().attributeName(Keys.GSI1SK).keyType(KeyType.RANGE).build())
                        .projection(Projection.builder()
                                .projectionType(ProjectionType.INCLUDE)
                                .nonKeyAttributes(NAME_INDEX_ATTRIBUTES)
                                .build())
                        .build())
                .build();
    }

    /** Creates the table unless it exists, then waits until it is ACTIVE. */
    public static void ensureTable(DynamoDbClient dynamo, String tableName) {
        try {
            dynamo.describeTable(b -> b.tableName(tableName));
        } catch (ResourceNotFoundException missing) {
            try {
                dynamo.createTable(createTableRequest(tableName));
            } catch (ResourceInUseException createdConcurrently) {
                // another process created it between our describe and create: fine
            }
        }
        WaiterResponse<DescribeTableResponse> waited = dynamo.waiter().waitUntilTableExists(
                b -> b.tableName(tableName), o -> o.waitTimeout(Duration.ofMinutes(2)));
        waited.matched().exception().ifPresent(e -> {
            throw new IllegalStateException("table " + tableName + " did not become active", e);
        });
    }

    private static AttributeDefinition attribute(String name) {
        return AttributeDefinition.builder().attributeName(name).attributeType(ScalarAttributeType.S).build();
    }
}

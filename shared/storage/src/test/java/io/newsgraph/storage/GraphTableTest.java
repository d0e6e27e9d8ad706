package io.newsgraph.storage;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.CreateTableRequest;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndexDescription;
import software.amazon.awssdk.services.dynamodb.model.ProjectionType;
import software.amazon.awssdk.services.dynamodb.model.TableDescription;
import software.amazon.awssdk.services.dynamodb.model.TableStatus;

class GraphTableTest {
    @Test
    void ensureTableCreatesOnceAndTheServerAcceptsTheDefinition() {
        String table = Emulator.newTable();
        GraphTable.ensureTable(Emulator.client(), table);
        TableDescription described = Emulator.client().describeTable(b -> b.tableName(table)).table();
        CreateTableRequest request = GraphTable.createTableRequest(table);
        assertEquals(TableStatus.ACTIVE, described.tableStatus());
        assertEquals(request.keySchema(), described.keySchema());
        assertEquals(Set(request.attributeDefinitions()), Set(described.attributeDefinitions()));
        GlobalSecondaryIndexDescription index = described.globalSecondaryIndexes().get(0);
        assertEquals(Keys.NAME_PREFIX_INDEX, index.indexName());
        assertEquals(request.globalSecondaryIndexes().get(0).keySchema(), index.keySchema());
        assertEquals(ProjectionType.INCLUDE, index.projection().projectionType());
        assertEquals(Set(List.of(GraphTable.NAME_INDEX_ATTRIBUTES)), Set(index.projection().nonKeyAttributes()));
    }

    private static <T> java.util.Set<T> Set(List<T> list) {
        return java.util.Set.copyOf(list);
    }
}

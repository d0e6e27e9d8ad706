package io.newsgraph.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;

class IngestConfigTest {

    @Test
    void readsTableNameAndDefaultsTheSizeLimitToFiveMebibytes() {
        IngestConfig config = IngestConfig.fromEnvironment(Map.of("TABLE_NAME", "graph"));
        assertEquals("graph", config.tableName());
        assertEquals(5L * 1024 * 1024, config.maxObjectBytes());
    }

    @Test
    void readsAnExplicitSizeLimit() {
        IngestConfig config = IngestConfig.fromEnvironment(Map.of("TABLE_NAME", "graph", "MAX_OBJECT_BYTES", "1024"));
        assertEquals(1024, config.maxObjectBytes());
    }

    @Test
    void refusesAMissingTableName() {
        var e = assertThrows(IllegalStateException.class, () -> IngestConfig.fromEnvironment(Map.of()));
        assertTrue(e.getMessage().contains("TABLE_NAME"));
    }

    @Test
    void refusesASizeLimitThatIsNotAPositiveNumber() {
        assertThrows(IllegalStateException.class,
                () -> IngestConfig.fromEnvironment(Map.of("TABLE_NAME", "t", "MAX_OBJECT_BYTES", "5MB")));
        assertThrows(IllegalStateException.class,
                () -> IngestConfig.fromEnvironment(Map.of("TABLE_NAME", "t", "MAX_OBJECT_BYTES", "0")));
        assertThrows(IllegalStateException.class,
                () -> IngestConfig.fromEnvironment(Map.of("TABLE_NAME", "t", "MAX_OBJECT_BYTES", "99999999999")));
    }

    @Test
    void listsEveryVariableItReads() {
        assertEquals(java.util.Set.of("TABLE_NAME", "MAX_OBJECT_BYTES"), IngestConfig.VARIABLES);
    }
}

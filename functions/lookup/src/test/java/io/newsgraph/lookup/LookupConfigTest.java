package io.newsgraph.lookup;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class LookupConfigTest {
    @Test
    void readsTheTableAndTheSigningKey() {
        LookupConfig config = LookupConfig.fromEnvironment(Map.of("TABLE_NAME", "graph",
                "CURSOR_SIGNING_KEY", "0123456789abcdef0123"));
        assertEquals("graph", config.tableName());
        assertArrayEquals("0123456789abcdef0123".getBytes(StandardCharsets.UTF_8), config.cursorKey());
        assertFalse(config.toString().contains("0123456789abcdef"), "the key never appears in logs");
        assertEquals(Set.of("TABLE_NAME", "CURSOR_SIGNING_KEY"), LookupConfig.VARIABLES);
    }

    @Test
    void theTableIsRequiredAndShortKeysAreRefused() {
        assertThrows(IllegalStateException.class, () -> LookupConfig.fromEnvironment(Map.of()));
        assertThrows(IllegalStateException.class, () -> LookupConfig.fromEnvironment(Map.of("TABLE_NAME", " ")));
        assertThrows(IllegalStateException.class, () -> LookupConfig.fromEnvironment(Map.of("TABLE_NAME", "graph",
                "CURSOR_SIGNING_KEY", "short")));
    }

    @Test
    void aMissingCursorKeyFailsAtStartupRatherThanBreakingPaginationAcrossInstances() {
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> LookupConfig.fromEnvironment(Map.of("TABLE_NAME", "graph")));
        assertTrue(e.getMessage().contains("CURSOR_SIGNING_KEY"));
    }

    @Test
    void routesAreTheFourOfTheApi() {
        assertEquals(Set.of("GET /actors", "GET /actors/{name}", "GET /locations/{name}", "GET /articles/{id}"),
                Router.routeTable());
        assertTrue(Router.routeTable().size() == Router.Route.values().length);
    }
}

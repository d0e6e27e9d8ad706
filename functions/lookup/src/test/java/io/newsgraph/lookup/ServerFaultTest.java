package io.newsgraph.lookup;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;

/** Real server faults are 5xx with a generic body: no exception text, class names or stack frames. */
class ServerFaultTest {
    /** Delegates to the emulator, but every Query fails with the given error. */
    private static LookupHandler failingWith(RuntimeException failure) {
        DynamoDbClient real = Fixture.client();
        DynamoDbClient failing = new DynamoDbClient() {
            @Override
            public QueryResponse query(QueryRequest request) {
                throw failure;
            }

            @Override
            public software.amazon.awssdk.services.dynamodb.model.GetItemResponse getItem(
                    software.amazon.awssdk.services.dynamodb.model.GetItemRequest request) {
                return real.getItem(request);
            }

            @Override
            public String serviceName() {
                return real.serviceName();
            }

            @Override
            public void close() {
            }
        };
        return new LookupHandler(failing, new LookupConfig(Fixture.TABLE, Fixture.KEY));
    }

    @Test
    void aBugIsAGeneric500() {
        APIGatewayV2HTTPResponse response = failingWith(new IllegalStateException("secret detail at /var/task/x"))
                .handleRequest(Fixture.get("/actors/Velkov", Map.of()), null);
        assertEquals(500, response.getStatusCode());
        assertEquals("{\"error\":{\"code\":\"internal_error\",\"message\":\"an internal error occurred\"}}",
                response.getBody());
    }

    @Test
    void anUnreachableOrMissingTableIsA503() {
        for (RuntimeException failure : new RuntimeException[] {
                SdkClientException.create("connection refused to 10.0.0.1"),
                ResourceNotFoundException.builder().message("table prod-graph not found").build()}) {
            APIGatewayV2HTTPResponse response = failingWith(failure)
                    .handleRequest(Fixture.get("/actors/Velkov", Map.of()), null);
            assertEquals(503, response.getStatusCode());
            assertFalse(response.getBody().contains("10.0.0.1") || response.getBody().contains("prod-graph"));
            assertEquals("service_unavailable", Fixture.body(response).at("/error/code").asText());
        }
    }

    @Test
    void aRejectedRequestToTheDatabaseIsOurBugSoA500() {
        APIGatewayV2HTTPResponse response = failingWith(software.amazon.awssdk.services.dynamodb.model
                .DynamoDbException.builder().message("Invalid KeyConditionExpression near lo > hi").statusCode(400)
                .build()).handleRequest(Fixture.get("/actors/Velkov", Map.of()), null);
        assertEquals(500, response.getStatusCode());
        assertFalse(response.getBody().contains("KeyCondition"));
    }

    @Test
    void clientMistakesNeverReachTheFailingDatabase() {
        APIGatewayV2HTTPResponse response = failingWith(new IllegalStateException("boom"))
                .handleRequest(Fixture.get("/actors/Velkov", Map.of("limit", "0")), null);
        assertEquals(400, response.getStatusCode());
    }
}

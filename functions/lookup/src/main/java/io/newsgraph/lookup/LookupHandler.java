package io.newsgraph.lookup;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import io.newsgraph.storage.GraphQueries;
import java.util.LinkedHashMap;
import java.util.Map;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.ProvisionedThroughputExceededException;
import software.amazon.awssdk.services.dynamodb.model.RequestLimitExceededException;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;

/**
 * Lambda handler of the lookup HTTP API (API Gateway payload 2.0). Thin: event to request, the
 * service, response to event. Client mistakes are 4xx; throttling or an unreachable database is a 503
 * and any other fault a generic 500, both without internal detail (that goes to the log only).
 */
public final class LookupHandler implements RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> {
    private final LookupService service;

    /** Lambda's constructor: one DynamoDB client per instance (region, credentials, endpoint from the SDK's defaults). */
    public LookupHandler() {
        this(DynamoDbClient.builder().httpClient(UrlConnectionHttpClient.create()).build(),
                LookupConfig.fromEnvironment(System.getenv()));
    }

    public LookupHandler(DynamoDbClient dynamo, LookupConfig config) {
        this.service = new LookupService(new GraphQueries(dynamo, config.tableName()), new Cursors(config.cursorKey()));
    }

    @Override
    public APIGatewayV2HTTPResponse handleRequest(APIGatewayV2HTTPEvent event, Context context) {
        ApiResponse response;
        try {
            response = service.handle(ApiRequest.from(event));
        } catch (SdkException e) {
            if (isUnavailable(e)) {
                log(context, "storage_unavailable", e);
                response = LookupService.error(503, "service_unavailable", "the service is busy; retry shortly",
                        Map.of());
            } else {
                log(context, "internal_error", e);
                response = LookupService.error(500, "internal_error", "an internal error occurred", Map.of());
            }
        } catch (RuntimeException e) {
            log(context, "internal_error", e);
            response = LookupService.error(500, "internal_error", "an internal error occurred", Map.of());
        }
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Content-Type", "application/json");
        headers.put("Cache-Control", "no-store");
        headers.put("X-Content-Type-Options", "nosniff");
        headers.putAll(response.headers());
        return APIGatewayV2HTTPResponse.builder()
                .withStatusCode(response.status())
                .withHeaders(headers)
                .withBody(response.body())
                .withIsBase64Encoded(false)
                .build();
    }

    /** Throttling, an unreachable endpoint or a missing table: conditions that pass, not bugs. */
    static boolean isUnavailable(SdkException e) {
        if (e instanceof SdkClientException) {
            return true;
        }
        if (e instanceof AwsServiceException service) {
            return service.isThrottlingException() || service instanceof ResourceNotFoundException
                    || service instanceof ProvisionedThroughputExceededException
                    || service instanceof RequestLimitExceededException || service.statusCode() >= 500;
        }
        return false;
    }

    private static void log(Context context, String kind, Exception e) {
        String line = LookupService.write(Map.of("level", "ERROR", "event", kind,
                "exception", e.getClass().getName(), "message", String.valueOf(e.getMessage())));
        if (context != null && context.getLogger() != null) {
            context.getLogger().log(line + "\n");
        } else {
            System.err.println(line);
        }
    }
}

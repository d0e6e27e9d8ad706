package io.newsgraph.tools;

import java.util.HashMap;
import java.util.Map;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;
import org.testcontainers.localstack.LocalStackContainer;
import org.testcontainers.utility.DockerImageName;

/**
 * The same end-to-end scenario against LocalStack (S3 and DynamoDB) in Docker. Without a Docker engine
 * the class is reported as skipped. The image tag is pinned: {@code latest} needs an auth token since
 * March 2026; LOCALSTACK_AUTH_TOKEN is passed through when it is set.
 */
@Testcontainers(disabledWithoutDocker = true)
class LocalStackEndToEndTest extends EndToEndScenario {
    static final DockerImageName IMAGE = DockerImageName.parse("localstack/localstack:4.4.0");

    @Container
    static final LocalStackContainer LOCALSTACK = new LocalStackContainer(IMAGE)
            .withServices("s3", "dynamodb")
            .withEnv(authToken());

    @Override
    protected Backend backend() {
        return new Backend(LOCALSTACK.getEndpoint(), LOCALSTACK.getEndpoint(), LOCALSTACK.getAccessKey(),
                LOCALSTACK.getSecretKey(), LOCALSTACK.getRegion());
    }

    private static Map<String, String> authToken() {
        Map<String, String> env = new HashMap<>();
        String token = System.getenv("LOCALSTACK_AUTH_TOKEN");
        if (token != null && !token.isBlank()) {
            env.put("LOCALSTACK_AUTH_TOKEN", token);
        }
        return env;
    }
}

package dev.runway.compat.awssdk;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.GetItemResponse;

/**
 * Reads one item with the AWS SDK v2, as functions do: the client built once, at init (credentials and region
 * from Lambda's environment), the endpoint overridden by {@code COMPAT_ENDPOINT} (an HTTPS server of the test's).
 */
public class DynamoDbHandler implements RequestHandler<Map<String, String>, Map<String, String>> {

    private final DynamoDbClient dynamo = DynamoDbClient.builder()
            .endpointOverride(URI.create(System.getenv("COMPAT_ENDPOINT")))
            .build();

    @Override
    public Map<String, String> handleRequest(Map<String, String> event, Context context) {
        GetItemResponse item = dynamo.getItem(request -> request.tableName("compat")
                .key(Map.of("id", AttributeValue.fromS(event.get("id")))));
        Map<String, String> answer = new LinkedHashMap<>();
        item.item().forEach((name, value) -> answer.put(name, value.s()));
        return answer;
    }
}

package dev.runway.bootstrap.local.internal.events;

import dev.runway.bootstrap.local.internal.json.Json;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Sample events of the common event sources, shaped as Lambda delivers them, for {@code bootstrap generate-event}
 * and the local console. The templates are resources of local mode's jar ({@code events/*.json} beside this
 * package); their {@code ${name}} placeholders sit inside JSON strings and are filled with JSON-escaped values.
 */
public final class EventTemplates {

    /** The sources, in the order the usage and the console list them, with what each is. */
    public static final Map<String, String> SOURCES = sources();

    /** The placeholders a caller may set ({@code --name value}), with their defaults. */
    public static final Map<String, String> DEFAULTS = defaults();

    private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([A-Za-z]+)}");

    private EventTemplates() {}

    private static Map<String, String> sources() {
        Map<String, String> sources = new LinkedHashMap<>();
        sources.put("apigateway-rest", "API Gateway REST API (APIGatewayProxyRequestEvent)");
        sources.put("apigateway-http", "API Gateway HTTP API, payload 2.0 (APIGatewayV2HTTPEvent)");
        sources.put("function-url", "Lambda function URL (APIGatewayV2HTTPEvent)");
        sources.put("alb", "Application Load Balancer (ApplicationLoadBalancerRequestEvent)");
        sources.put("sqs", "SQS message (SQSEvent)");
        sources.put("sns", "SNS notification (SNSEvent)");
        sources.put("s3-put", "S3 object created (S3Event)");
        sources.put("s3-delete", "S3 object removed (S3Event)");
        sources.put("dynamodb", "DynamoDB stream record (DynamodbEvent)");
        sources.put("kinesis", "Kinesis stream record (KinesisEvent)");
        sources.put("eventbridge", "EventBridge event (ScheduledEvent)");
        sources.put("scheduled", "EventBridge schedule (ScheduledEvent)");
        return java.util.Collections.unmodifiableMap(sources);
    }

    private static Map<String, String> defaults() {
        Map<String, String> defaults = new LinkedHashMap<>();
        defaults.put("body", "{\"name\":\"Ada\"}");
        defaults.put("method", "POST");
        defaults.put("path", "/");
        defaults.put("region", "us-east-1");
        defaults.put("account", "123456789012");
        defaults.put("queue", "my-queue");
        defaults.put("topic", "my-topic");
        defaults.put("bucket", "my-bucket");
        defaults.put("key", "uploads/photo.jpg");
        defaults.put("table", "my-table");
        defaults.put("stream", "my-stream");
        defaults.put("source", "com.example.orders");
        defaults.put("detailType", "OrderPlaced");
        return java.util.Collections.unmodifiableMap(defaults);
    }

    /**
     * Renders one source's event.
     *
     * @param source one of {@link #SOURCES}
     * @param values placeholder values that replace the defaults
     * @return the event, as JSON
     * @throws IllegalArgumentException for an unknown source or placeholder
     */
    public static String render(String source, Map<String, String> values) {
        if (!SOURCES.containsKey(source)) {
            throw new IllegalArgumentException("Unknown event source '" + source + "': one of "
                    + String.join(", ", SOURCES.keySet()));
        }
        Map<String, String> all = new LinkedHashMap<>(DEFAULTS);
        for (Map.Entry<String, String> entry : values.entrySet()) {
            if (!DEFAULTS.containsKey(entry.getKey())) {
                throw new IllegalArgumentException("Unknown option --" + entry.getKey() + ": the options are --"
                        + String.join(", --", DEFAULTS.keySet()));
            }
            all.put(entry.getKey(), entry.getValue());
        }
        // A Kinesis record carries its data base64-encoded.
        all.put("data", Base64.getEncoder().encodeToString(all.get("body").getBytes(StandardCharsets.UTF_8)));
        Matcher matcher = PLACEHOLDER.matcher(template(source));
        StringBuilder out = new StringBuilder();
        while (matcher.find()) {
            String value = all.get(matcher.group(1));
            if (value == null) {
                throw new IllegalStateException("template " + source + " has an unknown placeholder " + matcher.group());
            }
            String quoted = Json.quote(value);
            matcher.appendReplacement(out, Matcher.quoteReplacement(quoted.substring(1, quoted.length() - 1)));
        }
        matcher.appendTail(out);
        return out.toString();
    }

    /** @return the sources' names */
    public static List<String> names() {
        return List.copyOf(SOURCES.keySet());
    }

    private static String template(String source) {
        try (InputStream in = EventTemplates.class.getResourceAsStream("/dev/runway/bootstrap/local/events/" + source + ".json")) {
            if (in == null) {
                throw new IllegalStateException("local mode's jar has no template for " + source);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

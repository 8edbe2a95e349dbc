package dev.runway.ric.internal.json;

import static dev.runway.ric.internal.json.EventTypes.EVENTS;
import static dev.runway.ric.internal.json.EventTypes.SDK_V1_S3;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * Where an event class's JSON names are not its bean names, keyed by the class that declares the accessors.
 *
 * <p>This reproduces, by name, what the managed runtime does with mix-ins and naming strategies for its 24
 * supported events. An accessor is named by its <em>base</em>: the method name without {@code get}, {@code is}
 * or {@code set} ({@code getEventSourceArn} has the base {@code EventSourceArn}). Event classes not listed
 * keep Jackson's JavaBeans names, as they do in the managed runtime.
 */
final class EventProperties {

    /**
     * How one class names its properties.
     *
     * @param asWritten whether every accessor is named by its base as written ({@code getNewImage} is
     *     {@code "NewImage"}): DynamoDB's PascalCase, SNS's PascalCase strategy, CloudFormation, Connect
     * @param renames accessor base to JSON name, winning over {@code asWritten}
     * @param ignored accessor bases that are not properties at all
     */
    record Rule(boolean asWritten, Map<String, String> renames, Set<String> ignored) {

        /** The JSON name of the accessor with {@code base}, or {@code null} to keep Jackson's. */
        String nameOf(String base) {
            String renamed = renames.get(base);
            return renamed != null ? renamed : asWritten ? base : null;
        }
    }

    private static final Map<String, Rule> RULES = new HashMap<>();

    static {
        String records = "Records";
        renamed(EVENTS + "SQSEvent", records, records);
        renamed(EVENTS + "SQSEvent$SQSMessage", "EventSourceArn", "eventSourceARN");

        // SNS: the managed runtime serializes the whole SNSEvent tree with a PascalCase strategy.
        asWritten(EVENTS + "SNSEvent");
        asWritten(EVENTS + "SNSEvent$SNSRecord", "SNS", "Sns", "Sns", "Sns"); // getSNS() but setSns()
        asWritten(EVENTS + "SNSEvent$SNS");
        asWritten(EVENTS + "SNSEvent$MessageAttribute");

        renamed(EVENTS + "DynamodbEvent", records, records);
        renamed(EVENTS + "DynamodbTimeWindowEvent", "EventSourceArn", "eventSourceARN");
        for (String models : new String[] {EVENTS + "models.dynamodb.", "com.amazonaws.services.dynamodbv2.model."}) {
            asWritten(models + "StreamRecord"); // Keys, NewImage, OldImage, SequenceNumber, SizeBytes...
            asWritten(models + "AttributeValue"); // S, N, B, SS, NS, BS, M, L, NULL, BOOL
        }

        renamed(EVENTS + "KinesisEvent", records, records);
        renamed(EVENTS + "KinesisTimeWindowEvent", "EventSourceArn", "eventSourceARN");

        renamed(EVENTS + "ScheduledEvent", "DetailType", "detail-type");

        asWritten(EVENTS + "CloudFormationCustomResourceEvent", "ResponseUrl", "ResponseURL");
        renamed(EVENTS + "CloudFrontEvent", records, records);
        renamed(EVENTS + "CloudWatchLogsEvent", "AwsLogs", "awslogs");
        renamed(EVENTS + "CodeCommitEvent", records, records);
        renamed(EVENTS + "CodeCommitEvent$Record", "CodeCommit", "codecommit", "EventSourceArn", "eventSourceARN",
                "UserIdentityArn", "userIdentityARN");
        asWritten(EVENTS + "ConnectEvent");
        asWritten(EVENTS + "ConnectEvent$Details");
        asWritten(EVENTS + "ConnectEvent$ContactData", "InstanceArn", "InstanceARN");
        asWritten(EVENTS + "ConnectEvent$CustomerEndpoint");
        asWritten(EVENTS + "ConnectEvent$SystemEndpoint");
        asWritten(EVENTS + "ConnectEvent$Queue");
        asWritten(EVENTS + "SecretsManagerRotationEvent");

        // S3 (read by S3EventDeserializer; these names are for writing).
        for (String s3 : new String[] {EVENTS + "models.s3.S3EventNotification", SDK_V1_S3}) {
            renamed(s3, records, records);
            renamed(s3 + "$ResponseElementsEntity", "xAmzId2", "x-amz-id-2", "xAmzRequestId", "x-amz-request-id");
            // getSize() is an Integer that overflows past 2 GiB; the managed runtime writes getSizeAsLong().
            RULES.put(s3 + "$S3ObjectEntity", new Rule(false, Map.of("SizeAsLong", "size"), Set.of("Size")));
        }
    }

    private EventProperties() {}

    /** @return how {@code className} names its properties, or {@code null} when Jackson's names are right */
    static Rule of(String className) {
        return RULES.get(className);
    }

    private static void renamed(String className, String... baseAndName) {
        RULES.put(className, new Rule(false, pairs(baseAndName), Set.of()));
    }

    private static void asWritten(String className, String... baseAndName) {
        RULES.put(className, new Rule(true, pairs(baseAndName), Set.of()));
    }

    private static Map<String, String> pairs(String... baseAndName) {
        Map<String, String> map = new HashMap<>();
        for (int i = 0; i < baseAndName.length; i += 2) {
            map.put(baseAndName[i], baseAndName[i + 1]);
        }
        return Map.copyOf(map);
    }
}

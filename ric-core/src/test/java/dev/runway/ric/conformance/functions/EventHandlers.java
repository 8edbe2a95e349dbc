package dev.runway.ric.conformance.functions;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.amazonaws.services.lambda.runtime.events.DynamodbEvent;
import com.amazonaws.services.lambda.runtime.events.KinesisEvent;
import com.amazonaws.services.lambda.runtime.events.S3Event;
import com.amazonaws.services.lambda.runtime.events.SNSEvent;
import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import com.amazonaws.services.lambda.runtime.events.ScheduledEvent;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Handlers of aws-lambda-java-events types, each answering with what it read. */
public class EventHandlers {

    public SQSBatchResponse sqs(SQSEvent event) {
        List<SQSBatchResponse.BatchItemFailure> failures = new ArrayList<>();
        for (SQSEvent.SQSMessage m : event.getRecords()) {
            if (m.getBody().contains("fail")) {
                failures.add(new SQSBatchResponse.BatchItemFailure(m.getMessageId()));
            }
        }
        return new SQSBatchResponse(failures);
    }

    public String sqsFields(SQSEvent event) {
        SQSEvent.SQSMessage m = event.getRecords().get(0);
        return m.getMessageId() + "|" + m.getEventSourceArn() + "|" + m.getAttributes().get("ApproximateReceiveCount")
                + "|" + m.getMessageAttributes().get("color").getStringValue() + "|" + m.getAwsRegion();
    }

    public APIGatewayV2HTTPResponse httpApi(APIGatewayV2HTTPEvent event) {
        return APIGatewayV2HTTPResponse.builder()
                .withStatusCode(200)
                .withHeaders(Map.of("content-type", "text/plain"))
                .withBody(event.getRequestContext().getHttp().getMethod() + " " + event.getRawPath() + " "
                        + event.getQueryStringParameters() + " " + event.getIsBase64Encoded())
                .build();
    }

    public APIGatewayProxyResponseEvent restApi(APIGatewayProxyRequestEvent event) {
        return new APIGatewayProxyResponseEvent()
                .withStatusCode(201)
                .withHeaders(Map.of("x-path", event.getPath()))
                .withBody(event.getHttpMethod() + " " + event.getRequestContext().getStage() + " " + event.getBody());
    }

    public String sns(SNSEvent event) {
        SNSEvent.SNS sns = event.getRecords().get(0).getSNS();
        return sns.getMessage() + "|" + sns.getTopicArn() + "|" + sns.getTimestamp() + "|" + sns.getSubject();
    }

    public String s3(S3Event event) {
        var record = event.getRecords().get(0);
        return record.getS3().getBucket().getName() + "/" + record.getS3().getObject().getKey() + "|"
                + record.getS3().getObject().getSizeAsLong() + "|" + record.getEventName() + "|" + record.getEventTime();
    }

    public String dynamodb(DynamodbEvent event) {
        var record = event.getRecords().get(0);
        return record.getEventName() + "|" + record.getDynamodb().getNewImage().get("Message").getS() + "|"
                + record.getDynamodb().getKeys().get("Id").getN() + "|" + record.getDynamodb().getApproximateCreationDateTime().getTime();
    }

    public String kinesis(KinesisEvent event) {
        var record = event.getRecords().get(0).getKinesis();
        return StandardCharsets.UTF_8.decode(record.getData()) + "|" + record.getPartitionKey() + "|"
                + record.getApproximateArrivalTimestamp().getTime();
    }

    public String scheduled(ScheduledEvent event) {
        return event.getDetailType() + "|" + event.getSource() + "|" + event.getTime() + "|" + event.getDetail();
    }
}

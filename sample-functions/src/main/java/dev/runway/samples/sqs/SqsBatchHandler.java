package dev.runway.samples.sqs;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import java.util.ArrayList;
import java.util.List;

/**
 * An SQS handler that reports partial batch failures: messages that fail are returned in
 * {@code batchItemFailures}, so SQS makes only those visible again and deletes the rest. The event source
 * mapping must have {@code ReportBatchItemFailures} in its {@code FunctionResponseTypes}. Handler string:
 * {@code dev.runway.samples.sqs.SqsBatchHandler}.
 *
 * <p>"Processing" here is deliberately trivial: a message whose body is blank or starts with {@code fail}
 * fails.
 */
public class SqsBatchHandler implements RequestHandler<SQSEvent, SQSBatchResponse> {

    @Override
    public SQSBatchResponse handleRequest(SQSEvent event, Context context) {
        List<SQSBatchResponse.BatchItemFailure> failures = new ArrayList<>();
        List<SQSEvent.SQSMessage> messages = event == null || event.getRecords() == null ? List.of() : event.getRecords();
        for (SQSEvent.SQSMessage message : messages) {
            try {
                process(message);
            } catch (RuntimeException e) {
                context.getLogger().log("Message " + message.getMessageId() + " failed: " + e.getMessage());
                failures.add(SQSBatchResponse.BatchItemFailure.builder()
                        .withItemIdentifier(message.getMessageId())
                        .build());
            }
        }
        return SQSBatchResponse.builder().withBatchItemFailures(failures).build();
    }

    private static void process(SQSEvent.SQSMessage message) {
        String body = message.getBody();
        if (body == null || body.isBlank() || body.startsWith("fail")) {
            throw new IllegalArgumentException("cannot process '" + body + "'");
        }
    }
}

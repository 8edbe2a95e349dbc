package dev.runway.testfunctions;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

/**
 * Answers with what the runtime saw of the invocation, one {@code name=value} per line: request id, ARN,
 * remaining time, client context, the payload's size; and prints a line, for the log capture.
 */
public class ContextHandler implements RequestStreamHandler {

    @Override
    public void handleRequest(InputStream input, OutputStream output, Context context) throws java.io.IOException {
        byte[] payload = input.readAllBytes();
        System.out.println("context handler got " + payload.length + " bytes");
        String custom = context.getClientContext() == null ? "none" : String.valueOf(context.getClientContext().getCustom());
        String text = "requestId=" + context.getAwsRequestId() + "\n"
                + "arn=" + context.getInvokedFunctionArn() + "\n"
                + "remainingMs=" + context.getRemainingTimeInMillis() + "\n"
                + "functionName=" + context.getFunctionName() + "\n"
                + "memory=" + context.getMemoryLimitInMB() + "\n"
                + "clientContext=" + custom + "\n"
                + "payloadBytes=" + payload.length + "\n"
                + "payload=" + new String(payload, StandardCharsets.UTF_8) + "\n";
        output.write(text.getBytes(StandardCharsets.UTF_8));
    }
}

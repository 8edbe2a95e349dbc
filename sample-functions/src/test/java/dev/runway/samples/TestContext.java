package dev.runway.samples;

import com.amazonaws.services.lambda.runtime.ClientContext;
import com.amazonaws.services.lambda.runtime.CognitoIdentity;
import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.LambdaLogger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** A {@link Context} for calling handlers directly; it keeps what they log. */
public final class TestContext implements Context {

    private final List<String> logged = new ArrayList<>();

    /** @return the lines the handler logged */
    public List<String> logged() {
        return logged;
    }

    @Override
    public String getAwsRequestId() {
        return "8476a536-e9f4-11e8-9739-2dfe598c3fcd";
    }

    @Override
    public String getLogGroupName() {
        return "/aws/lambda/sample";
    }

    @Override
    public String getLogStreamName() {
        return "2026/11/21/[$LATEST]abcdef";
    }

    @Override
    public String getFunctionName() {
        return "sample";
    }

    @Override
    public String getFunctionVersion() {
        return "$LATEST";
    }

    @Override
    public String getInvokedFunctionArn() {
        return "arn:aws:lambda:us-east-1:123456789012:function:sample";
    }

    @Override
    public CognitoIdentity getIdentity() {
        return null;
    }

    @Override
    public ClientContext getClientContext() {
        return null;
    }

    @Override
    public int getRemainingTimeInMillis() {
        return 30_000;
    }

    @Override
    public int getMemoryLimitInMB() {
        return 512;
    }

    @Override
    public LambdaLogger getLogger() {
        return new LambdaLogger() {
            @Override
            public void log(String message) {
                logged.add(message);
            }

            @Override
            public void log(byte[] message) {
                logged.add(new String(message, StandardCharsets.UTF_8));
            }
        };
    }
}

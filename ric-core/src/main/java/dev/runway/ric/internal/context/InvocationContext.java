package dev.runway.ric.internal.context;

import com.amazonaws.services.lambda.runtime.ClientContext;
import com.amazonaws.services.lambda.runtime.CognitoIdentity;
import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.LambdaLogger;
import com.amazonaws.services.lambda.runtime.LambdaRuntime;
import dev.runway.ric.internal.api.Invocation;
import dev.runway.ric.internal.env.LambdaEnvironment;

/**
 * The {@link Context} of one invocation, filled from the {@code /next} headers and the environment.
 *
 * <p>The client context and Cognito identity headers are parsed on first use: most handlers never ask.
 */
public final class InvocationContext implements Context {

    private final Invocation invocation;
    private final LambdaEnvironment environment;
    private ClientContext clientContext;
    private CognitoIdentity identity;

    /**
     * @param invocation the event's headers
     * @param environment the function's settings
     */
    public InvocationContext(Invocation invocation, LambdaEnvironment environment) {
        this.invocation = invocation;
        this.environment = environment;
    }

    @Override
    public String getAwsRequestId() {
        return invocation.requestId();
    }

    @Override
    public String getLogGroupName() {
        return environment.logGroupName();
    }

    @Override
    public String getLogStreamName() {
        return environment.logStreamName();
    }

    @Override
    public String getFunctionName() {
        return environment.functionName();
    }

    @Override
    public String getFunctionVersion() {
        return environment.functionVersion();
    }

    @Override
    public String getInvokedFunctionArn() {
        return invocation.invokedFunctionArn();
    }

    @Override
    public CognitoIdentity getIdentity() {
        if (identity == null && invocation.cognitoIdentity() != null) {
            identity = ContextHeaders.parseCognitoIdentity(invocation.cognitoIdentity());
        }
        return identity;
    }

    @Override
    public ClientContext getClientContext() {
        if (clientContext == null && invocation.clientContext() != null) {
            clientContext = ContextHeaders.parseClientContext(invocation.clientContext());
        }
        return clientContext;
    }

    /** @return milliseconds until the deadline, never negative */
    @Override
    public int getRemainingTimeInMillis() {
        long remaining = invocation.deadlineMs() - System.currentTimeMillis();
        return (int) Math.max(0, Math.min(Integer.MAX_VALUE, remaining));
    }

    @Override
    public int getMemoryLimitInMB() {
        return environment.memoryLimitMb();
    }

    @Override
    public LambdaLogger getLogger() {
        return LambdaRuntime.getLogger();
    }

    @Override
    public String getTenantId() {
        return invocation.tenantId();
    }

    @Override
    public String getXrayTraceId() {
        return invocation.traceId();
    }

    @Override
    public String toString() {
        return "InvocationContext[requestId=" + invocation.requestId() + ", function=" + environment.functionName() + "]";
    }
}

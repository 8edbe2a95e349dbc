package dev.runway.ric.testing.handlers;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import software.amazon.awssdk.utils.internal.SdkInternalThreadLocal;

/** Reports the trace id where the AWS SDK v2 reads it: the per-thread {@code SdkInternalThreadLocal}. */
public class TraceReportingHandler implements RequestStreamHandler {
    @Override
    public void handleRequest(InputStream input, OutputStream output, Context context) throws java.io.IOException {
        output.write(("sdk=" + SdkInternalThreadLocal.get("AWS_LAMBDA_X_TRACE_ID")).getBytes(StandardCharsets.UTF_8));
    }
}

package dev.runway.bootstrap.local.internal.sandbox;

import dev.runway.bootstrap.local.RuntimeLauncher;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Map;

/**
 * What the embedded platform emulates: the function's settings as Lambda (or the RIE) would have them.
 *
 * @param host the address the invoke endpoint binds, loopback by default (the Runtime API is always on loopback)
 * @param invokePort the invoke endpoint's port (8080 by default, 0 for any)
 * @param runtimeApiPort the Runtime, Extensions and Telemetry APIs' port (0 for any)
 * @param functionName {@code AWS_LAMBDA_FUNCTION_NAME}, {@code test_function} by default as in the RIE
 * @param functionVersion {@code $LATEST}
 * @param memoryMb the memory size reported and given to the runtime, 3008 by default as in the RIE
 * @param timeoutSeconds the function timeout, {@code AWS_LAMBDA_FUNCTION_TIMEOUT}, 300 by default
 * @param handler the handler string, {@code _HANDLER}
 * @param taskRoot the function's directory
 * @param extensionsDirectory where external extensions are, or {@code null} for none
 * @param maxConcurrency {@code AWS_LAMBDA_MAX_CONCURRENCY}, 0 for Lambda's one invocation at a time
 * @param environment the function's environment, before the platform's variables are added
 * @param launcher how the runtime is started
 * @param out where START, END and REPORT lines and the processes' output go
 * @param err where the processes' standard error goes
 */
public record PlatformConfig(
        String host,
        int invokePort,
        int runtimeApiPort,
        String functionName,
        String functionVersion,
        int memoryMb,
        int timeoutSeconds,
        String handler,
        Path taskRoot,
        Path extensionsDirectory,
        int maxConcurrency,
        Map<String, String> environment,
        RuntimeLauncher launcher,
        PrintStream out,
        PrintStream err) {

    /** The account id of the RIE's ARNs. */
    public static final String ACCOUNT_ID = "012345678912";
    /** The largest request or response payload, as the RIE and the runtime enforce it: 6 MiB + 100 bytes. */
    public static final int MAX_PAYLOAD = 6 * 1024 * 1024 + 100;
    /** The largest streamed response Lambda accepts (20 MiB, the documented default limit). */
    public static final int MAX_STREAMED_PAYLOAD = 20 * 1024 * 1024;

    /** @return the function's ARN, as the RIE builds it */
    public String functionArn() {
        return "arn:aws:lambda:" + region() + ":" + ACCOUNT_ID + ":function:" + functionName;
    }

    /** @return the region: {@code AWS_REGION} of the function's environment, else {@code us-east-1} */
    public String region() {
        String region = environment.get("AWS_REGION");
        return region == null || region.isBlank() ? "us-east-1" : region;
    }

    /** @return whether several invocations may run at once (Lambda Managed Instances) */
    public boolean concurrent() {
        return maxConcurrency > 0;
    }

    /** @return what the invoker and the log get when an invocation or an init runs out of time */
    public String timeoutMessage() {
        return "Task timed out after " + timeoutSeconds + ".00 seconds";
    }
}

package dev.runway.ric.internal.loop;

import dev.runway.ric.internal.classpath.FunctionResources;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;

/**
 * Publishes the invocation's X-Ray trace id where the X-Ray SDK, the AWS SDK for Java v2 and Powertools look
 * for it, since a Java process cannot set {@code _X_AMZN_TRACE_ID} in its own environment:
 * <ul>
 *   <li>the {@code com.amazonaws.xray.traceHeader} system property, in sequential mode only: it is global, so
 *       under multi-concurrency it would carry one invocation's id into another;
 *   <li>{@code software.amazon.awssdk.utilslite.SdkInternalThreadLocal} under the key
 *       {@code AWS_LAMBDA_X_TRACE_ID}, per thread, when the function bundles the AWS SDK v2.
 * </ul>
 */
public final class TraceIdPublisher {

    static final String SYSTEM_PROPERTY = "com.amazonaws.xray.traceHeader";
    static final String THREAD_LOCAL_KEY = "AWS_LAMBDA_X_TRACE_ID";
    private static final String SDK_THREAD_LOCAL = "software.amazon.awssdk.utilslite.SdkInternalThreadLocal";

    private final boolean setSystemProperty;
    private final MethodHandle put;
    private final MethodHandle remove;

    /**
     * @param multiConcurrent whether several invocations run at once (then no system property is set)
     * @param functionLoader the function's class loader, where the AWS SDK would be
     */
    public TraceIdPublisher(boolean multiConcurrent, ClassLoader functionLoader) {
        this.setSystemProperty = !multiConcurrent;
        MethodHandle p = null;
        MethodHandle r = null;
        // Looked up only when the function's code has it (FunctionResources says why); without it the function
        // does not use the AWS SDK v2, and the system property is enough.
        if (FunctionResources.hasClass(functionLoader, SDK_THREAD_LOCAL)) {
            try {
                Class<?> sdk = Class.forName(SDK_THREAD_LOCAL, true, functionLoader);
                MethodHandles.Lookup lookup = MethodHandles.publicLookup();
                p = lookup.findStatic(sdk, "put", MethodType.methodType(void.class, String.class, String.class));
                r = lookup.findStatic(sdk, "remove", MethodType.methodType(String.class, String.class));
            } catch (ReflectiveOperationException | LinkageError unusable) {
                // A copy of the class without these methods: the system property is enough.
            }
        }
        this.put = p;
        this.remove = r;
    }

    /**
     * Publishes the id of the invocation starting on this thread.
     *
     * @param traceId the {@code Lambda-Runtime-Trace-Id}, or {@code null}
     */
    public void publish(String traceId) {
        if (setSystemProperty) {
            if (traceId == null) {
                System.clearProperty(SYSTEM_PROPERTY);
            } else {
                System.setProperty(SYSTEM_PROPERTY, traceId);
            }
        }
        if (put != null && traceId != null) {
            try {
                put.invokeExact(THREAD_LOCAL_KEY, traceId);
            } catch (Throwable e) {
                throw new IllegalStateException("SdkInternalThreadLocal.put failed", e);
            }
        }
    }

    /** Removes this thread's id once its invocation has ended. */
    public void clear() {
        if (remove != null) {
            try {
                String ignored = (String) remove.invokeExact(THREAD_LOCAL_KEY);
            } catch (Throwable e) {
                throw new IllegalStateException("SdkInternalThreadLocal.remove failed", e);
            }
        }
    }
}

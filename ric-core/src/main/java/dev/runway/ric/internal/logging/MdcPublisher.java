package dev.runway.ric.internal.logging;

import dev.runway.ric.internal.classpath.FunctionResources;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.util.ArrayList;
import java.util.List;

/**
 * Puts the invocation's ids in the MDC of the logging frameworks the function brings, on the thread that runs the
 * handler, and removes them afterwards, so that a Logback or Log4j pattern's {@code %X{AWSRequestId}} works:
 * {@code org.slf4j.MDC} (whatever SLF4J binding the function has, Runway's included), Log4j 2's
 * {@code ThreadContext} and Log4j 1's (or reload4j's) {@code MDC}.
 *
 * <p>The methods are looked up once, in the function's class loader, when the runtime starts; each invocation
 * costs a few direct method-handle calls. SLF4J's MDC is used only when the function has an SLF4J binding, and
 * Log4j 2's only when it has a Log4j 2 implementation: without one, each would print a "no provider" warning on
 * the runtime's behalf, and drop the values anyway.
 */
final class MdcPublisher {

    /** The MDC key of the request id, as the managed runtime names it for Log4j. */
    static final String REQUEST_ID = "AWSRequestId";
    /** The MDC key of the X-Ray trace header ({@code Root=...;Parent=...;Sampled=...}). */
    static final String TRACE_ID = "AWS-XRAY-TRACE-ID";
    /** The MDC key of the tenant id, when the invocation has one. */
    static final String TENANT_ID = "tenantId";

    /**
     * The function's SLF4J package, {@code org.slf4j}, built at run time: the runtime jar relocates the runtime's
     * own SLF4J, and the shade plugin rewrites every string constant that names the package, which would make
     * these lookups find nothing.
     */
    private static final String SLF4J = String.join(".", "org", "slf4j");

    private static final MethodType PUT = MethodType.methodType(void.class, String.class, String.class);
    private static final MethodType REMOVE = MethodType.methodType(void.class, String.class);

    private final List<Target> targets;

    MdcPublisher(ClassLoader functionLoader) {
        List<Target> found = new ArrayList<>(3);
        // Probes of the function's own code (FunctionResources says why not getResource), and a class looked up
        // only once its file is known to be there: a class that is missing is searched for in the runtime's jars.
        if (FunctionResources.has(functionLoader, "META-INF/services/" + SLF4J + ".spi.SLF4JServiceProvider")
                || FunctionResources.hasClass(functionLoader, SLF4J + ".impl.StaticMDCBinder")) {
            add(found, functionLoader, SLF4J + ".MDC", String.class);
        }
        if (FunctionResources.has(functionLoader, "META-INF/services/org.apache.logging.log4j.spi.Provider")
                || FunctionResources.has(functionLoader, "META-INF/log4j-provider.properties")) {
            add(found, functionLoader, "org.apache.logging.log4j.ThreadContext", String.class);
        }
        if (FunctionResources.hasClass(functionLoader, "org.apache.log4j.MDC")) {
            add(found, functionLoader, "org.apache.log4j.MDC", Object.class);
        }
        this.targets = found;
    }

    /** @return the frameworks found, for diagnostics */
    List<String> frameworks() {
        return targets.stream().map(Target::name).toList();
    }

    void publish(String requestId, String traceId, String tenantId) {
        for (int i = 0; i < targets.size(); i++) {
            Target target = targets.get(i);
            if (target.enabled) {
                target.set(REQUEST_ID, requestId);
                target.set(TRACE_ID, traceId);
                target.set(TENANT_ID, tenantId);
            }
        }
    }

    void clear() {
        for (int i = 0; i < targets.size(); i++) {
            Target target = targets.get(i);
            if (target.enabled) {
                target.set(REQUEST_ID, null);
                target.set(TRACE_ID, null);
                target.set(TENANT_ID, null);
            }
        }
    }

    private static void add(List<Target> found, ClassLoader loader, String className, Class<?> valueType) {
        try {
            Class<?> mdc = Class.forName(className, false, loader);
            MethodHandles.Lookup lookup = MethodHandles.publicLookup();
            MethodHandle put = lookup.findStatic(mdc, "put", MethodType.methodType(void.class, String.class, valueType))
                    .asType(PUT);
            MethodHandle remove = lookup.findStatic(mdc, "remove", REMOVE);
            found.add(new Target(className, put, remove));
        } catch (ReflectiveOperationException | LinkageError absent) {
            // The function does not bring this framework.
        }
    }

    /** One framework's MDC. A framework whose MDC throws is left alone from then on, after one warning. */
    private static final class Target {
        private final String name;
        private final MethodHandle put;
        private final MethodHandle remove;
        private volatile boolean enabled = true;

        Target(String name, MethodHandle put, MethodHandle remove) {
            this.name = name;
            this.put = put;
            this.remove = remove;
        }

        String name() {
            return name;
        }

        void set(String key, String value) {
            try {
                if (value != null) {
                    put.invokeExact(key, value);
                } else {
                    remove.invokeExact(key);
                }
            } catch (Throwable e) {
                enabled = false;
                RuntimeLogging.current().runtimeEvent(com.amazonaws.services.lambda.runtime.logging.LogLevel.WARN,
                        "runway", name + " failed (" + e + "); the runtime stops setting " + REQUEST_ID + " in it.", null);
            }
        }
    }
}

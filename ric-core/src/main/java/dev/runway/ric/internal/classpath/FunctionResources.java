package dev.runway.ric.internal.classpath;

/**
 * Asks whether the function's code carries a resource: the start-up probes for what the function brings (its
 * {@code CustomPojoSerializer}, its SLF4J or Log4j, the AWS SDK) ask here rather than {@link ClassLoader#getResource}.
 *
 * <p>Why: {@code getResource} asks the parent first, whose class path, as {@code bootstrap} starts the runtime, is
 * the runtime's jars (and, with a cache trained on the function, the function's jars, which the function loader
 * has too). With an AOT cache those runtime jars are never opened otherwise, since every class comes from the cache,
 * so a probe through the parent opens and indexes them for files that are never there: a few milliseconds of every
 * cold start (the runtime jar alone has about 1,600 entries). A {@link FunctionClassLoader} whose parent holds no
 * function code ({@link RuntimeClassPath}) is asked for its own entries only; any other loader, such as one over a
 * test's class path, is asked the usual way.
 */
public final class FunctionResources {

    private FunctionResources() {}

    /**
     * @param loader the function's class loader
     * @param name a resource name, such as {@code META-INF/services/org.slf4j.spi.SLF4JServiceProvider}
     * @return whether the function's code has it
     */
    public static boolean has(ClassLoader loader, String name) {
        if (loader instanceof FunctionClassLoader function && function.parentHoldsNoFunctionCode()) {
            return function.findResource(name) != null;
        }
        return loader.getResource(name) != null;
    }

    /**
     * Whether the function's code has a class, asked before a {@code Class.forName} that would otherwise search
     * the runtime's jars for a class that is missing.
     *
     * @param loader the function's class loader
     * @param className a binary class name, such as {@code org.apache.log4j.MDC}
     * @return whether the function's code has its class file
     */
    public static boolean hasClass(ClassLoader loader, String className) {
        return has(loader, className.replace('.', '/') + ".class");
    }
}

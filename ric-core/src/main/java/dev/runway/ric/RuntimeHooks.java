package dev.runway.ric;

/**
 * What the process embedding the runtime (the bootstrap) adds to it, without ric-core knowing what it is:
 * internal extensions and graceful shutdown live in the bootstrap.
 */
@FunctionalInterface
public interface RuntimeHooks {

    /** No hooks: the plain runtime. */
    RuntimeHooks NONE = loader -> null;

    /**
     * Called once during init, when the function's class loader exists and before the handler is loaded, so
     * before the runtime's first {@code /next}: extensions registered here are in time.
     *
     * @param functionClassLoader the loader of the function's code and layers
     * @return a listener for the invocations, or {@code null} for none (the loop then calls nothing)
     */
    InvocationListener beforeInit(ClassLoader functionClassLoader);
}

package dev.runway.ric.crac;

/**
 * A set of {@link Resource}s notified together; itself a resource, so contexts nest.
 *
 * @param <R> the kind of resource
 */
public abstract class Context<R extends Resource> implements Resource {

    /** For subclasses. */
    protected Context() {}

    /**
     * Registers a resource. The context holds it weakly, as the JDK's does: a resource nobody else references is
     * not notified.
     *
     * @param resource the resource
     */
    public abstract void register(R resource);
}

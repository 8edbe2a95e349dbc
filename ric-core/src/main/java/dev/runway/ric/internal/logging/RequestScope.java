package dev.runway.ric.internal.logging;

/**
 * One invocation, as log records name it: its request id and tenant, the thread its loop runs it on, and
 * whether it is still running. Threads started while it runs inherit it (see {@link RequestScopes}).
 */
final class RequestScope {

    private final String requestId;
    private final String tenantId;
    private final Thread owner;
    private volatile boolean live = true;

    RequestScope(String requestId, String tenantId, Thread owner) {
        this.requestId = requestId;
        this.tenantId = tenantId;
        this.owner = owner;
    }

    String requestId() {
        return requestId;
    }

    /** @return the tenant, or {@code null} */
    String tenantId() {
        return tenantId;
    }

    Thread owner() {
        return owner;
    }

    boolean live() {
        return live;
    }

    /** The invocation returned: records of threads that inherited this scope no longer name it. */
    void end() {
        live = false;
    }
}

package dev.runway.ric.internal.logging;

/**
 * Which invocation, if any, a log record belongs to. There is no process-wide "current request": each thread
 * has its own answer, so concurrent invocations never see each other's id.
 *
 * <ul>
 *   <li>The thread running the handler belongs to its invocation from the handler call until it returns.
 *   <li>A thread started during an invocation inherits it (an {@link InheritableThreadLocal}), and belongs to it
 *       while the invocation runs: output of a worker the handler started carries the request id.
 *   <li>Once the invocation has returned, such a thread's records carry no request id. Its output is still
 *       written, but the runtime cannot tell a leftover of that invocation from a pool thread now working for
 *       the next one, and naming the wrong request would be worse than naming none.
 *   <li>With several invocations at once ({@code AWS_LAMBDA_MAX_CONCURRENCY}), inherited scopes are not used at
 *       all: a pool thread created during one live invocation may be serving another live one at the same time.
 *       Only the handler's own thread names its request.
 * </ul>
 */
public final class RequestScopes {

    private final InheritableThreadLocal<RequestScope> current = new InheritableThreadLocal<>();
    private final boolean inheritedScopesCount;

    /**
     * @param multiConcurrent whether several invocations run at once
     */
    public RequestScopes(boolean multiConcurrent) {
        this.inheritedScopesCount = !multiConcurrent;
    }

    RequestScope open(String requestId, String tenantId) {
        RequestScope scope = new RequestScope(requestId, tenantId, Thread.currentThread());
        current.set(scope);
        return scope;
    }

    void close(RequestScope scope) {
        scope.end();
        current.remove();
    }

    /** @return the invocation this thread's records belong to now, or {@code null} */
    RequestScope current() {
        RequestScope scope = current.get();
        if (scope == null || !scope.live()) {
            return null;
        }
        return inheritedScopesCount || scope.owner() == Thread.currentThread() ? scope : null;
    }
}

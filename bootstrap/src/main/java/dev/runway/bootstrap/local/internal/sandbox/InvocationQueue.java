package dev.runway.bootstrap.local.internal.sandbox;

import dev.runway.bootstrap.local.internal.http.Exchange;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The invocations between the invoker and the runtime, as the Runtime API serves them: the ones waiting for a
 * runtime's {@code /next}, the {@code /next} calls waiting for one, the ones in flight by request id, and the
 * checks the platform makes on a runtime's answer. Every method takes the {@link Environments}' lock.
 */
final class InvocationQueue {

    private final PlatformConfig config;
    private final Environments environments;
    private final Deque<Exchange> parkedNexts = new ArrayDeque<>();
    /**
     * Multi-concurrency: runtime loops that have answered an invocation and are about to call {@code /next} again.
     * An invoke arriving in that instant waits for such a loop instead of being refused: the loop's slot is free
     * from the moment it answered, as on Lambda Managed Instances.
     */
    private int finishingLoops;
    private final Deque<Invocation> undelivered = new ArrayDeque<>();
    private final Map<String, Invocation> active = new HashMap<>();
    /** Sequential mode: the invocation the runtime has, until it calls {@code /next} after answering it. */
    private Invocation sequentialCurrent;
    /** Multi-concurrency: ids of invocations that timed out, so a late answer gets 410. Bounded. */
    private final Map<String, Boolean> timedOut = new LinkedHashMap<>() {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Boolean> eldest) {
            return size() > 1_000;
        }
    };

    InvocationQueue(PlatformConfig config, Environments environments) {
        this.config = config;
        this.environments = environments;
    }

    /**
     * Under multi-concurrency the caller may choose the request id: a second invoke with the id of one in flight
     * would make the two answers indistinguishable, so it is refused.
     *
     * @return whether the id is taken by an invocation in flight
     */
    boolean idInFlight(Invocation invocation) {
        synchronized (environments) {
            return config.concurrent() && active.containsKey(invocation.requestId);
        }
    }

    /**
     * Queues an invocation for the runtime, and its INVOKE event for the extensions subscribed to it.
     *
     * @return false when, under multi-concurrency, no runtime loop is free to take it
     */
    boolean enqueue(Generation g, Invocation invocation) {
        synchronized (environments) {
            if (config.concurrent() && finishingLoops <= undelivered.size()
                    && parkedNexts.stream().noneMatch(Exchange::isOpen)) {
                return false;
            }
            if (active.putIfAbsent(invocation.requestId, invocation) != null) {
                throw new IllegalStateException("request id " + invocation.requestId + " is already in flight");
            }
            invocation.startNanos = System.nanoTime();
            if (!config.concurrent()) {
                // Lambda Managed Instances send extensions no INVOKE; on-demand Lambda sends it to subscribers.
                String event = PlatformEvents.invokeEvent(invocation, config.functionArn());
                for (Extension extension : g.extensions.values()) {
                    if (extension.subscribes("INVOKE")) {
                        invocation.extensionsBusy.add(extension);
                        extension.deliver(new Extension.Pending(event, invocation, false));
                    }
                }
            }
            undelivered.add(invocation);
            deliverToRuntime();
            return true;
        }
    }

    /**
     * A runtime's {@code GET /next}: answered with the next invocation, now or when one comes.
     *
     * @throws Refused when the runtime reported an init error: it must exit, not ask for work
     */
    void runtimeNext(Exchange exchange) throws Refused {
        synchronized (environments) {
            Generation g = environments.current();
            if (g != null && g.hasInitError()) {
                throw new Refused(403, Errors.invalidTransition("InitError", "Ready"));
            }
            Invocation previous = sequentialCurrent;
            if (previous != null && !previous.answered) {
                // The RIE's quirk, kept: /next during an invocation gives the same event again.
                sendEvent(exchange, previous);
                return;
            }
            if (previous != null) {
                previous.runtimeDone = true;
                sequentialCurrent = null;
                previous.checkEnded(false);
            }
            if (g != null && g.is(Generation.Phase.INITIALIZING)) {
                // The runtime is ready: extension registration closes, init ends once the extensions are ready.
                g.moveTo(Generation.Phase.RUNTIME_READY);
                ExtensionRegistry.checkReady(g);
            }
            if (finishingLoops > 0) {
                finishingLoops--;
            }
            parkedNexts.add(exchange);
            exchange.onClose(() -> forget(exchange));
            deliverToRuntime();
        }
    }

    private void forget(Exchange next) {
        synchronized (environments) {
            parkedNexts.remove(next);
        }
    }

    /**
     * The request id check the platform makes before anything else on a runtime's answer.
     *
     * @param transition the state machine's name for the answer, for the 403
     * @return the invocation the runtime may answer
     * @throws Refused when it may not: an unknown, ended, timed-out or already answered invocation
     */
    Invocation claim(String requestId, String transition) throws Refused {
        synchronized (environments) {
            Invocation invocation = active.get(requestId);
            if (invocation == null || !invocation.delivered || invocation.runtimeDone) {
                if (config.concurrent() && timedOut.containsKey(requestId)) {
                    throw new Refused(410, Errors.json("InvokeTimeout", "Invoke timeout"));
                }
                throw new Refused(400, Errors.json("InvalidRequestID", "Invalid request ID"));
            }
            if (invocation.answered) {
                if (config.concurrent()) {
                    throw new Refused(400, Errors.json("InvalidRequestID", "Invalid request ID"));
                }
                throw new Refused(403, Errors.invalidTransition("RuntimeResponseSentState", transition));
            }
            return invocation;
        }
    }

    /**
     * A whole answer (a response or an error), claimed and recorded in one step.
     *
     * @param size the answer's size, for the report
     * @return the invocation answered
     * @throws Refused as {@link #claim}
     */
    Invocation answer(String requestId, String transition, boolean failed, long size) throws Refused {
        synchronized (environments) {
            Invocation invocation = claim(requestId, transition);
            invocation.answered = true;
            invocation.failed = failed;
            invocation.producedBytes = size;
            checkEnded(invocation);
            return invocation;
        }
    }

    /** A streamed answer starts: a second answer is refused from now on. */
    Invocation startStream(String requestId) throws Refused {
        synchronized (environments) {
            Invocation invocation = claim(requestId, "InvocationResponse");
            invocation.answered = true;
            return invocation;
        }
    }

    /** A streamed answer ended, completely ({@code size} bytes) or with an error. */
    void endStream(Invocation invocation, boolean failed, long size) {
        synchronized (environments) {
            invocation.producedBytes = size;
            invocation.failed = failed;
            checkEnded(invocation);
        }
    }

    /** The runtime's connection broke mid-stream. */
    void abortStream(Invocation invocation) {
        synchronized (environments) {
            invocation.failed = true;
            checkEnded(invocation);
        }
    }

    /** @return whether the runtime has started its answer (a streamed one, when the invocation times out) */
    boolean answered(Invocation invocation) {
        synchronized (environments) {
            return invocation.answered;
        }
    }

    /** @return whether {@code GET /runtime/restore/next} is allowed now: during init, before {@code /next} */
    boolean restoreAllowed() {
        synchronized (environments) {
            Generation g = environments.current();
            return g != null && g.is(Generation.Phase.INITIALIZING);
        }
    }

    /**
     * The runtime's {@code /init/error} (or {@code /restore/error}): kept for the invoker, who gets it verbatim.
     *
     * @throws Refused when init is over
     */
    void initError(String errorType, byte[] body) throws Refused {
        synchronized (environments) {
            Generation g = environments.current();
            if (g == null || !g.initializing()) {
                String from = !active.isEmpty() ? "Running" : "Ready";
                throw new Refused(403, Errors.invalidTransition(from, "InitError"));
            }
            g.initError(errorType, body);
        }
    }

    /** Ends the invocation if nothing is outstanding; counts its loop as finishing. */
    void checkEnded(Invocation invocation) {
        synchronized (environments) {
            if (invocation.checkEnded(config.concurrent()) && config.concurrent()) {
                finishingLoops++;
            }
        }
    }

    /** Multi-concurrency: the invocation timed out, the runtime lives on; its late answer gets 410. */
    void timedOut(Invocation invocation) {
        synchronized (environments) {
            timedOut.put(invocation.requestId, Boolean.TRUE);
            undelivered.remove(invocation);
        }
    }

    /** The invocation has ended: its id is free. */
    void remove(Invocation invocation) {
        synchronized (environments) {
            active.remove(invocation.requestId);
        }
    }

    /** Forgets everything: the environment is being reset. */
    void clear() {
        synchronized (environments) {
            parkedNexts.clear();
            finishingLoops = 0;
            undelivered.clear();
            active.clear();
            sequentialCurrent = null;
        }
    }

    /** Pairs waiting invocations with waiting {@code /next} calls. */
    private void deliverToRuntime() {
        while (!undelivered.isEmpty() && !parkedNexts.isEmpty()) {
            Exchange next = parkedNexts.poll();
            Invocation invocation = undelivered.peek();
            if (sendEvent(next, invocation)) {
                undelivered.poll();
                invocation.delivered = true;
                if (!config.concurrent()) {
                    sequentialCurrent = invocation;
                }
            }
        }
    }

    /** Answers a {@code /next} with an invocation's event; false when that runtime connection is gone. */
    private boolean sendEvent(Exchange next, Invocation invocation) {
        InvokeRequest request = invocation.request;
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Lambda-Runtime-Aws-Request-Id", invocation.requestId);
        headers.put("Lambda-Runtime-Deadline-Ms", Long.toString(invocation.deadlineMs));
        headers.put("Lambda-Runtime-Invoked-Function-Arn", config.functionArn());
        headers.put("Lambda-Runtime-Trace-Id", request.traceId());
        headers.put("Lambda-Runtime-Client-Context", request.clientContext());
        headers.put("Lambda-Runtime-Aws-Tenant-Id", request.tenantId());
        String contentType = config.concurrent() && request.contentType() != null ? request.contentType() : "application/json";
        return next.respond(200, contentType, request.payload(), headers);
    }
}

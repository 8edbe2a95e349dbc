package dev.runway.bootstrap.local.internal.sandbox;

import dev.runway.bootstrap.local.RuntimeInstance;
import dev.runway.bootstrap.local.internal.process.ChildProcess;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * One execution environment, from its init to its reset: the runtime process, the extensions, the init's
 * progress. A timeout or a crash ends it; the next invoke builds a new one, as Lambda does. Guarded by the
 * {@link Sandbox}'s lock, except the futures.
 */
final class Generation {

    final int number;
    final long initStartNanos = System.nanoTime();
    /**
     * The external extensions' file names, all known before the first is launched: an extension can register
     * before its own launch has returned, and must be recognised as external then, and must not let the runtime
     * start before the extensions launched after it have registered.
     */
    final Set<String> externalNames = new java.util.LinkedHashSet<>();
    /** External extension processes by file name, as launched. */
    final Map<String, ChildProcess> launched = new LinkedHashMap<>();
    /** Registered extensions by id, in registration order. */
    final Map<String, Extension> extensions = new LinkedHashMap<>();
    RuntimeInstance runtime;
    boolean registrationOpen = true;
    boolean runtimeCalledNext;
    boolean initDone;
    boolean resetting;
    /** The runtime's {@code /init/error}: its error type and body. */
    String initErrorType;
    byte[] initErrorBody;
    /** How long init took, in ms, once done; reported by the first invocation's REPORT only. */
    double initDurationMs;
    boolean initDurationReported;
    /** Completes when every launched external extension has registered; fails when one ends first. */
    final CompletableFuture<Void> externalsRegistered = new CompletableFuture<>();
    /** Completes when init is done: the runtime called /next and every extension /event/next. */
    final CompletableFuture<Void> ready = new CompletableFuture<>();
    /** Completes with the failure that ends this environment: a crash of the runtime or of an extension. */
    final CompletableFuture<Failure> failed = new CompletableFuture<>();
    /** The invocations being followed to their end, which this environment's failure would end. */
    final Set<Invocation> followed = ConcurrentHashMap.newKeySet();
    private final AtomicBoolean failureWatched = new AtomicBoolean();

    /**
     * What ended an environment.
     *
     * @param errorType {@code Runtime.ExitError}, {@code Extension.Crash}, ...
     * @param detail the message's end, such as {@code Runtime exited with error: exit status 3}
     */
    record Failure(String errorType, String detail) {}

    Generation(int number) {
        this.number = number;
    }

    /** @return true once: the caller registers the one watcher of {@link #failed} */
    boolean watchFailure() {
        return failureWatched.compareAndSet(false, true);
    }

    boolean hasExternalExtensions() {
        return extensions.values().stream().anyMatch(e -> e.external);
    }

    boolean allReady() {
        return runtimeCalledNext && extensions.values().stream().allMatch(e -> e.ready);
    }
}

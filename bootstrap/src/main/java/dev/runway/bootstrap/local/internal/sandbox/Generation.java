package dev.runway.bootstrap.local.internal.sandbox;

import dev.runway.bootstrap.local.RuntimeInstance;
import dev.runway.bootstrap.local.internal.process.ChildProcess;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * One execution environment, from its init to its reset: the runtime process, the extensions, the init's
 * progress as a {@link Phase}. A timeout or a crash ends it; the next invoke builds a new one, as Lambda does.
 * Guarded by the {@link Environments}' lock, except the futures.
 */
final class Generation {

    /**
     * Where an environment is in its life. It only moves forward, one step at a time, or to
     * {@link #SHUTTING_DOWN} from anywhere; {@link #moveTo} refuses any other move.
     */
    enum Phase {
        /** Extensions launch and register, the runtime starts: registration is open. */
        INITIALIZING,
        /** The runtime called {@code /next}: registration is closed; init ends once every extension is ready. */
        RUNTIME_READY,
        /** Init is done: invocations run. */
        RUNNING,
        /** Being shut down (timeout, failure, spindown): nothing starts on it any more. */
        SHUTTING_DOWN;

        boolean canMoveTo(Phase next) {
            return next == SHUTTING_DOWN ? this != SHUTTING_DOWN : next.ordinal() == ordinal() + 1;
        }
    }

    /**
     * What ended an environment.
     *
     * @param errorType {@code Runtime.ExitError}, {@code Extension.Crash}, ...
     * @param detail the message's end, such as {@code Runtime exited with error: exit status 3}
     */
    record Failure(String errorType, String detail) {}

    final int number;
    final long initStartNanos = System.nanoTime();
    /**
     * The external extensions' file names, all known before the first is launched: an extension can register
     * before its own launch has returned, and must be recognised as external then, and must not let the runtime
     * start before the extensions launched after it have registered.
     */
    final Set<String> externalNames = new LinkedHashSet<>();
    /** External extension processes by file name, as launched. */
    final Map<String, ChildProcess> launched = new LinkedHashMap<>();
    /** Registered extensions by id, in registration order. */
    final Map<String, Extension> extensions = new LinkedHashMap<>();
    RuntimeInstance runtime;
    private Phase phase = Phase.INITIALIZING;
    /** The runtime's {@code /init/error}: its error type and body. */
    private String initErrorType;
    private byte[] initErrorBody;
    /** How long init took, in ms, once done; reported by the first invocation's REPORT only. */
    private double initDurationMs;
    private boolean initDurationReported;
    /** Completes when every launched external extension has registered; fails when one ends first. */
    final CompletableFuture<Void> externalsRegistered = new CompletableFuture<>();
    /** Completes when init is done: the runtime called /next and every extension /event/next. */
    final CompletableFuture<Void> ready = new CompletableFuture<>();
    /** Completes with the failure that ends this environment: a crash of the runtime or of an extension. */
    final CompletableFuture<Failure> failed = new CompletableFuture<>();
    /** The invocations being followed to their end, which this environment's failure would end. */
    final Set<Invocation> followed = ConcurrentHashMap.newKeySet();
    private final AtomicBoolean failureWatched = new AtomicBoolean();

    Generation(int number) {
        this.number = number;
    }

    Phase phase() {
        return phase;
    }

    boolean is(Phase expected) {
        return phase == expected;
    }

    /** @return whether init is under way: the runtime and the extensions are not all ready yet */
    boolean initializing() {
        return phase == Phase.INITIALIZING || phase == Phase.RUNTIME_READY;
    }

    /** @return whether invocations can start on it: init done, not shutting down, not failed */
    boolean serving() {
        return phase == Phase.RUNNING && !failed.isDone();
    }

    /**
     * @param next the phase to move to
     * @throws IllegalStateException when the environment cannot go there from where it is
     */
    void moveTo(Phase next) {
        if (!phase.canMoveTo(next)) {
            throw new IllegalStateException("environment " + number + " cannot move from " + phase + " to " + next);
        }
        phase = next;
    }

    /** Init is done: the environment runs invocations from now on. */
    void initDone() {
        moveTo(Phase.RUNNING);
        initDurationMs = (System.nanoTime() - initStartNanos) / 1e6;
    }

    /** @return init's duration the first time, for the first REPORT; -1 afterwards */
    double initDurationForReport() {
        double reported = initDurationReported ? -1 : initDurationMs;
        initDurationReported = true;
        return reported;
    }

    double initDurationMs() {
        return initDurationMs;
    }

    void initError(String errorType, byte[] body) {
        initErrorType = errorType;
        initErrorBody = body;
    }

    boolean hasInitError() {
        return initErrorBody != null;
    }

    String initErrorType() {
        return initErrorType;
    }

    byte[] initErrorBody() {
        return initErrorBody;
    }

    /** @return true once: the caller registers the one watcher of {@link #failed} */
    boolean watchFailure() {
        return failureWatched.compareAndSet(false, true);
    }

    boolean allReady() {
        return (phase == Phase.RUNTIME_READY || phase == Phase.RUNNING) && extensions.values().stream().allMatch(e -> e.ready);
    }

    Extension extensionNamed(String name) {
        return extensions.values().stream().filter(e -> e.name.equals(name)).findFirst().orElse(null);
    }
}

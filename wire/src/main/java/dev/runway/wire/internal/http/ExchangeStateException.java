package dev.runway.wire.internal.http;

/**
 * An operation called in a state that does not allow it, such as a chunk written when no chunked body was started.
 * A programming error in the caller, never a network failure (those are {@link java.io.IOException}s): the
 * connection refuses before writing or reading anything, so the stream stays intact.
 */
public final class ExchangeStateException extends IllegalStateException {

    private static final long serialVersionUID = 1L;

    private final transient ExchangeState from;
    private final transient ExchangeState to;

    ExchangeStateException(ExchangeState from, ExchangeState to) {
        super("illegal HTTP exchange transition " + from + " -> " + to);
        this.from = from;
        this.to = to;
    }

    /** @return the state the connection was in */
    public ExchangeState from() {
        return from;
    }

    /** @return the state the operation needed to move to */
    public ExchangeState to() {
        return to;
    }
}

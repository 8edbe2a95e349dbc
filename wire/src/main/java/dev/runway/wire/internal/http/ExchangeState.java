package dev.runway.wire.internal.http;

/**
 * Where a connection is in its request/response exchange. Every move goes through {@link #check}: an operation
 * called out of turn (a chunk after the body ended, a second request while a response is unread) fails with
 * {@link ExchangeStateException} before a byte is written, instead of corrupting the stream.
 *
 * <pre>
 *   CLOSED --open--&gt; IDLE --head sent--&gt; WRITING_REQUEST_BODY --body sent--&gt; READING_RESPONSE_HEADERS
 *   READING_RESPONSE_HEADERS --final status and fields--&gt; READING_RESPONSE_BODY --body read--&gt; IDLE
 *   any state --failure, close, or a response that ends the connection--&gt; CLOSED
 * </pre>
 */
public enum ExchangeState {
    /** No socket: opened on the next request. */
    CLOSED,
    /** Open and between exchanges: a request may start. */
    IDLE,
    /** The request head was sent; its body (fixed, or chunks) is being written. */
    WRITING_REQUEST_BODY,
    /** The request was sent whole; the status line and header fields are being read. */
    READING_RESPONSE_HEADERS,
    /** The response head was read; its body is being read. */
    READING_RESPONSE_BODY;

    /**
     * @param next the state to move to
     * @return whether the exchange may move from this state to {@code next}
     */
    public boolean canMoveTo(ExchangeState next) {
        // if/else, not a switch: an enum switch costs a synthetic class, loaded on every cold start.
        if (next == CLOSED) {
            return true;
        }
        if (next == IDLE) {
            return this == CLOSED || this == READING_RESPONSE_BODY;
        }
        if (next == WRITING_REQUEST_BODY) {
            return this == IDLE;
        }
        if (next == READING_RESPONSE_HEADERS) {
            return this == WRITING_REQUEST_BODY;
        }
        return this == READING_RESPONSE_HEADERS; // READING_RESPONSE_BODY
    }

    /**
     * @param next the state to move to
     * @return {@code next}
     * @throws ExchangeStateException when the move is not allowed from this state
     */
    ExchangeState check(ExchangeState next) {
        if (!canMoveTo(next)) {
            throw new ExchangeStateException(this, next);
        }
        return next;
    }
}

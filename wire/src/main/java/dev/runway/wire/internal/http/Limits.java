package dev.runway.wire.internal.http;

/**
 * The bounds a response must stay within, the same for every Lambda API: each far above what the platform sends,
 * each far below what a lying or broken peer could otherwise make the client allocate or wait for.
 */
public final class Limits {

    /** The longest status, field, chunk-size or trailer line; Lambda's largest field (client context) is far smaller. */
    public static final int MAX_LINE_BYTES = 16 * 1024;
    /** The most field lines in a response head, and separately in a trailer section; Lambda sends about ten. */
    public static final int MAX_FIELD_LINES = 256;
    /** The largest response body: far above any event Lambda hands out (6 MiB). */
    public static final int MAX_BODY_BYTES = 32 * 1024 * 1024;
    /**
     * A declared body (or chunk) up to this size is allocated at once; past it the array grows only as bytes actually
     * arrive, so a {@code Content-Length} the peer does not send costs no more memory than what it did send.
     */
    public static final int TRUSTED_BODY_BYTES = 1024 * 1024;

    private Limits() {}
}

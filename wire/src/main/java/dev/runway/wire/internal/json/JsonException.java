package dev.runway.wire.internal.json;

/**
 * A document that is not JSON (RFC 8259), or that exceeds {@link JsonLimits}: says what is wrong and at which
 * character. An {@link IllegalArgumentException}, so that callers written against the readers this one replaced,
 * which caught that, keep working.
 */
public final class JsonException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    private final int position;
    private final String reason;

    /**
     * @param reason what is wrong, without the position
     * @param position the index of the character where the reader found it (the text's length at its end)
     */
    public JsonException(String reason, int position) {
        super("invalid JSON at character " + position + ": " + reason);
        this.reason = reason;
        this.position = position;
    }

    /** @return the index of the character where the reader found the problem */
    public int position() {
        return position;
    }

    /** @return what is wrong, without the position */
    public String reason() {
        return reason;
    }
}

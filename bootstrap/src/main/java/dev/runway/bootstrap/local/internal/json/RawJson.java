package dev.runway.bootstrap.local.internal.json;

/**
 * JSON text written as is inside a document {@link Json#write} builds, such as a log record already encoded.
 *
 * @param text valid JSON
 */
public record RawJson(String text) {}

package dev.runway.ric.internal.logging;

import com.amazonaws.services.lambda.runtime.LambdaLogger;
import com.amazonaws.services.lambda.runtime.logging.LogLevel;

/**
 * The {@link LambdaLogger} of {@code LambdaRuntime.getLogger()} and {@code context.getLogger()}.
 *
 * <ul>
 *   <li>{@code log(String)} and {@code log(String, UNDEFINED)}: level INFO (what the Lambda documentation
 *       promises, never {@code UNDEFINED}); the text format writes the message as it is.
 *   <li>{@code log(String, level)}: that level; the text format writes {@code [LEVEL] message}, as the managed
 *       runtime does.
 *   <li>{@code log(byte[])}, {@code log(byte[], level)}: the bytes are a formatted record (this is how
 *       {@code aws-lambda-java-log4j2} writes), passed as they are in the text format and, when they are a JSON
 *       object, in the JSON format too; other bytes are wrapped in the JSON format like a message.
 * </ul>
 * Filtering uses {@code AWS_LAMBDA_LOG_LEVEL}; nothing is filtered when it is unset.
 */
final class RunwayLambdaLogger implements LambdaLogger {

    private static final byte[] NULL = {'n', 'u', 'l', 'l'};

    private final RecordWriter writer;
    private final int threshold;

    RunwayLambdaLogger(RecordWriter writer, LogLevel threshold) {
        this.writer = writer;
        this.threshold = threshold.ordinal();
    }

    @Override
    public void log(String message) {
        if (LogLevel.INFO.ordinal() >= threshold) {
            String text = String.valueOf(message);
            writer.text(LogLevel.INFO, 0, text, text.length(), Target.OUT);
        }
    }

    @Override
    public void log(String message, LogLevel level) {
        if (level == null || level == LogLevel.UNDEFINED) {
            log(message);
        } else if (level.ordinal() >= threshold) {
            String text = String.valueOf(message);
            writer.text(level, RecordWriter.LEVELLED, text, text.length(), Target.OUT);
        }
    }

    @Override
    public void log(byte[] message) {
        byte[] bytes = message == null ? NULL : message;
        LogLevel level = LogLevel.INFO;
        if (JsonObjects.looksLikeObject(bytes, 0, bytes.length)) {
            level = JsonObjects.level(bytes, 0, bytes.length, level);
        }
        if (level.ordinal() >= threshold) {
            writer.bytes(level, RecordWriter.PASS_JSON, bytes, 0, bytes.length, Target.OUT);
        }
    }

    @Override
    public void log(byte[] message, LogLevel level) {
        if (level == null || level == LogLevel.UNDEFINED) {
            log(message);
        } else if (level.ordinal() >= threshold) {
            byte[] bytes = message == null ? NULL : message;
            writer.bytes(level, RecordWriter.PASS_JSON, bytes, 0, bytes.length, Target.OUT);
        }
    }
}

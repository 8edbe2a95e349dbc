package dev.runway.ric.testing;

import com.amazonaws.services.lambda.runtime.logging.LogFormat;
import com.amazonaws.services.lambda.runtime.logging.LogLevel;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedInputStream;
import java.io.Closeable;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.FileInputStream;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * The reading end of a real telemetry log pipe: a FIFO made with {@code mkfifo}, which a runtime under test gets
 * as {@code _LAMBDA_TELEMETRY_LOG_FD} (see {@link #shellRedirect()}). Frames are parsed as the platform parses
 * them, on a thread of their own, and checked as they arrive: a bad magic number or a missing timestamp bit fails
 * the test that takes the next frame.
 */
public final class TelemetryFrames implements Closeable {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Object END = new Object();

    private final Path fifo;
    private final BlockingQueue<Object> frames = new LinkedBlockingQueue<>();
    private final Thread reader;
    private volatile boolean opened;

    private TelemetryFrames(Path fifo) {
        this.fifo = fifo;
        this.reader = new Thread(this::read, "telemetry-frames");
        reader.setDaemon(true);
        reader.start();
    }

    /**
     * Makes the FIFO and starts reading it; the read blocks until the runtime opens the FIFO for writing.
     *
     * @param directory where the FIFO is made
     * @return the reader
     */
    public static TelemetryFrames create(Path directory) throws IOException, InterruptedException {
        Path fifo = java.nio.file.Files.createDirectories(directory).resolve("telemetry.fifo");
        Process mkfifo = new ProcessBuilder("mkfifo", fifo.toString()).inheritIO().start();
        if (mkfifo.waitFor() != 0) {
            throw new IOException("mkfifo " + fifo + " failed");
        }
        return new TelemetryFrames(fifo);
    }

    /** @return the FIFO's path */
    public Path path() {
        return fifo;
    }

    /**
     * @return a {@code sh -c} script that opens the FIFO as descriptor 3 and runs the rest of its arguments,
     *     {@code "$0" "$@"}, so the runtime inherits the descriptor as it does on Lambda
     */
    public String shellRedirect() {
        return "exec 3>'" + fifo + "'; exec \"$0\" \"$@\"";
    }

    /**
     * @param timeout a bound on a hung test, not an assertion on speed
     * @return the next frame
     * @throws AssertionError when none came, or the pipe was closed
     */
    public Frame next(Duration timeout) throws InterruptedException {
        Object item = frames.poll(timeout.toMillis(), TimeUnit.MILLISECONDS);
        if (item == null) {
            throw new AssertionError("no telemetry frame within " + timeout);
        }
        if (item == END) {
            frames.add(END);
            throw new AssertionError("the telemetry pipe was closed");
        }
        if (item instanceof Throwable t) {
            throw new AssertionError("bad telemetry frame", t);
        }
        return (Frame) item;
    }

    /** @return the frames up to and including the first that matches {@code last}, waiting at most 60 s for each */
    public List<Frame> until(Predicate<Frame> last) throws InterruptedException {
        List<Frame> taken = new ArrayList<>();
        while (true) {
            Frame frame = next(Duration.ofSeconds(60));
            taken.add(frame);
            if (last.test(frame)) {
                return taken;
            }
        }
    }

    /** @return the frames up to and including the first whose payload contains {@code marker} */
    public List<Frame> untilPayloadContains(String marker) throws InterruptedException {
        return until(frame -> frame.payload().contains(marker));
    }

    /** Unblocks the reader if no runtime ever opened the FIFO. */
    @Override
    public void close() {
        if (!opened) {
            try (FileOutputStream release = new FileOutputStream(fifo.toFile())) {
                release.flush();
            } catch (IOException ignored) {
                // the reader is gone already
            }
        }
    }

    private void read() {
        try (DataInputStream in = new DataInputStream(new BufferedInputStream(new FileInputStream(fifo.toFile())))) {
            opened = true;
            while (true) {
                int type;
                try {
                    type = in.readInt();
                } catch (EOFException end) {
                    break;
                }
                int length = in.readInt();
                long micros = in.readLong();
                byte[] payload = new byte[length];
                in.readFully(payload);
                frames.add(Frame.parse(type, micros, payload));
            }
        } catch (IOException | RuntimeException e) {
            frames.add(e);
        }
        frames.add(END);
    }

    /**
     * A frame as the platform reads it.
     *
     * @param type the type word
     * @param level the level bits, as a {@link LogLevel}
     * @param format the format bit
     * @param timestampMicros the header's timestamp
     * @param payload the payload, UTF-8
     */
    public record Frame(int type, LogLevel level, LogFormat format, long timestampMicros, String payload) {

        static Frame parse(int type, long micros, byte[] payload) {
            if ((type & 0xffff0000) != 0xA55A0000) {
                throw new IllegalStateException("bad magic: " + Integer.toHexString(type));
            }
            if ((type & 0b10) == 0) {
                throw new IllegalStateException("no timestamp bit: " + Integer.toHexString(type));
            }
            int levelBits = (type >> 2) & 0b111;
            if (levelBits > 6 || (type & 0xffe0) != 0) {
                throw new IllegalStateException("bad level bits: " + Integer.toHexString(type));
            }
            return new Frame(type, LogLevel.values()[levelBits], (type & 1) == 1 ? LogFormat.TEXT : LogFormat.JSON,
                    micros, new String(payload, StandardCharsets.UTF_8));
        }

        /** @return the payload parsed as JSON */
        public JsonNode json() {
            try {
                return JSON.readTree(payload);
            } catch (IOException e) {
                throw new UncheckedIOException("not JSON: " + payload, e);
            }
        }
    }
}
